import { memo, useCallback, useEffect, useMemo, useState } from 'react'
import type { CalibrationView, Placement } from '../../../../shared/contract'
import {
  agendaItems,
  inAgendaOrder,
  type AgendaItem,
  type AgendaReason,
} from '../../../../core/calibration/agenda'
import { useT, type Translator } from '../../i18n'
import { flagName } from './labels'
import './agenda.css'

const PAGE = 25

function reasonText(translator: Translator, reason: AgendaReason): string {
  if (reason.kind === 'flag') return flagName(translator, reason.code)
  return translator.t(
    reason.kind === 'big-mover'
      ? 'calibration.agenda.bigMover'
      : reason.kind === 'proposal-far'
        ? 'calibration.agenda.proposalFar'
        : 'calibration.agenda.edge',
  )
}

/** Minutes and seconds, as a facilitator glances at them. */
const clock = (ms: number): string => {
  const seconds = Math.floor(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** How long the meeting has been on one person: started when they are chosen, restarted by hand. */
function useTimer(): {
  on: string | null
  elapsed: number
  start: (name: string) => void
  restart: () => void
} {
  const [timing, setTiming] = useState<{ name: string; since: number; now: number } | null>(null)
  const running = timing !== null
  useEffect(() => {
    if (!running) return
    const tick = setInterval(() => setTiming((t) => t && { ...t, now: Date.now() }), 1000)
    return () => clearInterval(tick)
  }, [running])
  const start = useCallback((name: string) => {
    const at = Date.now()
    setTiming({ name, since: at, now: at })
  }, [])
  const restart = useCallback(() => {
    const at = Date.now()
    setTiming((t) => t && { ...t, since: at, now: at })
  }, [])
  return { on: timing?.name ?? null, elapsed: timing ? timing.now - timing.since : 0, start, restart }
}

/**
 * The discussion queue for the facilitator (never on the projector): who most needs talking about and why, with
 * the "discussed" mark, and how long the meeting has been on the person chosen from it.
 */
export const AgendaPanel = memo(function AgendaPanel({
  view,
  selected,
  locked,
  onSelect,
  onDiscussed,
}: {
  view: CalibrationView
  selected: string | null
  locked: boolean
  onSelect: (employeeId: string) => void
  onDiscussed: (employeeId: string, discussed: boolean) => void
}): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  // Found on every view (the summary's count); put in order only while the agenda is open (25,000 items at 50,000).
  const [open, setOpen] = useState(false)
  // Items kept per placement while the cuts stand: a move re-judges only the people it moved.
  const kept = useMemo(
    () => ({ context: view.flagContext, found: new WeakMap<Placement, AgendaItem | null>() }),
    [view.flagContext],
  )
  const items = useMemo(() => agendaItems(view.placements, kept.context, kept.found), [view.placements, kept])
  const agenda = useMemo(() => (open ? inAgendaOrder(items) : []), [open, items])
  const [shown, setShown] = useState(PAGE)
  const timer = useTimer()
  const choose = (employeeId: string, name: string): void => {
    onSelect(employeeId)
    timer.start(name)
  }
  return (
    <details className="agenda" data-testid="agenda" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('calibration.agenda.title', { count: items.filter((a) => !a.discussed).length })}</summary>
      {items.length === 0 ? (
        <p className="muted">{t('calibration.agenda.empty')}</p>
      ) : (
        <>
          <p className="muted small">{t('calibration.agenda.hint')}</p>
          {timer.on !== null && (
            <p className="agenda-timer" role="timer" aria-live="off">
              {t('calibration.agenda.timer', { name: timer.on, time: clock(timer.elapsed) })}{' '}
              <button type="button" className="link" onClick={timer.restart}>
                {t('calibration.agenda.restart')}
              </button>
            </p>
          )}
          <ol className="agenda-list">
            {agenda.slice(0, shown).map((item) => (
              <li
                key={item.employeeId}
                className={`${item.discussed ? 'discussed' : ''}${item.employeeId === selected ? ' current' : ''}`}
                data-agenda={item.employeeId}
              >
                <button type="button" className="link" onClick={() => choose(item.employeeId, item.name)}>
                  {item.name}
                </button>{' '}
                <span className="muted">{t('calibration.agenda.box', { box: item.box })}</span>
                <span className="agenda-reasons">
                  {item.reasons.map((r) => reasonText(translator, r)).join(' · ')}
                </span>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={item.discussed}
                    disabled={locked}
                    onChange={(e) => onDiscussed(item.employeeId, e.target.checked)}
                  />{' '}
                  {t('calibration.panel.discussed')}
                </label>
              </li>
            ))}
          </ol>
          {agenda.length > shown && (
            <button type="button" className="link" onClick={() => setShown(shown + PAGE)}>
              {t('calibration.agenda.more', { count: Math.min(PAGE, agenda.length - shown) })}
            </button>
          )}
        </>
      )}
    </details>
  )
})
