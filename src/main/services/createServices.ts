import { message } from '../../shared/i18n/translate'
import { createDispatcher, type Dispatcher, type Handlers } from '../rpc/dispatcher'
import type { AppError } from '../../shared/result'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { commitImport, previewImport } from '../import/importService'
import { commitXapi } from '../import/xapi/commitXapi'
import { listImports, undoImport } from '../import/importBatches'
import { claimSpoolRoot } from '../import/parseInWorker'
import { STAGED_FILE_LIFETIME_MS, StagedFiles } from '../import/staging'
import { confinePaths } from '../rpc/pathGuard'
import { saveMappingProfile } from '../import/mappingProfiles'
import { linkUnmatched, listUnmatched } from '../import/linkUnmatched'
import { populateDemo } from './demoService'
import {
  addNote,
  createSession,
  listSessions,
  markDiscussed,
  setBlind,
  setStatus,
  updateFlag,
} from './calibration/calibrationService'
import { writeCalibrationWorkbook } from './calibration/calibrationWorkbook'
import { writeCalibratedSource } from './calibration/calibratedSource'
import { personDetail } from './calibration/personDetail'
import { sessionLog } from './calibration/sessionLog'
import { listCycles } from './calibration/loadPopulation'
import { boxLabels, setBoxLabels } from './calibration/boxLabels'
import { adoptSandbox, moveInSession, redoStep, undoStep } from './calibration/sessionMoves'
import { setPotentialSource } from './calibration/potentialSource'
import { sessionForExport, showSession } from './calibration/sessionView'
import { sessionStateWrite } from './calibration/sessionCache'
import { withPreviousBoxes, withPreviousForExport } from './calibration/previousBoxes'
import { withProposals } from './calibration/proposals'
import { importProposals } from './calibration/proposalImport'
import { heldManagersOf } from './calibration/proposalsWorkbook'
import { sessionMembersById } from './calibration/proposalsReadBack'

import { listRoles, roleCandidates, setReadiness } from './succession/candidates'
import { createRole, deleteRole } from './succession/roles'
import { closeGaps } from './succession/closeGaps'
import { createPool, deletePool, listPools } from './succession/pools'
import { ontologySkills } from './succession/skillProfiles'
import { exportSuccessionReport } from './succession/successionReport'
import { toIsoDate } from '../../core/dates'
import { PROFICIENCY_CONVERSIONS, PROFICIENCY_LEVELS } from '../../core/skills/proficiency'
import { applyRule, cancelActions, listOutbox } from './rules/outbox'
import { exportOutbox } from './rules/outboxExport'
import { deleteRule, listRules, saveRule } from './rules/ruleStore'
import { listMerges, mergeSkills, undoMerge } from './skills/merges'
import { exportOntology, importOntology, mapItem } from './skills/ontologyWorkbook'
import { addAlias, listSkills, suggestMerges, updateSkill } from './skills/ontology'
import { qualityReport } from './qualityReport'
import { analysisHandlers } from './analysisHandlers'
import { EventBus } from './eventBus'
import { JobRegistry } from './jobs'
import { listPeople, peopleFacets } from './peopleService'
import type { ServicePorts } from './ports'
import { IDLE_CHECK_MS, IdleLock } from './workspace/idleLock'
import { applySettings, readSettings } from './settings/workspaceSettings'
import { WorkspaceBackups } from './workspace/workspaceBackups'
import { workspaceHandlers } from './workspace/workspaceHandlers'
import { lrsHandlers } from '../lrs/lrsHandlers'
import { WorkspaceSession } from './workspace/workspaceSession'

/** Exports shorter than this need no notice that they finished. */
const LONG_EXPORT_SECONDS = 2

export interface Services {
  /** For callers whose paths a person chose (desktop dialogs, the CLI, tests). */
  readonly dispatcher: Dispatcher
  /** For the browser host: the same methods, with file paths confined by each method's contract policy. */
  readonly httpDispatcher: Dispatcher
  readonly events: EventBus
  readonly session: WorkspaceSession
  readonly backups: WorkspaceBackups
  readonly jobs: JobRegistry
  /** Locks the workspace after N minutes without the user (checked every few seconds). */
  readonly idle: IdleLock
  /** What runs every few seconds: lock when idle, drop uploads staged and left unused too long. */
  sweep(): void
  /** Closes the workspace (and with it the key) — call on shutdown. */
  dispose(): void
}

/**
 * Composes the services every shell shares. The Electron main process, the browser host, the CLI and the tests
 * all call this, differing only in the ports they pass.
 */
export function createServices(ports: ServicePorts): Services {
  const events = new EventBus()
  const jobs = new JobRegistry(events)
  const session = new WorkspaceSession(ports, events)
  const now = (): Date => ports.now?.() ?? new Date()
  const idle = new IdleLock(session, now)
  const backups = new WorkspaceBackups(session, ports, events)
  // Only its owner may list the workspaces, backups and spool in it (when Ninefold creates it; a folder the user
  // already had keeps the mode they gave it).
  mkdirSync(ports.dataDirectory, { recursive: true, mode: 0o700 })
  // Spool files of a killed import are plaintext: clear them before anything else runs.
  const spoolRoot = claimSpoolRoot(join(ports.dataDirectory, 'tmp', 'import-spool'))
  const staged = new StagedFiles(spoolRoot, () => now().getTime())
  const importContext = () => ({
    db: session.db,
    actor: ports.actor,
    now: now(),
    spoolRoot,
    beforeUpdatingCommit: () => void backups.rollingBackup('before-import'),
  })

  const calibrationContext = () => {
    session.assertIdle()
    return { db: session.db, actor: ports.actor, now: now() }
  }
  /** A write to a session's own state: what its views are built from stays cached (see sessionCache). */
  const sessionWrite = <T>(write: () => T): T => sessionStateWrite(session.db, write)

  /**
   * Writes an export to the path given (CLI, desktop save dialog) or, for the browser, to the private spool folder
   * (plaintext never lands in the OS temp dir) and hands it over as bytes.
   */
  const writeToPathOrBytes = async (
    path: string | undefined,
    fileName: string,
    write: (path: string) => Promise<unknown>,
  ): Promise<{ fileName: string; path: string | null; bytes: Uint8Array<ArrayBuffer> | null }> => {
    const started = Date.now()
    // A long export ends with a notice, like a long import: the person may have switched to another window.
    const finished = (): void => {
      const seconds = (Date.now() - started) / 1000
      if (seconds >= LONG_EXPORT_SECONDS)
        events.emit('jobs.finished', {
          jobId: `export-${randomUUID()}`,
          ok: true,
          message: JobRegistry.exportFinished(path ? basename(path) : fileName),
          seconds: Math.round(seconds * 10) / 10,
        })
    }
    if (path) {
      await write(path)
      finished()
      return { fileName: basename(path), path, bytes: null }
    }
    mkdirSync(spoolRoot, { recursive: true, mode: 0o700 })
    const temporary = join(spoolRoot, `${randomUUID()}${extname(fileName)}`)
    try {
      await write(temporary)
      finished()
      return { fileName, path: null, bytes: new Uint8Array(readFileSync(temporary)) }
    } finally {
      rmSync(temporary, { force: true })
    }
  }

  const handlers: Handlers = {
    'app.info': () => ({
      name: 'Ninefold',
      version: ports.version,
      shell: ports.shell,
      dataDirectory: ports.dataDirectory,
      osKeychain: ports.osKeychain?.status() ?? 'unsupported',
    }),
    ...workspaceHandlers({ session, ports, idle, backups, now }),
    'settings.get': () => readSettings(session.reader),
    'settings.apply': (input) => {
      const { db, actor, now: at } = calibrationContext()
      const result = applySettings(db, input.settings, { actor, now: at, reason: input.reason })
      events.emit('workspace.changed', session.status())
      return result
    },
    'settings.export': (input) =>
      writeToPathOrBytes(input.path, 'Ninefold settings.json', async (path) => {
        await writeFile(path, `${JSON.stringify(readSettings(session.reader), null, 2)}\n`)
      }),
    'people.list': (input) => listPeople(session.reader, input),
    'people.facets': () => peopleFacets(session.reader),
    'demo.populate': (input) =>
      session.exclusively(message('workspace.busy.demoFill'), () =>
        jobs.run(
          input.jobId,
          (job) =>
            populateDemo(
              session.db,
              { people: input.people, seed: input.seed, now: now(), actor: ports.actor },
              job,
            ),
          message('common.jobs.demoFill', { count: input.people }),
        ),
      ),
    'jobs.cancel': (input) => ({ cancelled: jobs.cancel(input.jobId) }),
    'import.preview': (input) =>
      staged.withPlaintext(input.path, (path) => previewImport({ ...input, path }, importContext())),
    'import.saveProfile': (input) => {
      session.assertIdle()
      saveMappingProfile(session.db, input.name, input.kind, input.headers, input.mapping, now())
      return { name: input.name }
    },
    'import.stage': (input) => staged.stage(input.fileName, input.bytes),
    'import.commit': async (input) => {
      const result = await session.exclusively(message('workspace.busy.import'), () =>
        jobs.run(
          input.jobId,
          (job) =>
            staged.withPlaintext(input.path, (path) =>
              input.kind === 'xapi'
                ? commitXapi({ ...input, path }, importContext(), job)
                : commitImport({ ...input, path }, importContext(), job),
            ),
          message('common.jobs.importOf', { file: basename(input.path) }),
        ),
      )
      if (result.outcome === 'stored' || result.outcome === 'already-imported') staged.discard(input.path)
      // Head counts and the like changed: screens that show the workspace summary refresh from this event.
      if (result.outcome === 'stored') events.emit('workspace.changed', session.status())
      return result
    },
    'import.undo': (input) => {
      session.assertIdle()
      const result = undoImport(session.db, input.batchId, ports.actor, now())
      events.emit('workspace.changed', session.status())
      return result
    },
    'import.list': () => listImports(session.reader),
    ...lrsHandlers({ session, events, jobs, actor: ports.actor, now, http: ports.lrsHttp }),
    'quality.report': () => qualityReport(session.reader, now()),
    'import.unmatched': () => listUnmatched(session.reader),
    'calibration.create': (input) => createSession(input, calibrationContext()),
    'calibration.labels': () => boxLabels(session.reader),
    'calibration.setLabels': (input) => {
      const { db, actor, now: at } = calibrationContext()
      return setBoxLabels(db, input.labels, actor, at)
    },
    'calibration.cycles': () => listCycles(session.reader),
    'calibration.list': () => listSessions(session.reader),
    'calibration.show': (input) =>
      withProposals(
        session.reader,
        withPreviousBoxes(session.reader, showSession(session.reader, input.sessionId)),
      ),
    'calibration.importProposals': async (input) => {
      const result = await importProposals(input, {
        reader: session.reader,
        context: calibrationContext,
        sessionWrite,
        withPlaintext: (path, read) => staged.withPlaintext(path, read),
        spoolRoot,
      })
      // A stored upload is not wanted again; one with problems stays for a retry until it is replaced.
      if (result.stored && input.path) staged.discard(input.path)
      return result
    },
    'calibration.person': (input) => personDetail(session.reader, input.sessionId, input.employeeId),
    'calibration.log': (input) => sessionLog(session.reader, input.sessionId),
    'calibration.move': (input) => sessionWrite(() => moveInSession(input, calibrationContext())),
    'calibration.adoptSandbox': (input) => sessionWrite(() => adoptSandbox(input, calibrationContext())),
    'calibration.setPotentialSource': (input) =>
      sessionWrite(() => setPotentialSource(input, calibrationContext())),
    'calibration.undo': (input) => sessionWrite(() => undoStep(input.sessionId, calibrationContext())),
    'calibration.redo': (input) => sessionWrite(() => redoStep(input.sessionId, calibrationContext())),
    'calibration.setStatus': (input) => sessionWrite(() => setStatus(input, calibrationContext())),
    'calibration.markDiscussed': (input) => sessionWrite(() => markDiscussed(input, calibrationContext())),
    'calibration.updateFlag': (input) => sessionWrite(() => updateFlag(input, calibrationContext())),
    'calibration.addNote': (input) => sessionWrite(() => addNote(input, calibrationContext())),
    'calibration.setBlind': (input) => sessionWrite(() => setBlind(input, calibrationContext())),
    'succession.skills': () =>
      ontologySkills(session.reader).map((s) => ({
        skillId: s.id,
        name: s.name,
        aliases: [...s.aliases],
        category: s.category,
        status: s.status,
      })),
    'succession.roles': () => listRoles(session.reader, toIsoDate(now())),
    'succession.createRole': (input) => createRole(input, calibrationContext()),
    'succession.deleteRole': (input) => deleteRole(input.roleId, calibrationContext()),
    'succession.candidates': (input) => roleCandidates(session.reader, input, toIsoDate(now())),
    'succession.setReadiness': (input) => setReadiness(input, calibrationContext()),
    'succession.closeGaps': (input) => closeGaps(input, calibrationContext()),
    'succession.pools': () => listPools(session.reader),
    'succession.createPool': (input) => createPool(input, calibrationContext()),
    'succession.deletePool': (input) => deletePool(input.poolId, calibrationContext()),
    ...analysisHandlers({
      session,
      events,
      now,
      context: calibrationContext,
      writeToPathOrBytes,
      handlers: () => handlers,
    }),
    'succession.export': (input) =>
      writeToPathOrBytes(input.path, 'Succession report.xlsx', (path) =>
        exportSuccessionReport(session.reader, path, toIsoDate(now()), input.roleIds, input.locale),
      ),
    'skills.list': () => listSkills(session.reader),
    'skills.update': (input) => updateSkill(input, calibrationContext()),
    'skills.addAlias': (input) => addAlias(input, calibrationContext()),
    'skills.suggestMerges': () => suggestMerges(session.reader),
    'skills.merge': (input) => mergeSkills(input, calibrationContext()),
    'skills.undoMerge': (input) => undoMerge(input.mergeId, calibrationContext()),
    'skills.merges': () => listMerges(session.reader),
    'skills.mapItem': (input) => mapItem(input, calibrationContext()),
    'skills.exportOntology': (input) =>
      writeToPathOrBytes(input.path, 'Skills ontology.xlsx', (path) =>
        exportOntology(session.reader, path, input.locale),
      ),
    'skills.importOntology': async (input) => {
      const result = await staged.withPlaintext(input.path, (path) =>
        importOntology(path, calibrationContext(), spoolRoot),
      )
      if (result.stored) staged.discard(input.path)
      return result
    },
    'skills.proficiency': () => ({
      levels: [...PROFICIENCY_LEVELS],
      conversions: PROFICIENCY_CONVERSIONS.map((c) => ({ scale: c.scale, labels: { ...c.labels } })),
    }),
    'rules.list': () => listRules(session.reader, toIsoDate(now())),
    'rules.save': (input) => saveRule(input, calibrationContext()),
    'rules.delete': (input) => deleteRule(input.ruleId, calibrationContext()),
    'rules.apply': (input) =>
      applyRule(
        input,
        input.dryRun ? { db: session.reader, actor: ports.actor, now: now() } : calibrationContext(),
      ),
    'rules.export': () =>
      listRules(session.reader, toIsoDate(now())).map(({ name, enabled, conditions, actions }) => ({
        name,
        enabled,
        conditions,
        actions,
      })),
    'rules.import': (input) => {
      const ctx = calibrationContext()
      // All or nothing: one rule naming an unknown item refuses the whole file (a retry then makes no duplicates).
      ctx.db.transaction(() => {
        for (const rule of input.rules) saveRule({ rule: { ...rule, enabled: false } }, ctx)
      })()
      return { imported: input.rules.length }
    },
    'outbox.list': (input) => listOutbox(session.reader, input, toIsoDate(now())),
    'outbox.cancel': (input) => cancelActions(input, calibrationContext()),
    'outbox.export': async (input) => {
      let rows = 0
      const file = await writeToPathOrBytes(input.path, `Enrolments.${input.format}`, async (path) => {
        rows = await exportOutbox(session.reader, path, input.format, toIsoDate(now()))
      })
      return { ...file, rows }
    },
    'calibration.export': (input) => {
      const exported = withPreviousForExport(
        session.reader,
        sessionForExport(session.reader, input.sessionId, input.kind),
      )
      const { changes, records } = exported
      const view = withProposals(session.reader, exported.view)
      const fileName = `${view.name.replace(/[^\w -]+/g, '_')} ${input.kind === 'pre-read' ? 'pre-read' : 'results'}.xlsx`
      // Managers look for their people in the pre-read by name, held ones included.
      const heldManagers =
        input.kind === 'pre-read'
          ? heldManagersOf(sessionMembersById(session.reader, view.sessionId), view.holding)
          : undefined
      return writeToPathOrBytes(input.path, fileName, (path) =>
        writeCalibrationWorkbook(path, view, changes, input.kind, records, input.locale, heldManagers),
      )
    },
    'calibration.exportInto': async (input) => {
      const { view, changes } = sessionForExport(session.reader, input.sessionId, 'results')
      // An upload waits in the private spool folder like an import's, and goes as soon as the copy is written.
      const upload = input.bytes && input.fileName ? staged.stage(input.fileName, input.bytes) : null
      try {
        const stagedOrGiven = upload?.path ?? input.sourcePath ?? ''
        const sourceName = upload?.fileName ?? basename(stagedOrGiven)
        const stem = sourceName.replace(/\.xlsx$/i, '')
        let summary = { people: 0, changed: 0, sheet: '' }
        // A staged upload waits encrypted: the writer reads its plaintext copy for as long as it writes.
        const file = await staged.withPlaintext(stagedOrGiven, (sourcePath) =>
          writeToPathOrBytes(input.path, `${stem} calibrated.xlsx`, async (path) => {
            summary = await writeCalibratedSource(session.reader, view, changes, {
              sourcePath,
              sourceName,
              outPath: path,
              locale: input.locale,
            })
          }),
        )
        return { ...file, ...summary }
      } finally {
        if (upload) staged.discard(upload.path)
      }
    },
    'import.link': (input) => {
      session.assertIdle()
      const result = linkUnmatched(session.db, input.identifier, input.employeeId, ports.actor, now())
      events.emit('workspace.changed', session.status())
      return result
    },
  }

  const noticing = (inner: Dispatcher): Dispatcher => ({
    dispatch: (method, input) => {
      idle.noticeCall(method)
      return inner.dispatch(method, input)
    },
  })
  const recognise = (error: unknown): AppError | undefined => {
    const damage = session.damageOf(error)
    // Nothing more is written to a damaged file: it is closed at the first sign (unless a long write still holds
    // it, which its own failure rolls back).
    if (damage && !session.isBusy) session.close()
    return damage
  }
  const dispatcher = noticing(
    createDispatcher(handlers, { onInternalError: ports.onInternalError, recognise }),
  )
  // Over HTTP nobody chose a path in a dialog: each method's file paths follow its contract policy.
  const confinement = { dataDirectory: ports.dataDirectory, isStaged: (path: string) => staged.holds(path) }
  const httpDispatcher = noticing(
    createDispatcher(handlers, {
      onInternalError: ports.onInternalError,
      recognise,
      checkInput: (method, input) => confinePaths(method, input, confinement),
    }),
  )
  // Staged uploads are plaintext: they go with the workspace (closed or locked) and when left unused too long.
  const unsubscribeStaged = events.subscribe((event, payload) => {
    if (event === 'workspace.changed' && !(payload as { open: boolean }).open) staged.discardAll()
  })
  const sweep = (): void => {
    idle.lockIfIdle()
    staged.discardOlderThan(STAGED_FILE_LIFETIME_MS)
  }
  const idleTimer = setInterval(sweep, IDLE_CHECK_MS)
  idleTimer.unref()
  return {
    dispatcher,
    httpDispatcher,
    events,
    session,
    backups,
    jobs,
    idle,
    sweep,
    dispose: () => {
      clearInterval(idleTimer)
      unsubscribeStaged()
      session.close()
      // Uploads waiting for an import are plaintext: they do not outlive the process.
      rmSync(spoolRoot, { recursive: true, force: true })
    },
  }
}
