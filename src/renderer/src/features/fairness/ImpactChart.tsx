import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import type { ImpactScreen } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { auditText } from './auditText'

const WIDTH = 420
const ROW = 22
const LABEL = 130
const RIGHT = 48

/**
 * Each shown group's selection rate as a ratio of the reference group's, with the four-fifths line drawn in:
 * a bar that stops short of the line is the signal. Suppressed groups get no bar, only "<4".
 */
export function ImpactChart({ screen }: { screen: ImpactScreen }): React.JSX.Element {
  const t = useT()
  const { group } = auditText(t)
  const height = screen.rows.length * ROW + 24
  const x = scaleLinear({ domain: [0, 1], range: [0, WIDTH - LABEL - RIGHT] })
  const y = scaleBand({
    domain: screen.rows.map((r) => r.group),
    range: [0, screen.rows.length * ROW],
    padding: 0.2,
  })
  return (
    <svg
      width={WIDTH}
      height={height}
      role="img"
      aria-label={t.t('fairness.chart.label', {
        outcome: t.t(`fairness.outcome.${screen.outcome}`),
        reference: screen.reference === null ? t.t('fairness.chart.bestGroup') : group(screen.reference),
      })}
      className="impact-chart"
    >
      <Group left={LABEL} top={4}>
        {screen.rows.map((r) => {
          const top = y(r.group) ?? 0
          return (
            <g key={r.group}>
              <text x={-8} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="impact-label">
                {group(r.group)}
              </text>
              {r.suppressed || r.ratio === null ? (
                <text x={4} y={top + y.bandwidth() / 2} dy="0.35em" className="muted">
                  {r.suppressed ? '<4' : '—'}
                </text>
              ) : (
                <>
                  <rect
                    x={0}
                    y={top}
                    width={Math.max(1, x(r.ratio))}
                    height={y.bandwidth()}
                    className={r.belowFourFifths ? 'impact-bar below' : 'impact-bar'}
                  />
                  <text x={x(r.ratio) + 4} y={top + y.bandwidth() / 2} dy="0.35em" className="impact-value">
                    {t.percent(r.ratio, 0)}
                  </text>
                </>
              )}
            </g>
          )
        })}
        <line
          x1={x(0.8)}
          x2={x(0.8)}
          y1={-2}
          y2={screen.rows.length * ROW}
          className="four-fifths"
          aria-hidden="true"
        />
        <text x={x(0.8)} y={screen.rows.length * ROW + 14} textAnchor="middle" className="muted small-text">
          4/5
        </text>
      </Group>
    </svg>
  )
}
