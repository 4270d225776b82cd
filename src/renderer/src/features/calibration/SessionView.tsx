import { PrintButton } from '../../components/PrintButton'
import { useEffect, useMemo, useState } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { onHistoryCommand, runHistoryCommand } from '../../history'
import { useAppStore } from '../../stores/appStore'
import { MoveDialog } from './MoveDialog'
import { MAX_DRAWN_PER_BOX, NineBoxGrid } from './NineBoxGrid'
import { PersonPanel } from './PersonPanel'
import { SessionLog } from './SessionLog'
import { FairnessAuditPanel } from '../fairness/FairnessAuditPanel'
import { matchesFilters, NO_FILTERS, SessionFilters, type Filters } from './SessionFilters'
import { useCalibrationSession } from './useCalibrationSession'

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
  const { view } = session
  const [selected, setSelected] = useState<string | null>(null)
  const [openBox, setOpenBox] = useState<number | null>(null)
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
  const locked = view?.status === 'finalized'
  const person = useMemo(
    () => view?.placements.find((p) => p.employeeId === selected) ?? null,
    [view, selected],
  )

  const shell = useAppStore((state) => state.info?.shell)
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
      <p aria-busy="true">Loading the session…</p>
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
    view.placements.find((p) => p.employeeId === employeeId)?.name ?? employeeId
  const listed =
    openBox === null ? [] : view.placements.filter((p) => p.box === openBox && matchesFilters(p, filters))

  return (
    <div className={`calibration-session${presenter ? ' presenter' : ''}`}>
      <div className="session-toolbar">
        <button type="button" className="link" onClick={onBack}>
          ← Sessions
        </button>
        <h2>{view.name}</h2>
        <span className={`status status-${view.status}`} data-testid="session-status">
          {view.status}
        </span>
        <span className="muted">
          {view.cycle} · {view.placements.length} placed · {view.holding.length} in holding · {view.discussed}{' '}
          discussed
        </span>
        <div className="spacer" />
        <button
          type="button"
          className="secondary"
          disabled={!view.canUndo || session.busy}
          onClick={() => void session.undo()}
        >
          Undo
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!view.canRedo || session.busy}
          onClick={() => void session.redo()}
        >
          Redo
        </button>
        <label className="toggle">
          <input
            type="checkbox"
            checked={view.blind}
            onChange={(e) => void session.setBlind(e.target.checked)}
          />{' '}
          Blind
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
          Presenter
        </label>
        {!presenter && (
          <button type="button" className="secondary" onClick={() => setAuditing(true)} disabled={auditing}>
            Fairness audit
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => void session.exportWorkbook(locked ? 'results' : 'pre-read')}
        >
          {locked ? 'Export results' : 'Export pre-read'}
        </button>
        <PrintButton what="the grid and the selected person's profile" />
        {!locked && (
          <button type="button" onClick={() => void session.finalize()}>
            Finalize
          </button>
        )}
        {locked && reopening === null && (
          <button type="button" className="secondary" onClick={() => setReopening('')}>
            Reopen
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
              aria-label="Why reopen"
              placeholder="Why reopen? (recorded)"
              value={reopening}
              onChange={(e) => setReopening(e.target.value)}
            />
            <button type="submit" disabled={reopening.trim().length < 3}>
              Reopen
            </button>
            <button type="button" className="secondary" onClick={() => setReopening(null)}>
              Cancel
            </button>
          </form>
        )}
      </div>
      {session.error !== null && (
        <div className="notice">
          <ErrorBanner error={session.error} />
          <button type="button" className="link" onClick={session.clearError}>
            Dismiss
          </button>
        </div>
      )}
      {auditing && !presenter ? (
        <FairnessAuditPanel sessionId={sessionId} onClose={() => setAuditing(false)} />
      ) : (
        <>
          <SessionFilters view={view} filters={filters} onChange={setFilters} />
          {picked.size > 1 && (
            <p className="muted">
              {picked.size} selected: drag any of them to move all (shift- or ctrl-click to add or remove).
            </p>
          )}
          <p className="sr-only" aria-live="polite" data-testid="grid-announcement">
            {aim
              ? `Moving ${nameOf(aim.employeeId)}: target box ${aim.box}. Enter to confirm, Escape to cancel.`
              : announcement}
          </p>
          <div className="session-body">
            <div className="grid-column">
              <NineBoxGrid
                view={view}
                selected={selected}
                picked={picked}
                matches={(p) => matchesFilters(p, filters)}
                target={aim?.box ?? null}
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
                Rings and marks: <span className="legend-high">! discrepancy to discuss</span> ·{' '}
                <span className="legend-medium">? worth a look</span> ·{' '}
                <span className="legend-gem">★ hidden gem</span> · dashed ring: moved in this session
              </p>
              {openBox !== null && (
                <section className="box-list" aria-label={`Box ${openBox}`}>
                  <h3>
                    Box {openBox}: {listed.length} people
                    {listed.length > MAX_DRAWN_PER_BOX ? ' (too many to draw)' : ''}
                  </h3>
                  <ul>
                    {listed.map((p) => (
                      <li key={p.employeeId}>
                        <button type="button" className="link" onClick={() => setSelected(p.employeeId)}>
                          {p.name}
                        </button>{' '}
                        {p.flags.map((f) => f.code).join(', ')}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <table className="distribution" aria-label="Distribution against targets">
                <thead>
                  <tr>
                    <th>Box</th>
                    <th>Label</th>
                    <th>Computed</th>
                    <th>Now</th>
                    <th>Target</th>
                  </tr>
                </thead>
                <tbody>
                  {view.distribution.map((d) => (
                    <tr key={d.box} className={d.deviation === 'on-target' ? '' : `deviation-${d.deviation}`}>
                      <td>{d.box}</td>
                      <td>{d.label}</td>
                      <td>{d.computed}</td>
                      <td>{d.actual}</td>
                      <td>
                        {d.targetCount} ({d.targetPercent}%)
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted small">{view.distributionRule}</p>
              {!presenter && <SessionLog view={view} />}
              {view.holding.length > 0 && (
                <section aria-label="Holding area">
                  <h3>Holding area ({view.holding.length})</h3>
                  {/* It scrolls, so it takes focus: keyboard users can scroll it too. */}
                  <ul className="holding" tabIndex={0} aria-label="People in the holding area">
                    {view.holding.slice(0, 200).map((h) => (
                      <li key={h.employeeId}>
                        {h.name} — {h.explanation}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
            {person ? (
              <PersonPanel
                sessionId={sessionId}
                person={person}
                presenter={presenter}
                locked={locked}
                onMoveTo={(box) => requestMove(person.employeeId, box)}
                onDiscussed={(discussed) => void session.markDiscussed(person.employeeId, discussed)}
                onFlag={(code, status, note) =>
                  void session.updateFlag(person.employeeId, code, status, note)
                }
                onNote={(text) => void session.addNote(person.employeeId, text)}
              />
            ) : (
              <aside className="person-panel muted">
                Select a person to see why they are where they are.
              </aside>
            )}
          </div>
        </>
      )}
      {pending && (
        <MoveDialog
          who={
            pending.employeeIds.length === 1
              ? nameOf(pending.employeeIds[0] ?? '')
              : `${pending.employeeIds.length} people`
          }
          from={pending.from}
          to={pending.to}
          onCancel={() => setPending(null)}
          onConfirm={(reasonCode, reason) => {
            const { employeeIds, to, from } = pending
            const who =
              employeeIds.length === 1 ? nameOf(employeeIds[0] ?? '') : `${employeeIds.length} people`
            setPending(null)
            void session.move({ employeeIds, box: to, reasonCode, reason }).then((moved) => {
              // Screen readers hear what the drag did, as sighted users see the dot land.
              if (moved)
                setAnnouncement(
                  `Moved ${who}${from === null ? '' : ` from box ${from}`} to box ${to}, ${view.settings.labels[String(to)] ?? ''}.`,
                )
            })
          }}
        />
      )}
    </div>
  )
}
