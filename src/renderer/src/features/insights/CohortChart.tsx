import { Group } from '@visx/group'
import { scaleLinear } from '@visx/scale'
import type { CohortComparison } from '../../../../shared/contract'
import { useT } from '../../i18n'

const WIDTH = 460
const HEIGHT = 150
const LEFT = 170

/**
 * The two groups' means as bars, and the difference with its 95% interval as a whisker under them: an interval
 * that crosses zero is drawn crossing the zero line, so "no clear difference" is visible at a glance.
 */
export function CohortChart({ result }: { result: CohortComparison }): React.JSX.Element {
  const groups = [result.completed, result.notCompleted]
  const max = result.unit === 'share' ? 1 : 5
  const x = scaleLinear({ domain: [0, max], range: [0, WIDTH - LEFT - 40] })
  const d = result.difference
  const span = Math.max(0.5, ...(d ? [Math.abs(d.low), Math.abs(d.high)] : []))
  const dx = scaleLinear({ domain: [-span, span], range: [0, WIDTH - LEFT - 40] })
  const t = useT()
  const twoDigits = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const format = (v: number): string => (result.unit === 'share' ? t.percent(v) : twoDigits.format(v))
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={`${t.m(result.text.question)} ${t.m(result.text.answer)}`}
      className="cohort-chart"
    >
      <Group left={LEFT} top={10}>
        {groups.map((g, i) => (
          <g key={g.label} transform={`translate(0, ${i * 34})`}>
            <text x={-8} y={12} textAnchor="end" className="chart-label">
              {t.t(i === 0 ? 'insights.cohort.chartCompleted' : 'insights.cohort.chartNotCompleted', {
                n: g.n,
              })}
            </text>
            {g.mean !== null && (
              <>
                <rect
                  x={0}
                  y={2}
                  width={x(g.mean)}
                  height={20}
                  className={i === 0 ? 'bar-primary' : 'bar-secondary'}
                />
                <text x={x(g.mean) + 4} y={16} className="chart-value">
                  {format(g.mean)}
                </text>
              </>
            )}
          </g>
        ))}
        {d && (
          <g transform="translate(0, 86)">
            <text x={-8} y={14} textAnchor="end" className="chart-label">
              {t.t('insights.cohort.chartDifference')}
            </text>
            <line x1={dx(0)} x2={dx(0)} y1={0} y2={28} className="zero-line" />
            <line x1={dx(d.low)} x2={dx(d.high)} y1={14} y2={14} className="ci-line" />
            <line x1={dx(d.low)} x2={dx(d.low)} y1={8} y2={20} className="ci-line" />
            <line x1={dx(d.high)} x2={dx(d.high)} y1={8} y2={20} className="ci-line" />
            <circle cx={dx(d.estimate)} cy={14} r={4} className="ci-point" />
            <text x={dx(d.estimate)} y={40} textAnchor="middle" className="chart-value">
              {format(d.estimate)} [{format(d.low)}, {format(d.high)}]
            </text>
          </g>
        )}
      </Group>
    </svg>
  )
}
