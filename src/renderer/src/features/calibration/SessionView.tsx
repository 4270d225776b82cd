import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { onHistoryCommand, runHistoryCommand } from '../../history'
import { useAppStore } from '../../stores/appStore'
import type { HeldPerson, Placement } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { boxLabel } from './labels'
import { MoveDialog } from './MoveDialog'
import { MAX_DRAWN_PER_BOX } from './NineBoxGrid'
import { FinalizeDialog } from './FinalizeDialog'
import { MeetingGrid } from './MeetingGrid'
import { PersonPanel } from './PersonPanel'
import { HeldPanel, HoldingTodo } from './HoldingTodo'
import { SessionLog } from './SessionLog'
import { FairnessAuditPanel } from '../fairness/FairnessAuditPanel'
import { matchesFilters, NO_FILTERS, SessionFilters, type Filters } from './SessionFilters'
import { useCalibrationSession } from './useCalibrationSession'
import { SandboxBar } from './SandboxBar'
import { SessionToolbar } from './SessionToolbar'
import { DistributionTable } from './DistributionTable'
import { HoldingList } from './HoldingList'
import { useStableCallback } from '../../useStableCallback'
import { AgendaPanel } from './AgendaPanel'
import { ProposalsPanel } from './ProposalsPanel'
import { BoxTable } from './BoxTable'
import { OrgFilter, useOrgScope } from './OrgFilter'
import { useFindLanding } from './useFindLanding'
import { RollupNotice } from './RollupNotice'

const STEP: Record<string, { column: number; row: number }> = {
  ArrowLeft: { column: -1, row: 0 },
  ArrowRight: { column: 1, row: 0 },
  ArrowUp: { column: 0, row: 1 },
  ArrowDown: { column: 0, row: -1 },
}

export function SessionView({
  sessionId,
  onBack,
}: {
  sessionId: string
  onBack: () => void
}): React.JSX.Element {
  const session = useCalibrationSession(sessionId)
  const translator = useT()
  const { t } = translator
  const { view } = session
  const [openBox, setOpenBox] = useState<number | null>(null)
  const found = useFindLanding(sessionId, view, MAX_DRAWN_PER_BOX, setOpenBox)
  const [selected, setSelected] = useState<string | null>(found)
  const org = useOrgScope(view)
  const [aim, setAim] = useState<{ employeeId: string; box: number } | null>(null)
  /** What the last move did, said to screen readers. */
  const [announcement, setAnnouncement] = useState('')
  const [pending, setPending] = useState<{ employeeIds: string[]; from: number | null; to: number } | null>(
    null,
  )
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [presenter, setPresenter] = useState(false)
  const [auditing, setAuditing] = useState(false)
  const [finalizing, setFinalizing] = useState(false)
  /** The holding area's list shows one reason once "place by hand" was chosen for it. */
  const [heldShown, setHeldShown] = useState<HeldPerson['reason'] | null>(null)
  const jump = useAppStore((state) => state.jump)
  const locked = view?.status === 'finalized'
  const person = useMemo(
    () => view?.placements.find((p) => p.employeeId === selected) ?? null,
    [view, selected],
  )
  const heldPerson = useMemo(
    () => (person ? null : (view?.holding.find((h) => h.employeeId === selected) ?? null)),
    [view, person, selected],
  )

  const shell = useAppStore((state) => state.info?.shell)
  /** Stable while the filters are: the crowded box's table rebuilds only when they change. */
  const matches = useCallback((p: Placement) => matchesFilters(p, filters), [filters])
  useEffect(() => {
    const offHistory = onHistoryCommand((command) => {
      if (!locked) void (command === 'undo' ? session.undo() : session.redo())
    })
    // On the desktop the Edit menu's accelerators send these; in the browser the keys are ours to catch.
    const onKey = (e: KeyboardEvent): void => {
      if (shell === 'electron' || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return
      const target = e.target
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return
      e.preventDefault()
      runHistoryCommand(e.shiftKey ? 'redo' : 'undo')
    }
    window.addEventListener('keydown', onKey)
    return () => {
      offHistory()
      window.removeEventListener('keydown', onKey)
    }
  }, [session, locked, shell])

  // Every callback a heavy child takes keeps its identity from render to render, so the grid, the crowded box's
  // table, the agenda and the filters skip a render that changes nothing they show (the move dialog opening and
  // closing, a selection): at 50,000 people each of those renders was most of a move's drop-to-persist time.
  /** Moving someone in the multi-selection moves the whole selection; anyone else moves alone. */
  const requestMove = useStableCallback((employeeId: string, to: number): void => {
    if (locked || !view) return
    const group = picked.has(employeeId) && picked.size > 1 ? [...picked] : [employeeId]
    const movers = view.placements.filter((p) => group.includes(p.employeeId) && p.box !== to)
    if (movers.length === 0) return
    const boxes = new Set(movers.map((p) => p.box))
    setPending({
      employeeIds: movers.map((p) => p.employeeId),
      from: boxes.size === 1 ? (movers[0]?.box ?? null) : null,
      to,
    })
  })
  const select = useCallback((employeeId: string, additive: boolean): void => {
    setSelected(employeeId)
    setPicked((current) => {
      // Pressing on a member of the selection keeps it (that is how a group drag starts).
      if (!additive) return current.has(employeeId) && current.size > 1 ? current : new Set([employeeId])
      const next = new Set(current)
      if (next.has(employeeId)) next.delete(employeeId)
      else next.add(employeeId)
      return next
    })
  }, [])
  const onKey = useStableCallback((e: React.KeyboardEvent, employeeId: string): void => {
    const current = view?.placements.find((p) => p.employeeId === employeeId)?.box ?? 5
    if (e.key === 'Escape') return setAim(null)
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      select(employeeId, false)
      if (aim?.employeeId === employeeId) {
        setAim(null)
        requestMove(employeeId, aim.box)
      } else if (!locked) setAim({ employeeId, box: current })
      return
    }
    const step = STEP[e.key]
    if (!step || aim?.employeeId !== employeeId) return
    e.preventDefault()
    const column = Math.min(2, Math.max(0, ((aim.box - 1) % 3) + step.column))
    const row = Math.min(2, Math.max(0, Math.floor((aim.box - 1) / 3) + step.row))
    setAim({ employeeId, box: 3 * row + column + 1 })
  })
  const markDiscussed = useStableCallback(
    (employeeId: string, discussed: boolean) => void session.markDiscussed(employeeId, discussed),
  )
  const exitPresenter = useCallback(() => setPresenter(false), [])
  const closeBox = useCallback(() => setOpenBox(null), [])
  const heldListed = useMemo(
    () =>
      !view || heldShown === null
        ? (view?.holding ?? [])
        : view.holding.filter((h) => h.reason === heldShown),
    [view, heldShown],
  )
  const target = aim?.box ?? (selected !== null && selected === found ? (person?.box ?? null) : null)
  // The grid and its counts take a new view at once; the lists beside it (the crowded box's table, the agenda, the
  // filters, the log) a moment later, in a render React may interrupt: at 50,000 people they were most of the time
  // between a move confirmed and the person shown in their new box.
  const lateView = useDeferredValue(view)
  const lateShown = useDeferredValue(org.shown ?? view)

  if (!view)
    return session.error ? (
      <ErrorBanner error={session.error} />
    ) : (
      <p aria-busy="true">{t('calibration.session.loading')}</p>
    )
  const nameOf = (employeeId: string): string =>
    view.placements.find((p) => p.employeeId === employeeId)?.name ??
    view.holding.find((h) => h.employeeId === employeeId)?.name ??
    employeeId
  const shown = org.shown ?? view
  const later = lateView ?? view
  const shownLater = lateShown ?? shown
  // Where the session (not the sandbox) has the person open in the panel, when the sandbox moved them.
  const saved = session.sandbox.active
    ? session.sandbox.saved?.placements.find((p) => p.employeeId === selected)
    : undefined
  const triedFrom = saved && person && saved.box !== person.box ? saved.box : null

  return (
    <div className={`calibration-session${presenter ? ' presenter' : ''}`}>
      <SessionToolbar
        view={view}
        session={session}
        presenter={presenter}
        onPresenter={(presenting) => {
          setPresenter(presenting)
          // The audit shows sensitive attributes: never on the projector.
          if (presenting) setAuditing(false)
        }}
        auditing={auditing}
        onAudit={() => setAuditing(true)}
        onBack={onBack}
        onFinalize={() => setFinalizing(true)}
      />
      <RollupNotice view={view} />
      <SandboxBar sandbox={session.sandbox} busy={session.busy} onAdopt={() => void session.adoptSandbox()} />
      {session.error !== null && (
        <div className="notice">
          <ErrorBanner error={session.error} />
          <button type="button" className="link" onClick={session.clearError}>
            {t('calibration.session.dismiss')}
          </button>
        </div>
      )}
      {auditing && !presenter ? (
        <FairnessAuditPanel sessionId={sessionId} onClose={() => setAuditing(false)} />
      ) : (
        <>
          <SessionFilters view={later} filters={filters} onChange={setFilters} />
          <OrgFilter view={later} shown={shownLater} manager={org.manager} onChange={org.setManager} />
          {picked.size > 1 && (
            <p className="muted">{t('calibration.session.selected', { count: picked.size })}</p>
          )}
          <p className="sr-only" aria-live="polite" data-testid="grid-announcement">
            {aim
              ? t('calibration.session.aiming', { name: nameOf(aim.employeeId), box: aim.box })
              : announcement}
          </p>
          <div className={`session-body${openBox === null ? '' : ' with-box-table'}`}>
            <div className="grid-column">
              <HoldingTodo
                groups={view.holdingTodo ?? []}
                locked={locked}
                busy={session.busy}
                onSource={(source) => void session.setPotentialSource(source)}
                onImport={(recordKind) => jump({ kind: 'import', recordKind })}
                onPlaceByHand={(reason) => {
                  setHeldShown(reason)
                  document.getElementById('holding-list')?.scrollIntoView({ block: 'center' })
                }}
              />
              {!presenter && (
                <ProposalsPanel
                  view={view}
                  locked={locked}
                  busy={session.busy}
                  onImport={session.importProposals}
                />
              )}
              {!presenter && (
                <AgendaPanel
                  view={later}
                  selected={selected}
                  locked={locked}
                  onSelect={setSelected}
                  onDiscussed={markDiscussed}
                />
              )}
              <MeetingGrid
                refreshing={session.refreshing}
                presenter={presenter}
                onExitPresenter={exitPresenter}
                view={shown}
                selected={selected}
                picked={picked}
                matches={matches}
                target={target}
                locked={locked}
                onSelect={select}
                onOpenBox={setOpenBox}
                onDrop={requestMove}
                onKey={onKey}
              />
              <p className="grid-legend muted small">
                {t('calibration.session.legend.title')}{' '}
                <span className="legend-high">{t('calibration.session.legend.high')}</span> ·{' '}
                <span className="legend-medium">{t('calibration.session.legend.medium')}</span> ·{' '}
                <span className="legend-gem">{t('calibration.session.legend.gem')}</span> ·{' '}
                {t('calibration.session.legend.moved')}
              </p>
              <DistributionTable distribution={view.distribution} />
              {!presenter && <SessionLog view={later} />}
              {view.holding.length > 0 && (
                <HoldingList
                  listed={heldListed}
                  placeByHand={heldShown !== null && !locked}
                  onOpen={setSelected}
                />
              )}
            </div>
            {openBox !== null && (
              <BoxTable
                view={shownLater}
                box={openBox}
                matches={matches}
                found={found}
                locked={locked}
                onOpen={setSelected}
                onMove={requestMove}
                onClose={closeBox}
              />
            )}
            {person ? (
              <PersonPanel
                sessionId={sessionId}
                person={person}
                presenter={presenter}
                locked={locked}
                blind={view.blind}
                labels={view.settings.labels}
                previous={view}
                triedFrom={triedFrom}
                onMoveTo={(box) => requestMove(person.employeeId, box)}
                onDiscussed={(discussed) => void session.markDiscussed(person.employeeId, discussed)}
                onFlag={(code, status, note) =>
                  void session.updateFlag(person.employeeId, code, status, note)
                }
                onNote={(text) => void session.addNote(person.employeeId, text)}
              />
            ) : heldPerson ? (
              <HeldPanel
                person={heldPerson}
                locked={locked}
                labels={view.settings.labels}
                onPlace={(box) => setPending({ employeeIds: [heldPerson.employeeId], from: null, to: box })}
              />
            ) : (
              <aside className="person-panel muted">{t('calibration.session.noPerson')}</aside>
            )}
          </div>
        </>
      )}
      {finalizing && view && (
        <FinalizeDialog
          view={view}
          onCancel={() => setFinalizing(false)}
          onConfirm={() => (setFinalizing(false), void session.finalize())}
        />
      )}
      {pending && (
        <MoveDialog
          who={
            pending.employeeIds.length === 1
              ? nameOf(pending.employeeIds[0] ?? '')
              : t('calibration.session.people', { count: pending.employeeIds.length })
          }
          from={pending.from}
          to={pending.to}
          requireText={view.settings.requireMoveText === true}
          onCancel={() => setPending(null)}
          onConfirm={(reasonCode, reason) => {
            const { employeeIds, to, from } = pending
            const who =
              employeeIds.length === 1
                ? nameOf(employeeIds[0] ?? '')
                : t('calibration.session.people', { count: employeeIds.length })
            setPending(null)
            void session.move({ employeeIds, box: to, reasonCode, reason }).then((moved) => {
              // Screen readers hear what the drag did, as sighted users see the dot land.
              if (!moved) return
              const label = boxLabel(translator, view.settings.labels, to)
              setAnnouncement(
                from === null
                  ? t('calibration.session.moved', { who, to, label })
                  : t('calibration.session.movedFrom', { who, from, to, label }),
              )
            })
          }}
        />
      )}
    </div>
  )
}
