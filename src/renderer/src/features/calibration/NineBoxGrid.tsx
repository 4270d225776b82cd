import { Group } from '@visx/group'
import { scaleBand } from '@visx/scale'
import { useMemo, useRef, useState } from 'react'
import type { CalibrationView, Placement } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { boxLabel } from './labels'

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
const initials = (name: string): string =>
  /^P-\d+$/.test(name)
    ? name.slice(-2)
    : name
        .split(/\s+/)
        .map((part) => part[0] ?? '')
        .join('')
        .slice(0, 2)
        .toUpperCase()
/** A mark per kind of flag, so the ring's colour is never the only signal. */
const FLAG_MARK: Record<string, string> = { 'flag-high': '!', 'flag-medium': '?', 'flag-gem': '★' }
const flagTone = (p: Placement): string | null =>
  p.flags.some((f) => f.severity === 'high' && f.status === 'open')
    ? 'flag-high'
    : p.flags.some((f) => f.code === 'HIDDEN_GEM')
      ? 'flag-gem'
      : p.flags.some((f) => f.status === 'open' && f.severity === 'medium')
        ? 'flag-medium'
        : null

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
  const [drag, setDrag] = useState<{ employeeId: string } | null>(null)
  const translator = useT()
  const { t } = translator
  const ghost = useRef<SVGCircleElement>(null)
  const moved = useRef(false)
  const x = useMemo(() => scaleBand({ domain: [0, 1, 2], range: [40, WIDTH], padding: 0.02 }), [])
  const y = useMemo(() => scaleBand({ domain: [0, 1, 2], range: [0, HEIGHT - 40], padding: 0.02 }), [])
  const byBox = useMemo(() => {
    const map = new Map<number, Placement[]>()
    for (const p of view.placements) map.set(p.box, [...(map.get(p.box) ?? []), p])
    return map
  }, [view.placements])

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
        ghost.current.setAttribute('cx', String(point.x))
        ghost.current.setAttribute('cy', String(point.y))
        ghost.current.style.display = ''
      }}
      onPointerUp={(e) => {
        if (!drag) return
        const box = boxAt(toSvg(e))
        setDrag(null)
        if (moved.current && box !== null) onDrop(drag.employeeId, box)
      }}
      onPointerLeave={() => setDrag(null)}
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
                  onClick={() => onOpenBox(box)}
                >
                  {t('calibration.grid.crowded', { count: people.length })}
                </text>
              ) : (
                people.map((p, i) => {
                  const cx = 20 + (i % PER_ROW) * (RADIUS * 2 + 4)
                  const cy = 44 + Math.floor(i / PER_ROW) * (RADIUS * 2 + 4)
                  const tone = flagTone(p)
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
                      onPointerDown={(e) => {
                        const additive = e.shiftKey || e.ctrlKey || e.metaKey
                        onSelect(p.employeeId, additive)
                        if (additive) return
                        if (locked) return
                        moved.current = false
                        setDrag({ employeeId: p.employeeId })
                      }}
                      onKeyDown={(e) => onKey(e, p.employeeId)}
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
                      className="person-initials"
                    >
                      {initials(p.name)}
                      {tone && (
                        <tspan className="flag-mark" x={cx + RADIUS - 1} y={cy - RADIUS + 4}>
                          {FLAG_MARK[tone]}
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
      {drag && (
        <circle
          ref={ghost}
          r={RADIUS}
          className="drag-ghost"
          pointerEvents="none"
          style={{ display: 'none' }}
        />
      )}
    </svg>
  )
}

export { cellOf }
