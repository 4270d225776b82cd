import { PrintButton } from '../../components/PrintButton'
import { FileButton } from '../../components/FileButton'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { onHistoryCommand, runHistoryCommand } from '../../history'
import { useAppStore } from '../../stores/appStore'
import type { HeldPerson, Placement } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { boxLabel, said } from './labels'
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
import { SandboxBar, SandboxStart } from './SandboxBar'
import { AgendaPanel } from './AgendaPanel'
import { ProposalsPanel } from './ProposalsPanel'
import { BoxTable } from './BoxTable'
import { OrgFilter, useOrgScope } from './OrgFilter'
import { useFindLanding } from './useFindLanding'

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
  const [reopening, setReopening] = useState<string | null>(null)
  const [finalizing, setFinalizing] = useState(false)
  /** The holding area's list shows one reason once "place by hand" was chosen for it. */
  const [heldShown, setHeldShown] = useState<HeldPerson['reason'] | null>(null)
  const jump = useAppStore((state) => state.jump)
  /** What the last export into the HRIS workbook wrote. */
  const [writtenInto, setWrittenInto] = useState<string | null>(null)
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

  if (!view)
    return session.error ? (
      <ErrorBanner error={session.error} />
    ) : (
      <p aria-busy="true">{t('calibration.session.loading')}</p>
    )
  /** Moving someone in the multi-selection moves the whole selection; anyone else moves alone. */
  const requestMove = (employeeId: string, to: number): void => {
    if (locked) return
    const group = picked.has(employeeId) && picked.size > 1 ? [...picked] : [employeeId]
    const movers = view.placements.filter((p) => group.includes(p.employeeId) && p.box !== to)
    if (movers.length === 0) return
    const boxes = new Set(movers.map((p) => p.box))
    setPending({
      employeeIds: movers.map((p) => p.employeeId),
      from: boxes.size === 1 ? (movers[0]?.box ?? null) : null,
      to,
    })
  }
  const select = (employeeId: string, additive: boolean): void => {
    setSelected(employeeId)
    setPicked((current) => {
      // Pressing on a member of the selection keeps it (that is how a group drag starts).
      if (!additive) return current.has(employeeId) && current.size > 1 ? current : new Set([employeeId])
      const next = new Set(current)
      if (next.has(employeeId)) next.delete(employeeId)
      else next.add(employeeId)
      return next
    })
  }
  const nameOf = (employeeId: string): string =>
    view.placements.find((p) => p.employeeId === employeeId)?.name ??
    view.holding.find((h) => h.employeeId === employeeId)?.name ??
    employeeId
  const heldListed = heldShown === null ? view.holding : view.holding.filter((h) => h.reason === heldShown)
  const shown = org.shown ?? view

  return (
    <div className={`calibration-session${presenter ? ' presenter' : ''}`}>
      <div className="session-toolbar">
        <button type="button" className="link" onClick={onBack}>
          {t('calibration.session.back')}
        </button>
        <h2>{view.name}</h2>
        <span className={`status status-${view.status}`} data-testid="session-status">
          {t(`calibration.status.${view.status}`)}
        </span>
        <span className="muted">
          {t('calibration.session.summary', {
            cycle: view.cycle,
            placed: view.placements.length,
            holding: view.holding.length,
            discussed: view.discussed,
          })}
        </span>
        <div className="spacer" />
        <button
          type="button"
          className="secondary"
          disabled={!view.canUndo || session.busy}
          onClick={() => void session.undo()}
        >
          {t('calibration.session.undo')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!view.canRedo || session.busy}
          onClick={() => void session.redo()}
        >
          {t('calibration.session.redo')}
        </button>
        <SandboxStart sandbox={session.sandbox} locked={locked} />
        <label className="toggle">
          <input
            type="checkbox"
            checked={view.blind}
            onChange={(e) => void session.setBlind(e.target.checked)}
          />{' '}
          {t('calibration.session.blind')}
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            checked={presenter}
            onChange={(e) => {
              setPresenter(e.target.checked)
              // The audit shows sensitive attributes: never on the projector.
              if (e.target.checked) setAuditing(false)
            }}
          />{' '}
          {t('calibration.session.presenter')}
        </label>
        {!presenter && (
          <button type="button" className="secondary" onClick={() => setAuditing(true)} disabled={auditing}>
            {t('calibration.session.fairness')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => void session.exportWorkbook(locked ? 'results' : 'pre-read')}
        >
          {locked ? t('calibration.session.exportResults') : t('calibration.session.exportPreRead')}
        </button>
        {/* The browser host has no save dialog: the workbook is uploaded, and its calibrated copy downloaded. */}
        <FileButton
          label={t('calibration.into.button')}
          title={t('calibration.into.buttonHint')}
          accept=".xlsx"
          onFile={(file) => {
            setWrittenInto(null)
            void session.exportInto(file).then(
              (result) =>
                result &&
                setWrittenInto(
                  t('calibration.into.written', {
                    file: result.fileName,
                    count: result.people,
                    changed: result.changed,
                  }),
                ),
            )
          }}
        />
        {writtenInto && (
          <span className="muted" role="status">
            {writtenInto}
          </span>
        )}
        <PrintButton what={t('calibration.session.printWhat')} />
        {!locked && (
          <button type="button" onClick={() => setFinalizing(true)}>
            {t('calibration.session.finalize')}
          </button>
        )}
        {locked && reopening === null && (
          <button type="button" className="secondary" onClick={() => setReopening('')}>
            {t('calibration.session.reopen')}
          </button>
        )}
        {locked && reopening !== null && (
          <form
            className="reopen"
            onSubmit={(e) => {
              e.preventDefault()
              void session.reopen(reopening.trim())
              setReopening(null)
            }}
          >
            {/* Electron has no window.prompt: the reason is asked for inline. */}
            <input
              aria-label={t('calibration.session.whyReopen')}
              placeholder={t('calibration.session.whyReopenPlaceholder')}
              value={reopening}
              onChange={(e) => setReopening(e.target.value)}
            />
            <button type="submit" disabled={reopening.trim().length < 3}>
              {t('calibration.session.reopen')}
            </button>
            <button type="button" className="secondary" onClick={() => setReopening(null)}>
              {t('calibration.session.cancel')}
            </button>
          </form>
        )}
      </div>
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
          <SessionFilters view={view} filters={filters} onChange={setFilters} />
          <OrgFilter view={view} shown={shown} manager={org.manager} onChange={org.setManager} />
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
                  view={view}
                  selected={selected}
                  locked={locked}
                  onSelect={setSelected}
                  onDiscussed={(employeeId, discussed) => void session.markDiscussed(employeeId, discussed)}
                />
              )}
              <MeetingGrid
                refreshing={session.refreshing}
                presenter={presenter}
                onExitPresenter={() => setPresenter(false)}
                view={shown}
                selected={selected}
                picked={picked}
                matches={(p) => matchesFilters(p, filters)}
                target={aim?.box ?? (selected !== null && selected === found ? (person?.box ?? null) : null)}
                locked={locked}
                onSelect={select}
                onOpenBox={setOpenBox}
                onDrop={requestMove}
                onKey={(e, employeeId) => {
                  const current = view.placements.find((p) => p.employeeId === employeeId)?.box ?? 5
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
                }}
              />
              <p className="grid-legend muted small">
                {t('calibration.session.legend.title')}{' '}
                <span className="legend-high">{t('calibration.session.legend.high')}</span> ·{' '}
                <span className="legend-medium">{t('calibration.session.legend.medium')}</span> ·{' '}
                <span className="legend-gem">{t('calibration.session.legend.gem')}</span> ·{' '}
                {t('calibration.session.legend.moved')}
              </p>
              <table className="distribution" aria-label={t('calibration.distribution.label')}>
                <thead>
                  <tr>
                    <th>{t('calibration.distribution.box')}</th>
                    <th>{t('calibration.distribution.boxLabel')}</th>
                    <th>{t('calibration.distribution.computed')}</th>
                    <th>{t('calibration.distribution.now')}</th>
                    <th>{t('calibration.distribution.target')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.distribution.map((d) => (
                    <tr key={d.box} className={d.deviation === 'on-target' ? '' : `deviation-${d.deviation}`}>
                      <td>{d.box}</td>
                      <td>{boxLabel(translator, { [d.box]: d.label }, d.box)}</td>
                      <td>{d.computed}</td>
                      <td>{d.actual}</td>
                      <td>
                        {t('calibration.distribution.targetCell', {
                          count: d.targetCount,
                          percent: d.targetPercent,
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted small">{t('calibration.distribution.rule')}</p>
              {!presenter && <SessionLog view={view} />}
              {view.holding.length > 0 && (
                <section aria-label={t('calibration.session.holding')} id="holding-list">
                  <h3>{t('calibration.session.holdingTitle', { count: heldListed.length })}</h3>
                  {heldShown !== null && !locked && (
                    <p className="muted small">{t('calibration.todo.placeByHandHint')}</p>
                  )}
                  {/* It scrolls, so it takes focus: keyboard users can scroll it too. */}
                  <ul className="holding" tabIndex={0} aria-label={t('calibration.session.holdingList')}>
                    {heldListed.slice(0, 200).map((h) => (
                      <li key={h.employeeId}>
                        <button type="button" className="link" onClick={() => setSelected(h.employeeId)}>
                          {h.name}
                        </button>{' '}
                        — {said(translator, h.explanationText, h.explanation)}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
            {openBox !== null && (
              <BoxTable
                view={shown}
                box={openBox}
                matches={matches}
                found={found}
                locked={locked}
                onOpen={setSelected}
                onMove={requestMove}
                onClose={() => setOpenBox(null)}
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
