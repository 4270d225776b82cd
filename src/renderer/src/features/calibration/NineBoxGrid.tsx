import { Group } from '@visx/group'
import { scaleBand } from '@visx/scale'
import { useMemo, useRef, useState } from 'react'
import type { CalibrationView, Placement } from '../../../../shared/contract'
import { useT, type Translator } from '../../i18n'
import { FLAG_MARK, flagTone, peopleByBox } from './gridGeometry'
import { boxLabel } from './labels'
import { movementGlyph, movementMarker } from './movementMarker'

/** Above this many people a box shows a count and a list beside the grid, so a 5,000-person session stays light. */
export const MAX_DRAWN_PER_BOX = 50
const WIDTH = 900
const HEIGHT = 600
const RADIUS = 13
const PER_ROW = 9

const LEVELS = ['low', 'moderate', 'high'] as const
const boxOf = (column: number, row: number): number => 3 * (2 - row) + column + 1
const cellOf = (box: number): { column: number; row: number } => ({
  column: (box - 1) % 3,
  row: 2 - Math.floor((box - 1) / 3),
})
/** A dot's label with the movement since the previous cycle after it, when there is one. */
const withMovement = (t: Translator, label: string, since: string | null): string =>
  since ? t.t('calibration.grid.withMovement', { label, movement: since }) : label
const initials = (name: string): string =>
  /^P-\d+$/.test(name)
    ? name.slice(-2)
    : name
        .split(/\s+/)
        .map((part) => part[0] ?? '')
        .join('')
        .slice(0, 2)
        .toUpperCase()
/** The longer mark for people whose initials repeat: the first name's first two letters and the surname's. */
const longInitials = (name: string): string => {
  const parts = name.split(/\s+/).filter(Boolean)
  const first = parts[0] ?? ''
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''
  return `${first.slice(0, 2)}${last.toUpperCase()}`
}
/**
 * What each dot shows: two initials, or, where two people share them, three letters — and where even those
 * repeat, a number after them — so no mark on the grid stands for two people.
 */
function dotMarks(placements: readonly Placement[]): Map<string, string> {
  const count = new Map<string, number>()
  for (const p of placements) count.set(initials(p.name), (count.get(initials(p.name)) ?? 0) + 1)
  const marks = new Map<string, string>()
  const seen = new Map<string, number>()
  for (const p of placements) {
    const short = initials(p.name)
    const mark = (count.get(short) ?? 0) > 1 ? longInitials(p.name) : short
    const n = (seen.get(mark) ?? 0) + 1
    seen.set(mark, n)
    marks.set(p.employeeId, n > 1 ? `${mark}${n}` : mark)
  }
  return marks
}

export interface GridProps {
  view: CalibrationView
  selected: string | null
  /** The multi-selection (shift- or ctrl-click): dragging one of them moves them all. */
  picked: ReadonlySet<string>
  /** People outside the filters are drawn faded. */
  matches: (p: Placement) => boolean
  /** The box a keyboard move is aiming at, highlighted. */
  target: number | null
  locked: boolean
  onSelect: (employeeId: string, additive: boolean) => void
  onOpenBox: (box: number) => void
  onDrop: (employeeId: string, box: number) => void
  onKey: (event: React.KeyboardEvent, employeeId: string) => void
}

export function NineBoxGrid({
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
}: GridProps): React.JSX.Element {
  // Only the start and end of a drag are React state; the ghost follows the pointer by moving one SVG element
  // directly, so a drag does not re-render the grid on every pointer move (p95 frame 34 ms → see bench:ui).
  const [drag, setDrag] = useState<{ employeeId: string; name: string } | null>(null)
  const translator = useT()
  const { t } = translator
  const ghost = useRef<SVGGElement>(null)
  /** The box under a dragged dot, highlighted on the DOM (not React state: the drag stays off renders). */
  const over = useRef<SVGRectElement | null>(null)
  const overBox = useRef<number | null>(null)
  const hoverName = useRef<SVGTextElement>(null)
  const moved = useRef(false)
  /** The dot with keyboard focus shows its name beside it. */
  const [focused, setFocused] = useState<string | null>(null)
  const x = useMemo(() => scaleBand({ domain: [0, 1, 2], range: [40, WIDTH], padding: 0.02 }), [])
  const y = useMemo(() => scaleBand({ domain: [0, 1, 2], range: [0, HEIGHT - 40], padding: 0.02 }), [])
  const byBox = useMemo(() => peopleByBox(view.placements), [view.placements])
  const drawn = useMemo(
    () => [...byBox.values()].filter((people) => people.length <= MAX_DRAWN_PER_BOX).flat(),
    [byBox],
  )
  const marks = useMemo(() => dotMarks(drawn), [drawn])
  const focusedAt = useMemo(() => {
    if (focused === null) return null
    const p = drawn.find((d) => d.employeeId === focused)
    if (!p) return null
    const i = (byBox.get(p.box) ?? []).indexOf(p)
    const { column, row } = cellOf(p.box)
    return {
      name: p.name,
      x: (x(column) ?? 0) + 20 + (i % PER_ROW) * (RADIUS * 2 + 4),
      y: (y(row) ?? 0) + 44 + Math.floor(i / PER_ROW) * (RADIUS * 2 + 4) + RADIUS + 16,
    }
  }, [focused, drawn, byBox, x, y])
  const highlight = (box: number | null): void => {
    if (box === overBox.current) return
    overBox.current = box
    over.current?.classList.remove('drop-target')
    const svg = ghost.current?.ownerSVGElement
    over.current =
      box === null ? null : (svg?.querySelector<SVGRectElement>(`[data-testid="box-${box}"]`) ?? null)
    over.current?.classList.add('drop-target')
  }
  /**
   * The dot under the pointer names its person: one label for the whole grid, filled in and moved on the DOM
   * (no render per hover, no node per dot: the grid stays within its SVG budget). Quiet during a drag.
   */
  const nameUnderPointer = (target: EventTarget | null): void => {
    const label = hoverName.current
    if (!label) return
    const dot = target instanceof Element && !drag ? target.closest<SVGGElement>('[data-employee]') : null
    if (!dot) {
      label.style.display = 'none'
      return
    }
    const cell = dot.closest<SVGGElement>('[data-box]')
    const [left, top] = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/
      .exec(cell?.getAttribute('transform') ?? '')
      ?.slice(1)
      .map(Number) ?? [0, 0]
    label.textContent = dot.dataset.name ?? ''
    label.setAttribute('x', String((left ?? 0) + Number(dot.dataset.x)))
    label.setAttribute('y', String((top ?? 0) + Number(dot.dataset.y) - RADIUS - 6))
    label.style.display = ''
  }
  const endDrag = (): void => {
    highlight(null)
    if (ghost.current) ghost.current.style.display = 'none'
    setDrag(null)
  }

  // The grid's own coordinates, from the <svg> the event happened in (its viewBox scales with the window).
  const toSvg = (event: React.PointerEvent<SVGElement>): { x: number; y: number } => {
    const target = event.currentTarget
    const root = target instanceof SVGSVGElement ? target : target.ownerSVGElement
    const rect = root?.getBoundingClientRect()
    if (!rect) return { x: 0, y: 0 }
    return {
      x: ((event.clientX - rect.left) / rect.width) * WIDTH,
      y: ((event.clientY - rect.top) / rect.height) * HEIGHT,
    }
  }
  const boxAt = (point: { x: number; y: number }): number | null => {
    const column = [0, 1, 2].find((c) => point.x >= (x(c) ?? 0) && point.x <= (x(c) ?? 0) + x.bandwidth())
    const row = [0, 1, 2].find((r) => point.y >= (y(r) ?? 0) && point.y <= (y(r) ?? 0) + y.bandwidth())
    return column === undefined || row === undefined ? null : boxOf(column, row)
  }

  return (
    <svg
      className="nine-box"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-label={t('calibration.grid.label')}
      onPointerMove={(e) => {
        if (!drag || !ghost.current) return
        const point = toSvg(e)
        moved.current = true
        ghost.current.setAttribute('transform', `translate(${point.x},${point.y})`)
        ghost.current.style.display = ''
        highlight(boxAt(point))
      }}
      onPointerUp={(e) => {
        if (!drag) return
        const box = boxAt(toSvg(e))
        endDrag()
        if (moved.current && box !== null) onDrop(drag.employeeId, box)
      }}
      onPointerLeave={endDrag}
      onPointerOver={(e) => nameUnderPointer(e.target)}
      onPointerOut={() => nameUnderPointer(null)}
    >
      {[0, 1, 2].map((column) =>
        [0, 1, 2].map((row) => {
          const box = boxOf(column, row)
          const people = byBox.get(box) ?? []
          const row0 = view.distribution.find((d) => d.box === box)
          const left = x(column) ?? 0
          const top = y(row) ?? 0
          const crowded = people.length > MAX_DRAWN_PER_BOX
          return (
            <Group key={box} left={left} top={top} data-box={box} className="box-group">
              <rect
                width={x.bandwidth()}
                height={y.bandwidth()}
                className={`box box-${box}${target === box ? ' box-target' : ''}${row0 && row0.deviation !== 'on-target' ? ` box-${row0.deviation}` : ''}`}
                data-testid={`box-${box}`}
                onClick={() => onOpenBox(box)}
              />
              <text x={8} y={18} className="box-label">
                {box} · {boxLabel(translator, view.settings.labels, box)}
              </text>
              <text
                x={x.bandwidth() - 8}
                y={18}
                textAnchor="end"
                className="box-count"
                data-testid={`box-count-${box}`}
              >
                {people.length} / {row0?.targetCount ?? 0}
              </text>
              {crowded ? (
                <text
                  x={x.bandwidth() / 2}
                  y={y.bandwidth() / 2 + 10}
                  textAnchor="middle"
                  className="box-crowded"
                  // A button for the keyboard too: the table is where a crowded box's people are moved from.
                  role="button"
                  tabIndex={0}
                  onClick={() => onOpenBox(box)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter' && e.key !== ' ') return
                    e.preventDefault()
                    onOpenBox(box)
                  }}
                >
                  {t('calibration.grid.crowded', { count: people.length })}
                </text>
              ) : (
                people.map((p, i) => {
                  const cx = 20 + (i % PER_ROW) * (RADIUS * 2 + 4)
                  const cy = 44 + Math.floor(i / PER_ROW) * (RADIUS * 2 + 4)
                  const tone = flagTone(p)
                  const since = movementMarker(translator, p, view.previousCycle)
                  const glyph = movementGlyph(p)
                  // The initials (and a flag's mark) are drawn beside the button, not in it: its name is the
                  // label, which says it all in words, and a pointer passes through them to the dot.
                  return [
                    <g
                      key={p.employeeId}
                      transform={`translate(${cx},${cy})`}
                      className={`person${selected === p.employeeId ? ' selected' : ''}${picked.has(p.employeeId) ? ' picked' : ''}${matches(p) ? '' : ' dimmed'}${tone ? ` ${tone}` : ''}${p.source === 'moved' ? ' moved' : ''}`}
                      tabIndex={0}
                      role="button"
                      data-employee={p.employeeId}
                      data-name={p.name}
                      data-x={cx}
                      data-y={cy}
                      aria-label={withMovement(
                        translator,
                        p.flags.length
                          ? t('calibration.grid.personFlags', {
                              name: p.name,
                              box: p.box,
                              count: p.flags.length,
                            })
                          : t('calibration.grid.person', { name: p.name, box: p.box }),
                        since,
                      )}
                      data-movement={since ?? undefined}
                      aria-pressed={selected === p.employeeId}
                      onPointerDown={(e) => {
                        const additive = e.shiftKey || e.ctrlKey || e.metaKey
                        onSelect(p.employeeId, additive)
                        if (additive) return
                        if (locked) return
                        moved.current = false
                        setDrag({ employeeId: p.employeeId, name: p.name })
                      }}
                      onKeyDown={(e) => onKey(e, p.employeeId)}
                      onFocus={() => setFocused(p.employeeId)}
                      onBlur={() => setFocused((current) => (current === p.employeeId ? null : current))}
                    >
                      <circle r={RADIUS} />
                    </g>,
                    <text
                      key={`${p.employeeId}-initials`}
                      x={cx}
                      y={cy}
                      textAnchor="middle"
                      dy="0.35em"
                      aria-hidden="true"
                      className={`person-initials${(marks.get(p.employeeId) ?? '').length > 2 ? ' long' : ''}`}
                    >
                      {marks.get(p.employeeId) ?? initials(p.name)}
                      {tone && (
                        <tspan className="flag-mark" x={cx + RADIUS - 1} y={cy - RADIUS + 4}>
                          {FLAG_MARK[tone]}
                        </tspan>
                      )}
                      {glyph && (
                        <tspan className="movement-mark" x={cx - RADIUS + 1} y={cy + RADIUS}>
                          {glyph}
                        </tspan>
                      )}
                    </text>,
                  ]
                })
              )}
            </Group>
          )
        }),
      )}
      {LEVELS.map((level, i) => (
        <text
          key={`perf-${level}`}
          x={(x(i) ?? 0) + x.bandwidth() / 2}
          y={HEIGHT - 14}
          textAnchor="middle"
          className="axis-label"
        >
          {t(`calibration.grid.performance.${level}`)}
        </text>
      ))}
      {LEVELS.map((level, i) => (
        <text
          key={`pot-${level}`}
          transform={`translate(16, ${(y(2 - i) ?? 0) + y.bandwidth() / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-label"
        >
          {t(`calibration.grid.potential.${level}`)}
        </text>
      ))}
      <text
        ref={hoverName}
        textAnchor="middle"
        className="dot-name"
        aria-hidden="true"
        data-testid="dot-hover-name"
        style={{ display: 'none' }}
      />
      {focusedAt && (
        <text
          x={focusedAt.x}
          y={focusedAt.y}
          textAnchor="middle"
          className="dot-name"
          aria-hidden="true"
          data-testid="dot-name"
        >
          {focusedAt.name}
        </text>
      )}
      {/* The ghost carries the person's name; it is always there (hidden), so a drag's start only fills it in. */}
      <g
        ref={ghost}
        className="drag-ghost"
        pointerEvents="none"
        style={{ display: 'none' }}
        aria-hidden="true"
      >
        <circle r={RADIUS} />
        <text x={RADIUS + 6} dy="0.35em" className="drag-ghost-name">
          {drag?.name}
        </text>
      </g>
    </svg>
  )
}

export { cellOf }
