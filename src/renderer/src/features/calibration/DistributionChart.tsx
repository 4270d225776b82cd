import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import type { CalibrationView } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { boxLabel } from './labels'

const WIDTH = 300
const ROW = 56
/** Presenter mode's row: name and bar, without the rounding line (the table keeps it), so the chart leaves room for
 * the person panel under it. */
const COMPACT_ROW = 38
const LEFT = 8
const BAR_TOP = 20
const BAR_HEIGHT = 14
/** The bar's room: the rest of the row says "12 of 10". */
const BAR_WIDTH = 196

/**
 * Actual against target per box, best box on top, with how each target count was rounded (the share of the
 * people placed, to the nearest whole person by the largest-remainder rule). Sighted users read it beside the
 * grid; the distribution table below stays the screen readers' and the export's version, so the chart is hidden
 * from the accessibility tree rather than said twice.
 */
export function DistributionChart({
  view,
  compact = false,
}: {
  view: CalibrationView
  compact?: boolean
}): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  const rows = [...view.distribution].sort((a, b) => b.box - a.box)
  const placed = view.placements.length
  const most = Math.max(1, ...rows.flatMap((r) => [r.actual, r.targetCount]))
  const row = compact ? COMPACT_ROW : ROW
  const y = scaleBand({ domain: rows.map((r) => r.box), range: [0, rows.length * row] })
  const x = scaleLinear({ domain: [0, most], range: [0, BAR_WIDTH] })
  const height = rows.length * row + 24
  return (
    <figure className={`distribution-chart${compact ? ' compact' : ''}`} data-testid="distribution-chart">
      <figcaption>{t('calibration.meeting.chart.title')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true">
        {rows.map((r) => {
          const exact = (r.targetPercent * placed) / 100
          const target = x(r.targetCount)
          return (
            <Group key={r.box} top={y(r.box) ?? 0} left={LEFT} className={`chart-row chart-${r.deviation}`}>
              <text y={13} className="chart-label">
                {r.box} · {boxLabel(translator, { [r.box]: r.label }, r.box)}
              </text>
              <rect y={BAR_TOP} width={BAR_WIDTH} height={BAR_HEIGHT} className="chart-track" />
              <rect
                y={BAR_TOP}
                width={Math.max(r.actual > 0 ? 2 : 0, x(r.actual))}
                height={BAR_HEIGHT}
                className="chart-bar"
                data-box={r.box}
              />
              <line
                x1={target}
                x2={target}
                y1={BAR_TOP - 4}
                y2={BAR_TOP + BAR_HEIGHT + 4}
                className="chart-target"
              />
              <text x={WIDTH - LEFT * 2} y={BAR_TOP + 12} textAnchor="end" className="chart-count">
                {t('calibration.meeting.chart.row', { actual: r.actual, target: r.targetCount })}
              </text>
              {!compact && (
                <text y={BAR_TOP + BAR_HEIGHT + 14} className="chart-rounding">
                  {t('calibration.meeting.chart.rounding', {
                    percent: r.targetPercent,
                    placed,
                    exact: Math.round(exact * 10) / 10,
                    target: r.targetCount,
                  })}
                </text>
              )}
            </Group>
          )
        })}
        <Group top={rows.length * row + 8} left={LEFT}>
          <rect width={14} height={10} className="chart-bar" />
          <text x={20} y={9} className="chart-legend">
            {t('calibration.meeting.chart.now')}
          </text>
          <line x1={84} x2={84} y1={-2} y2={12} className="chart-target" />
          <text x={92} y={9} className="chart-legend">
            {t('calibration.meeting.chart.target')}
          </text>
        </Group>
      </svg>
    </figure>
  )
}
