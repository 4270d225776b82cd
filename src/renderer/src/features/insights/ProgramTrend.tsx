import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { useEffect, useState } from 'react'
import type { MethodOutput, ProgramTrend as Trend, SegmentDimension } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ExportButton } from './ExportButton'

const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)

function TrendChart({ trend }: { trend: Trend }): React.JSX.Element {
  const width = Math.max(320, trend.periods.length * 70 + 60)
  const x = scaleBand({ domain: trend.periods.map((p) => p.period), range: [0, width - 60], padding: 0.25 })
  const y = scaleLinear({ domain: [0, 1], range: [120, 0] })
  return (
    <svg
      width={width}
      height={160}
      role="img"
      aria-label={`Completion rate of ${trend.item.title} by ${trend.period}`}
    >
      <Group left={40} top={10}>
        <line x1={0} x2={width - 60} y1={y(0)} y2={y(0)} className="axis" />
        {trend.periods.map((p) => (
          <g key={p.period}>
            <rect
              x={x(p.period)}
              y={y(p.rate ?? 0)}
              width={x.bandwidth()}
              height={y(0) - y(p.rate ?? 0)}
              className={trend.drop?.to === p.period ? 'bar-alert' : 'bar-primary'}
            />
            <text
              x={(x(p.period) ?? 0) + x.bandwidth() / 2}
              y={y(p.rate ?? 0) - 4}
              textAnchor="middle"
              className="chart-value"
            >
              {percent(p.rate)}
            </text>
            <text
              x={(x(p.period) ?? 0) + x.bandwidth() / 2}
              y={y(0) + 14}
              textAnchor="middle"
              className="chart-label"
            >
              {p.period}
            </text>
          </g>
        ))}
      </Group>
    </svg>
  )
}

/** A program's reach and completion over time, by segment, and where a fall comes from. */
export function ProgramTrend(): React.JSX.Element {
  const [items, setItems] = useState<MethodOutput<'insights.items'>>([])
  const [item, setItem] = useState('')
  const [period, setPeriod] = useState<'month' | 'quarter'>('quarter')
  const [segmentBy, setSegmentBy] = useState<SegmentDimension>('department')
  const [trend, setTrend] = useState<Trend | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.call('insights.items').then(
      (list) => {
        setItems(list)
        setItem((current) => current || (list[0]?.title ?? ''))
      },
      () => setItems([]),
    )
  }, [])
  useEffect(() => {
    if (!item) return
    let live = true
    api.call('insights.program', { item, period, segmentBy }).then(
      (t) => live && (setTrend(t), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [item, period, segmentBy])
  return (
    <section className="insight-card" aria-label="Program trend">
      <h3>Program reach and completion</h3>
      <div className="insight-form">
        <label>
          Learning item
          <select aria-label="Program" value={item} onChange={(e) => setItem(e.target.value)}>
            {items.map((i) => (
              <option key={i.activityId} value={i.title}>
                {i.title} ({i.completions})
              </option>
            ))}
          </select>
        </label>
        <label>
          Period
          <select
            aria-label="Period"
            value={period}
            onChange={(e) => setPeriod(e.target.value as 'month' | 'quarter')}
          >
            <option value="quarter">Quarter</option>
            <option value="month">Month</option>
          </select>
        </label>
        <label>
          Segment by
          <select
            aria-label="Segment by"
            value={segmentBy}
            onChange={(e) => setSegmentBy(e.target.value as SegmentDimension)}
          >
            <option value="department">Department</option>
            <option value="location">Location</option>
            <option value="jobLevel">Job level</option>
            <option value="manager">Manager</option>
          </select>
        </label>
      </div>
      {error && <p className="error-text">{error}</p>}
      {trend && (
        <>
          <p className="muted">
            Reach: {trend.reach} people. Records count in the {trend.period} they were assigned (else due,
            else completed).
          </p>
          {trend.drop && (
            <p className="drop-finding" data-testid="drop-finding">
              {trend.drop.finding}
            </p>
          )}
          <ExportButton view="program" input={{ item, period, segmentBy }} onError={setError} />
          <TrendChart trend={trend} />
          <table className="audit-table" aria-label="Completion by segment">
            <thead>
              <tr>
                <th>{segmentBy}</th>
                {trend.periods.map((p) => (
                  <th key={p.period}>{p.period}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.segments.map((s) => (
                <tr key={s.segment}>
                  <td>{s.segment}</td>
                  {s.cells.map((c, i) => (
                    <td key={trend.periods[i]?.period ?? i}>
                      {c.assigned === 0 ? '—' : `${percent(c.rate)} (${c.completed}/${c.assigned})`}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="total">
                <td>All</td>
                {trend.periods.map((p) => (
                  <td key={p.period}>{`${percent(p.rate)} (${p.completed}/${p.assigned})`}</td>
                ))}
              </tr>
            </tbody>
          </table>
          {trend.drop && (
            <details open>
              <summary>Where the fall comes from (share of the change, every segmentation)</summary>
              <table className="audit-table" aria-label="Drop attribution">
                <thead>
                  <tr>
                    <th>Segment</th>
                    <th>{trend.drop.from}</th>
                    <th>{trend.drop.to}</th>
                    <th>Share of the fall</th>
                    <th>Share of the people</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.drop.segments.map((s) => (
                    <tr key={`${s.dimension}-${s.segment}`}>
                      <td>
                        {s.dimension}: {s.segment}
                      </td>
                      <td>{`${percent(s.rateBefore)} (${s.before.hits}/${s.before.n})`}</td>
                      <td>{`${percent(s.rateAfter)} (${s.after.hits}/${s.after.n})`}</td>
                      <td>{s.shareOfChange === null ? '—' : `${Math.round(s.shareOfChange * 100)}%`}</td>
                      <td>{`${Math.round(s.shareOfPeople * 100)}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          {trend.survey.length > 0 && (
            <table className="audit-table" aria-label="Reaction survey">
              <thead>
                <tr>
                  <th>Reaction survey question</th>
                  <th>Answers</th>
                  <th>Mean</th>
                </tr>
              </thead>
              <tbody>
                {trend.survey.map((q) => (
                  <tr key={q.question}>
                    <td>{q.question}</td>
                    <td>{q.n}</td>
                    <td>{q.mean}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}
