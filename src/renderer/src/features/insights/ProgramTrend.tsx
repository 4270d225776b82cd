import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { useEffect, useState } from 'react'
import type { MethodOutput, ProgramTrend as Trend, SegmentDimension } from '../../../../shared/contract'
import { jumpFor } from '../../stores/appStore'
import { api } from '../../api/client'
import { ExportButton } from './ExportButton'
import { useDevelopmentFields } from './useDevelopmentFields'

type Segment = Trend['within'][number]

const DIMENSIONS: { value: SegmentDimension; label: string }[] = [
  { value: 'department', label: 'Department' },
  { value: 'location', label: 'Location' },
  { value: 'jobLevel', label: 'Job level' },
  { value: 'manager', label: 'Manager' },
]
const dimensionLabel = (d: SegmentDimension): string => DIMENSIONS.find((x) => x.value === d)?.label ?? d

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
  const [item, setItem] = useState(() => jumpFor('program')?.title ?? '')
  const [period, setPeriod] = useState<'month' | 'quarter'>('quarter')
  const [chosenSegmentBy, setSegmentBy] = useState<SegmentDimension>('department')
  /** The segments drilled into, outermost first. */
  const [within, setWithin] = useState<Segment[]>([])
  const [trend, setTrend] = useState<Trend | null>(null)
  const [error, setError] = useState<string | null>(null)
  const allowed = useDevelopmentFields()
  /** The dimensions this view may split by: tagged for development and not already drilled into. */
  const splits = DIMENSIONS.filter(
    (d) => allowed?.includes(d.value) && !within.some((s) => s.dimension === d.value),
  )
  // A dimension not offered (untagged, or drilled into) gives way to the first one that is.
  const segmentBy = splits.some((d) => d.value === chosenSegmentBy) ? chosenSegmentBy : splits[0]?.value
  const request = { item, period, segmentBy: segmentBy ?? 'department', within }
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
    if (!item || segmentBy === undefined) return
    let live = true
    api.call('insights.program', { item, period, segmentBy, within }).then(
      (t) => live && (setTrend(t), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [item, period, segmentBy, within])
  const drillInto = (segment: Segment): void => {
    const path = [...within, segment]
    setWithin(path)
    // Inside a segment its own dimension has one value: show the next one that still splits it.
    const open = DIMENSIONS.find(
      (d) => allowed?.includes(d.value) && !path.some((s) => s.dimension === d.value),
    )
    if (path.some((s) => s.dimension === segmentBy) && open) setSegmentBy(open.value)
  }
  // Drilling in needs a dimension left to split the segment by.
  const canDrill = (dimension: SegmentDimension): boolean =>
    splits.some((d) => d.value !== dimension) && !within.some((s) => s.dimension === dimension)
  return (
    <section className="insight-card" aria-label="Program trend">
      <h3>Program reach and completion</h3>
      <div className="insight-form">
        <label>
          Learning item
          <select
            aria-label="Program"
            value={item}
            onChange={(e) => {
              setItem(e.target.value)
              setWithin([])
            }}
          >
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
            value={segmentBy ?? ''}
            onChange={(e) => setSegmentBy(e.target.value as SegmentDimension)}
          >
            {splits.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {allowed && splits.length === 0 && (
        <p className="muted">
          No department, location, job level or manager is tagged for development (Workspace ▸ Field
          purposes).
        </p>
      )}
      {error && <p className="error-text">{error}</p>}
      {trend && (
        <>
          {trend.within.length > 0 && (
            <nav className="drill-path" aria-label="Drill-down">
              <button type="button" className="link" onClick={() => setWithin([])}>
                Everyone
              </button>
              {trend.within.map((s, i) => (
                <span key={s.dimension}>
                  <span aria-hidden="true"> › </span>
                  {i === trend.within.length - 1 ? (
                    <strong aria-current="location">
                      {dimensionLabel(s.dimension)}: {s.segment}
                    </strong>
                  ) : (
                    <button type="button" className="link" onClick={() => setWithin(within.slice(0, i + 1))}>
                      {dimensionLabel(s.dimension)}: {s.segment}
                    </button>
                  )}
                </span>
              ))}
            </nav>
          )}
          <p className="muted">
            Reach: {trend.reach} people. Records count in the {trend.period} they were assigned (else due,
            else completed).
          </p>
          {trend.drop && (
            <p className="drop-finding" data-testid="drop-finding">
              {trend.drop.finding}
            </p>
          )}
          <ExportButton view="program" input={request} onError={setError} />
          <TrendChart trend={trend} />
          <table className="audit-table" aria-label="Completion by segment">
            <thead>
              <tr>
                <th>{dimensionLabel(trend.segmentBy)}</th>
                {trend.periods.map((p) => (
                  <th key={p.period}>{p.period}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.segments.map((s) => (
                <tr key={s.segment}>
                  <td>
                    {canDrill(trend.segmentBy) ? (
                      <button
                        type="button"
                        className="link"
                        aria-label={`Drill into ${dimensionLabel(trend.segmentBy)} ${s.segment}`}
                        onClick={() => drillInto({ dimension: trend.segmentBy, segment: s.segment })}
                      >
                        {s.segment}
                      </button>
                    ) : (
                      s.segment
                    )}
                  </td>
                  {s.cells.map((c, i) => (
                    <td key={trend.periods[i]?.period ?? i}>
                      {c.assigned === 0 ? '—' : `${percent(c.rate)} (${c.completed}/${c.assigned})`}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="total">
                <td>{trend.within.length > 0 ? trend.within.map((s) => s.segment).join(' · ') : 'All'}</td>
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
                        {canDrill(s.dimension) ? (
                          <button
                            type="button"
                            className="link"
                            aria-label={`Drill into ${dimensionLabel(s.dimension)} ${s.segment}`}
                            onClick={() => drillInto({ dimension: s.dimension, segment: s.segment })}
                          >
                            {dimensionLabel(s.dimension)}: {s.segment}
                          </button>
                        ) : (
                          `${dimensionLabel(s.dimension)}: ${s.segment}`
                        )}
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
          {trend.within.length > 0 && (
            <details open>
              <summary>
                Records behind{' '}
                {trend.periods
                  .slice(-2)
                  .map((p) => p.period)
                  .join(' and ')}
                {trend.recordsTotal > trend.records.length
                  ? ` (the first ${trend.records.length} of ${trend.recordsTotal})`
                  : ` (${trend.recordsTotal})`}
              </summary>
              <table className="audit-table" aria-label="Segment records">
                <thead>
                  <tr>
                    <th>Person</th>
                    <th>Period</th>
                    <th>Status</th>
                    <th>Assigned</th>
                    <th>Due</th>
                    <th>Completed</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.records.map((r) => (
                    <tr key={`${r.employeeId}-${r.period}-${r.assignedAt ?? ''}`}>
                      <td>
                        {r.name} <span className="muted small">{r.employeeId}</span>
                      </td>
                      <td>{r.period}</td>
                      <td>{r.status}</td>
                      <td>{r.assignedAt ?? '—'}</td>
                      <td>{r.dueAt ?? '—'}</td>
                      <td>{r.completedAt ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          {trend.survey.length > 0 && (
            <table className="audit-table" aria-label="Reaction survey">
              <caption>
                Reaction survey
                {trend.within.length > 0 ? ` (${trend.within.map((s) => s.segment).join(' · ')})` : ''},
                scored 1–5
              </caption>
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
