import { useLayoutEffect, useMemo, useRef } from 'react'
import type { Placement } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { BOX_ORDER, FLAG_MARK, flagTone, peopleByBox, reducedMotion } from './gridGeometry'
import { boxLabel, flagName } from './labels'
import { MovementMarker } from './movementMarker'
import { ProposalMarker } from './proposalMarker'
import { MAX_DRAWN_PER_BOX, type GridProps } from './NineBoxGrid'

/** A pointer has to travel this far (px) before a press becomes a drag, so a click only selects. */
const DRAG_SLOP = 4
const LEVELS = ['low', 'moderate', 'high'] as const

interface Drag {
  employeeId: string
  /** How many people the drag carries (the multi-selection). */
  count: number
  startX: number
  startY: number
  moved: boolean
  over: HTMLElement | null
  boxes: { box: number; element: HTMLElement; rect: DOMRect }[]
}

/**
 * The grid as name cards (name, job title, level, flags in words, a border when moved): for meetings small enough
 * that every name fits. A drag never touches React state: the ghost and the highlighted box are set on the DOM
 * directly, and only the drop calls back (as the dot grid does, for the same frame budget).
 */
export function CardGrid({
  view,
  selected,
  picked,
  matches,
  target,
  locked,
  onSelect,
  onOpenBox,
  onDrop,
  onKey,
  zoom = null,
  boxAction = 'list',
}: GridProps & {
  /** The one box shown, enlarged (presenter mode's zoom). */
  zoom?: number | null
  /** What a box's title does: open its list (at the desk) or zoom into it (presenting). */
  boxAction?: 'list' | 'zoom'
}): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  const root = useRef<HTMLDivElement>(null)
  const ghost = useRef<HTMLDivElement>(null)
  const drag = useRef<Drag | null>(null)
  /** Where the last drop happened: the card flies from there into its new place. */
  const dropAt = useRef<{ employeeId: string; x: number; y: number } | null>(null)
  const lastBox = useRef<Map<string, number>>(new Map())
  const byBox = useMemo(() => peopleByBox(view.placements), [view.placements])

  // A moved card glides from the drop point (or its old box) into place: measured after layout, animated by the
  // browser's compositor, so React renders it once.
  useLayoutEffect(() => {
    const previous = lastBox.current
    const next = new Map(view.placements.map((p) => [p.employeeId, p.box]))
    lastBox.current = next
    const host = root.current
    if (!host || previous.size === 0 || reducedMotion()) return
    const drop = dropAt.current
    dropAt.current = null
    for (const p of view.placements) {
      const before = previous.get(p.employeeId)
      if (before === undefined || before === p.box) continue
      const card = host
        .querySelector<HTMLElement>(`[data-employee="${CSS.escape(p.employeeId)}"]`)
        ?.closest<HTMLElement>('.name-card')
      if (!card || typeof card.animate !== 'function') continue
      const rect = card.getBoundingClientRect()
      const oldBox = host.querySelector<HTMLElement>(`[data-box="${before}"]`)?.getBoundingClientRect()
      const from =
        drop && drop.employeeId === p.employeeId
          ? { x: drop.x, y: drop.y }
          : oldBox
            ? { x: oldBox.left + oldBox.width / 2, y: oldBox.top + oldBox.height / 2 }
            : null
      if (!from) continue
      const dx = from.x - (rect.left + rect.width / 2)
      const dy = from.y - (rect.top + rect.height / 2)
      card.animate(
        [{ transform: `translate(${dx}px, ${dy}px) scale(1.05)` }, { transform: 'translate(0, 0) scale(1)' }],
        { duration: 260, easing: 'cubic-bezier(0.2, 0.8, 0.2, 1)' },
      )
    }
  }, [view.placements])

  const highlight = (state: Drag, x: number, y: number): void => {
    const hit = state.boxes.find(
      ({ rect }) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
    )
    const element = hit?.element ?? null
    if (element === state.over) return
    state.over?.classList.remove('drop-target')
    element?.classList.add('drop-target')
    state.over = element
  }
  const endDrag = (): void => {
    const state = drag.current
    drag.current = null
    state?.over?.classList.remove('drop-target')
    if (ghost.current) {
      ghost.current.style.display = 'none'
      // The name goes with the drag: blind mode, switched on later, must find no real name left in the page.
      ghost.current.textContent = ''
    }
    window.removeEventListener('pointermove', onMove)
    window.removeEventListener('pointerup', onUp)
    window.removeEventListener('pointercancel', onCancel)
  }
  function onMove(e: PointerEvent): void {
    const state = drag.current
    const box = ghost.current
    if (!state || !box) return
    if (!state.moved) {
      if (Math.hypot(e.clientX - state.startX, e.clientY - state.startY) < DRAG_SLOP) return
      state.moved = true
      box.style.display = ''
    }
    box.style.transform = `translate(${e.clientX + 12}px, ${e.clientY + 8}px)`
    highlight(state, e.clientX, e.clientY)
  }
  function onUp(e: PointerEvent): void {
    const state = drag.current
    if (!state) return
    highlight(state, e.clientX, e.clientY)
    const box = state.over ? Number(state.over.dataset.box) : null
    endDrag()
    if (!state.moved || box === null) return
    dropAt.current = { employeeId: state.employeeId, x: e.clientX, y: e.clientY }
    onDrop(state.employeeId, box)
  }
  function onCancel(): void {
    endDrag()
  }

  const startDrag = (e: React.PointerEvent<HTMLElement>, p: Placement): void => {
    const host = root.current
    if (!host || !ghost.current || e.button !== 0) return
    const count = picked.has(p.employeeId) && picked.size > 1 ? picked.size : 1
    drag.current = {
      employeeId: p.employeeId,
      count,
      startX: e.clientX,
      startY: e.clientY,
      moved: false,
      over: null,
      // Measured once per drag, so a pointer move costs no layout.
      boxes: [...host.querySelectorAll<HTMLElement>('[data-box]')].map((element) => ({
        box: Number(element.dataset.box),
        element,
        rect: element.getBoundingClientRect(),
      })),
    }
    ghost.current.textContent =
      count > 1 ? `${p.name} ${t('calibration.meeting.andMore', { count: count - 1 })}` : p.name
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
    window.addEventListener('pointercancel', onCancel)
  }

  const boxes = zoom === null ? BOX_ORDER : BOX_ORDER.filter((b) => b === zoom)
  return (
    <div
      ref={root}
      className={`nine-box card-grid${zoom === null ? '' : ' zoomed'}`}
      role="group"
      aria-label={t('calibration.grid.label')}
      data-testid="card-grid"
    >
      <div className="card-axis card-axis-potential" aria-hidden="true">
        {[...LEVELS].reverse().map((level) => (
          <span key={level}>{t(`calibration.grid.potential.${level}`)}</span>
        ))}
      </div>
      <div className="card-boxes">
        {boxes.map((box) => {
          const people = byBox.get(box) ?? []
          const row = view.distribution.find((d) => d.box === box)
          const label = boxLabel(translator, view.settings.labels, box)
          const crowded = people.length > MAX_DRAWN_PER_BOX
          const deviation = row && row.deviation !== 'on-target' ? ` box-${row.deviation}` : ''
          return (
            <section
              key={box}
              className={`card-box card-box-${box}${target === box ? ' box-target' : ''}${deviation}${people.length > 8 ? ' dense' : ''}`}
              data-box={box}
              data-testid={`box-${box}`}
              aria-label={t('calibration.box', { box })}
            >
              <header>
                <button
                  type="button"
                  className="box-title"
                  onClick={() => onOpenBox(box)}
                  aria-label={
                    boxAction === 'zoom'
                      ? zoom === null
                        ? t('calibration.meeting.zoomIn', { box, label })
                        : t('calibration.meeting.zoomOut')
                      : t('calibration.meeting.openList', { box, label })
                  }
                >
                  <span className="box-number">{box}</span> {label}
                </button>
                <span className="box-count" data-testid={`box-count-${box}`}>
                  {people.length} / {row?.targetCount ?? 0}
                </span>
              </header>
              {crowded ? (
                <button type="button" className="link box-crowded" onClick={() => onOpenBox(box)}>
                  {t('calibration.grid.crowded', { count: people.length })}
                </button>
              ) : (
                <ul className="name-cards">
                  {people.map((p) => {
                    const tone = flagTone(p)
                    const flags = p.flags.filter((f) => f.status === 'open' || f.code === 'HIDDEN_GEM')
                    const state = `${selected === p.employeeId ? ' selected' : ''}${picked.has(p.employeeId) ? ' picked' : ''}${matches(p) ? '' : ' dimmed'}${tone ? ` ${tone}` : ''}${p.source === 'moved' ? ' moved' : ''}`
                    // The card is what is pressed and dragged; its button is the name alone, so the button's
                    // label (name, box, flags) contains all it shows, and the lines under it are read after it.
                    return (
                      <li
                        key={p.employeeId}
                        className={`name-card${state}`}
                        title={p.name}
                        onPointerDown={(e) => {
                          const additive = e.shiftKey || e.ctrlKey || e.metaKey
                          onSelect(p.employeeId, additive)
                          if (additive || locked) return
                          startDrag(e, p)
                        }}
                      >
                        <div
                          className={`card-handle${state}`}
                          tabIndex={0}
                          role="button"
                          data-employee={p.employeeId}
                          aria-label={
                            p.flags.length
                              ? t('calibration.grid.personFlags', {
                                  name: p.name,
                                  box: p.box,
                                  count: p.flags.length,
                                })
                              : t('calibration.grid.person', { name: p.name, box: p.box })
                          }
                          aria-pressed={selected === p.employeeId}
                          onKeyDown={(e) => onKey(e, p.employeeId)}
                        >
                          <span className="card-name">{p.name}</span>
                        </div>
                        <span className="card-role">
                          {[
                            p.jobTitle,
                            p.jobLevel === null
                              ? null
                              : t('calibration.meeting.level', { level: p.jobLevel }),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                        {flags.length > 0 && (
                          <span className="card-flags">
                            {tone && <b aria-hidden="true">{FLAG_MARK[tone]}</b>}{' '}
                            {flags.map((f) => flagName(translator, f.code)).join(', ')}
                          </span>
                        )}
                        {p.source === 'moved' && (
                          <span className="card-moved">{t('calibration.meeting.moved')}</span>
                        )}
                        <MovementMarker t={translator} person={p} view={view} />
                        <ProposalMarker t={translator} person={p} />
                      </li>
                    )
                  })}
                  {boxAction === 'zoom' && zoom === null && people.length > 0 && (
                    // Shown by presenter mode's fit when the box cannot hold every name: the rest are a zoom away.
                    <li className="box-more">
                      <button
                        type="button"
                        className="link"
                        onClick={() => onOpenBox(box)}
                        aria-label={t('calibration.meeting.zoomIn', { box, label })}
                      >
                        <b>+</b>
                      </button>
                    </li>
                  )}
                </ul>
              )}
            </section>
          )
        })}
      </div>
      <div className="card-axis card-axis-performance" aria-hidden="true">
        {LEVELS.map((level) => (
          <span key={level}>{t(`calibration.grid.performance.${level}`)}</span>
        ))}
      </div>
      <div ref={ghost} className="card-ghost" aria-hidden="true" style={{ display: 'none' }} />
    </div>
  )
}
