import { randomUUID } from 'node:crypto'
import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import {
  calibrationSettings,
  type CalibrationScope,
  type CalibrationSettings,
} from '../../../shared/contract/calibration'
import { message, type Message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { defaultSettings } from '../../../core/calibration/defaults'
import { toIsoDate } from '../../../core/dates'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import { boxLabels } from './boxLabels'
import { cycleByName, peopleInScope } from './loadPopulation'
import {
  assertEditable,
  editablePerson,
  sessionRow,
  type CalibrationContext,
  type SessionRow,
} from './sessionRecord'
import { calibrationDefaultsOf } from '../settings/workspaceSettings'
import { requireScopeFields } from './calibrationFields'
import { liveFlagRecords, snapshotJson } from './flagRecords'
import { computeView } from './sessionView'
import { joinMessages } from '../../../core/calibration/messages'
import { createRollup } from './rollupCreate'
import { assertNotLockedByRollup, reopenedUnderRollup } from './rollupLinks'

export function createSession(
  input: ParsedInput<'calibration.create'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.create'> {
  const { db } = ctx
  if (input.from !== undefined) return createRollup(input, input.from, sessionSettings(input, ctx), ctx)
  const cycle = cycleByName(db, input.cycle)
  if (!cycle)
    throw new AppError(
      'INVALID_INPUT',
      input.cycle === undefined
        ? message('calibration.errors.noCycles')
        : message('calibration.errors.noCycle', { cycle: input.cycle }),
      { cycle: input.cycle ?? null },
    )
  const settings = sessionSettings(input, ctx)
  requireScopeFields(db, input.scope)
  const members = peopleInScope(db, input.scope)
  if (members.length === 0)
    throw new AppError(
      'INVALID_INPUT',
      message('calibration.errors.emptyScope', { scope: scopeText(input.scope) }),
      {
        scope: input.scope,
      },
    )
  const sessionId = randomUUID()
  db.transaction(() => {
    db.prepare(
      `INSERT INTO calibration_sessions (id, name, cycle_id, scope_json, facilitator, status, settings_json, created_at)
       VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)`,
    ).run(
      sessionId,
      input.name,
      cycle.id,
      JSON.stringify(input.scope),
      input.facilitator ?? ctx.actor,
      JSON.stringify(settings),
      ctx.now.toISOString(),
    )
    const add = db.prepare('INSERT INTO calibration_members (session_id, person_id) VALUES (?, ?)')
    for (const id of members) add.run(sessionId, id)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'calibration.create',
        entityType: 'calibration_session',
        entityId: sessionId,
        after: { name: input.name, cycle: cycle.name, scope: input.scope, people: members.length },
      },
      ctx.now,
    )
  })()
  return { sessionId, people: members.length }
}

/** A new session's settings: the defaults, the workspace's own, then whatever this session was given. */
function sessionSettings(
  input: ParsedInput<'calibration.create'>,
  ctx: CalibrationContext,
): CalibrationSettings {
  const { db } = ctx
  const given = {
    ...defaultSettings(toIsoDate(ctx.now)),
    // The workspace's own defaults (Settings), then whatever this session was given.
    ...calibrationDefaultsOf(db),
    labels: boxLabels(db),
    ...(input.settings ?? {}),
  }
  // `potentialFrom` and `blendOf` change only where potential comes from: weight, cuts and scale stay as given.
  return calibrationSettings.parse({
    ...given,
    potential: {
      ...given.potential,
      ...(input.potentialFrom !== undefined ? { source: input.potentialFrom } : {}),
      ...(input.blendOf !== undefined ? { blendOf: input.blendOf } : {}),
    },
  })
}

export function describeScope(scope: CalibrationScope): string {
  const parts = Object.entries(scope).map(([k, v]) => `${k}=${String(v)}`)
  return parts.length === 0 ? 'the whole workspace' : parts.join(', ')
}

/** The scope for a message: its fields as given, or "the whole workspace" in the user's language. */
function scopeText(scope: CalibrationScope): string | Message {
  return Object.keys(scope).length === 0 ? message('calibration.errors.wholeWorkspace') : describeScope(scope)
}

export function listSessions(db: WorkspaceDb): MethodOutput<'calibration.list'> {
  const rows = db
    .prepare(
      `SELECT s.*, c.name AS cycle_name, (SELECT count(*) FROM calibration_members m WHERE m.session_id = s.id) AS people
       FROM calibration_sessions s JOIN review_cycles c ON c.id = s.cycle_id ORDER BY s.created_at DESC`,
    )
    .all() as (SessionRow & { cycle_name: string; people: number })[]
  return rows.map((r) => ({
    sessionId: r.id,
    name: r.name,
    cycle: r.cycle_name,
    scope: JSON.parse(r.scope_json) as CalibrationScope,
    facilitator: r.facilitator,
    status: r.status,
    people: r.people,
    createdAt: r.created_at,
  }))
}

export function setStatus(
  input: ParsedInput<'calibration.setStatus'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.setStatus'> {
  const { db } = ctx
  const row = sessionRow(db, input.sessionId)
  const next = input.status
  if (next === 'reopened' && row.status !== 'finalized')
    throw new AppError('INVALID_INPUT', message('calibration.errors.reopenOnlyFinalized'), {
      status: row.status,
    })
  if (next === 'reopened' && (input.reason ?? '').length < 3) {
    // A child of a live roll-up says which roll-up it is locked by, and that a reason opens it.
    assertNotLockedByRollup(db, row, true)
    throw new AppError('INVALID_INPUT', message('calibration.errors.reopenWhy'), {})
  }
  if (next !== 'reopened') {
    assertNotLockedByRollup(db, row)
    assertEditable(row)
  }
  let snapshot: string | null = null
  if (next === 'finalized') {
    const view = computeView(db, row, true)
    if (view.settings.enforceTargets) {
      const off = view.distribution.filter((d) => d.deviation !== 'on-target')
      if (off.length > 0)
        throw new AppError(
          'INVALID_INPUT',
          message('calibration.errors.targetsEnforced', {
            items: joinMessages(
              off.map((d) =>
                message('calibration.errors.offTarget', {
                  box: d.box,
                  deviation: message(`calibration.errors.deviation.${d.deviation as 'over' | 'under'}`),
                  actual: d.actual,
                  target: d.targetCount,
                }),
              ),
              'comma',
            ),
          }),
          {},
        )
    }
    // The records behind each flag are frozen with the grid: the export of a finalized session shows what the
    // meeting saw, whatever is imported later.
    snapshot = snapshotJson(view, liveFlagRecords(db, row, view))
  }
  db.transaction(() => {
    db.prepare('UPDATE calibration_sessions SET status = ?, finalized_json = ? WHERE id = ?').run(
      next,
      snapshot,
      row.id,
    )
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: `calibration.${next === 'finalized' ? 'finalize' : next === 'reopened' ? 'reopen' : 'goLive'}`,
        entityType: 'calibration_session',
        entityId: row.id,
        before: { status: row.status },
        after: { status: next },
        reason: input.reason ?? null,
      },
      ctx.now,
    )
    if (next === 'reopened') reopenedUnderRollup(row, input.reason ?? '', ctx)
  })()
  return { status: next }
}

export function markDiscussed(
  input: ParsedInput<'calibration.markDiscussed'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.markDiscussed'> {
  const { db } = ctx
  const { row, personId } = editablePerson(db, input.sessionId, input.employeeId)
  db.prepare('UPDATE calibration_members SET discussed = ? WHERE session_id = ? AND person_id = ?').run(
    input.discussed ? 1 : 0,
    row.id,
    personId,
  )
  const { n } = db
    .prepare('SELECT count(*) AS n FROM calibration_members WHERE session_id = ? AND discussed = 1')
    .get(row.id) as { n: number }
  return { discussed: n }
}

export function updateFlag(
  input: ParsedInput<'calibration.updateFlag'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.updateFlag'> {
  const { db } = ctx
  const { row, personId } = editablePerson(db, input.sessionId, input.employeeId)
  db.transaction(() => {
    db.prepare(
      `INSERT INTO calibration_flag_states (session_id, person_id, code, status, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (session_id, person_id, code) DO UPDATE SET status = excluded.status, note = excluded.note,
         actor = excluded.actor, at = excluded.at`,
    ).run(row.id, personId, input.code, input.status, input.note, ctx.actor, ctx.now.toISOString())
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'calibration.flag',
        entityType: 'calibration_session',
        entityId: row.id,
        after: { employeeId: input.employeeId, code: input.code, status: input.status },
        reason: input.note,
      },
      ctx.now,
    )
  })()
  return { status: input.status }
}

export function setBlind(
  input: ParsedInput<'calibration.setBlind'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.setBlind'> {
  const { db } = ctx
  const row = sessionRow(db, input.sessionId)
  db.transaction(() => {
    db.prepare('UPDATE calibration_sessions SET blind = ? WHERE id = ?').run(input.blind ? 1 : 0, row.id)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: input.blind ? 'calibration.blindOn' : 'calibration.blindOff',
        entityType: 'calibration_session',
        entityId: row.id,
      },
      ctx.now,
    )
  })()
  return { blind: input.blind }
}

export function addNote(
  input: ParsedInput<'calibration.addNote'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.addNote'> {
  const { db } = ctx
  const { row, personId } = editablePerson(db, input.sessionId, input.employeeId)
  db.transaction(() => {
    db.prepare(
      'INSERT INTO calibration_notes (session_id, person_id, text, actor, at) VALUES (?, ?, ?, ?, ?)',
    ).run(row.id, personId, input.text, ctx.actor, ctx.now.toISOString())
    // The log records that a note was written, not what it says: notes are private to the session.
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'calibration.note',
        entityType: 'calibration_session',
        entityId: row.id,
        after: { employeeId: input.employeeId },
      },
      ctx.now,
    )
  })()
  const { n } = db
    .prepare('SELECT count(*) AS n FROM calibration_notes WHERE session_id = ? AND person_id = ?')
    .get(row.id, personId) as { n: number }
  return { notes: n }
}
