import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { useEffect, useState } from 'react'
import type { MethodOutput, ProgramTrend as Trend, SegmentDimension } from '../../../../shared/contract'
import { jumpFor } from '../../stores/appStore'
import { api } from '../../api/client'
import { useT, type MessageKey, type Translator } from '../../i18n'
import { ExportButton } from './ExportButton'
import { errorText, percentOrDash, segmentName } from './text'
import { useDevelopmentFields } from './useDevelopmentFields'

type Segment = Trend['within'][number]

const DIMENSIONS: { value: SegmentDimension }[] = [
  { value: 'department' },
  { value: 'location' },
  { value: 'jobLevel' },
  { value: 'manager' },
]
const STATUSES = [
  'enrolled',
  'in_progress',
  'completed',
  'passed',
  'failed',
  'waived',
  'withdrawn',
  'no_show',
]
/** A learning record's status in words; one the catalogue does not know is shown as stored. */
const statusWord = (t: Translator, status: string): string =>
  STATUSES.includes(status) ? t.t(`insights.program.statusValue.${status}` as MessageKey) : status
/** "Location: London", the way a segment is named in the drill path and the attribution table. */
const segmentLabel = (t: Translator, s: Segment): string =>
  t.t('insights.program.segmentLabel', {
    dimension: t.t(`insights.dimension.${s.dimension}`),
    segment: segmentName(t, s.segment, s.dimension),
  })
/** "50% (3/6)": a rate with the counts behind it. */
const rateCell = (t: Translator, rate: number | null, completed: number, assigned: number): string =>
  t.t('insights.program.cell', {
    rate: percentOrDash(t, rate),
    completed: String(completed),
    assigned: String(assigned),
  })

function TrendChart({ trend }: { trend: Trend }): React.JSX.Element {
  const t = useT()
  const width = Math.max(320, trend.periods.length * 70 + 60)
  const x = scaleBand({ domain: trend.periods.map((p) => p.period), range: [0, width - 60], padding: 0.25 })
  const y = scaleLinear({ domain: [0, 1], range: [120, 0] })
  return (
    <svg
      width={width}
      height={160}
      role="img"
      aria-label={t.t('insights.program.chart', {
        item: trend.item.title,
        period: t.t(`insights.program.periodBy.${trend.period}`),
      })}
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
              {percentOrDash(t, p.rate)}
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
  const [error, setError] = useState<unknown>(null)
  const t = useT()
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
      (e: unknown) => live && setError(e),
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
  const withinNames = (trend?.within ?? []).map((s) => segmentName(t, s.segment, s.dimension)).join(' · ')
  const recent = (trend?.periods ?? []).slice(-2).map((p) => p.period)
  const recentPeriods =
    recent.length === 2
      ? t.t('insights.list.and', { first: recent[0] ?? '', last: recent[1] ?? '' })
      : recent.join('')
  return (
    <section className="insight-card" aria-label={t.t('insights.program.region')}>
      <h2>{t.t('insights.program.heading')}</h2>
      <div className="insight-form">
        <label>
          {t.t('insights.program.learningItem')}
          <select
            aria-label={t.t('insights.program.program')}
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
          {t.t('insights.program.period')}
          <select
            aria-label={t.t('insights.program.period')}
            value={period}
            onChange={(e) => setPeriod(e.target.value as 'month' | 'quarter')}
          >
            <option value="quarter">{t.t('insights.program.quarter')}</option>
            <option value="month">{t.t('insights.program.month')}</option>
          </select>
        </label>
        <label>
          {t.t('insights.program.segmentBy')}
          <select
            aria-label={t.t('insights.program.segmentBy')}
            value={segmentBy ?? ''}
            onChange={(e) => setSegmentBy(e.target.value as SegmentDimension)}
          >
            {splits.map((d) => (
              <option key={d.value} value={d.value}>
                {t.t(`insights.dimension.${d.value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {allowed && splits.length === 0 && <p className="muted">{t.t('insights.program.noFields')}</p>}
      {error !== null && <p className="error-text">{errorText(t, error)}</p>}
      {trend && (
        <>
          {trend.within.length > 0 && (
            <nav className="drill-path" aria-label={t.t('insights.program.drillDown')}>
              <button type="button" className="link" onClick={() => setWithin([])}>
                {t.t('insights.program.everyone')}
              </button>
              {trend.within.map((s, i) => (
                <span key={s.dimension}>
                  <span aria-hidden="true"> › </span>
                  {i === trend.within.length - 1 ? (
                    <strong aria-current="location">{segmentLabel(t, s)}</strong>
                  ) : (
                    <button type="button" className="link" onClick={() => setWithin(within.slice(0, i + 1))}>
                      {segmentLabel(t, s)}
                    </button>
                  )}
                </span>
              ))}
            </nav>
          )}
          <p className="muted">
            {t.t('insights.program.reach', {
              count: trend.reach,
              period: t.t(`insights.program.periodIn.${trend.period}`),
            })}
          </p>
          {trend.drop && (
            <p className="drop-finding" data-testid="drop-finding">
              {t.m(trend.drop.findingText)}
            </p>
          )}
          <TrendChart trend={trend} />
          <table className="audit-table" aria-label={t.t('insights.program.table')}>
            <thead>
              <tr>
                <th>{t.t(`insights.dimension.${trend.segmentBy}`)}</th>
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
                        aria-label={t.t('insights.program.drillInto', {
                          dimension: t.t(`insights.dimension.${trend.segmentBy}`),
                          segment: segmentName(t, s.segment, trend.segmentBy),
                        })}
                        onClick={() => drillInto({ dimension: trend.segmentBy, segment: s.segment })}
                      >
                        {segmentName(t, s.segment, trend.segmentBy)}
                      </button>
                    ) : (
                      segmentName(t, s.segment, trend.segmentBy)
                    )}
                  </td>
                  {s.cells.map((c, i) => (
                    <td key={trend.periods[i]?.period ?? i}>
                      {c.assigned === 0 ? '—' : rateCell(t, c.rate, c.completed, c.assigned)}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="total">
                <td>{trend.within.length > 0 ? withinNames : t.t('insights.program.all')}</td>
                {trend.periods.map((p) => (
                  <td key={p.period}>{rateCell(t, p.rate, p.completed, p.assigned)}</td>
                ))}
              </tr>
            </tbody>
          </table>
          {trend.drop && (
            <details open>
              <summary>{t.t('insights.program.dropSummary')}</summary>
              <table className="audit-table" aria-label={t.t('insights.program.dropTable')}>
                <thead>
                  <tr>
                    <th>{t.t('insights.program.segment')}</th>
                    <th>{trend.drop.from}</th>
                    <th>{trend.drop.to}</th>
                    <th>{t.t('insights.program.shareOfFall')}</th>
                    <th>{t.t('insights.program.shareOfPeople')}</th>
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
                            aria-label={t.t('insights.program.drillInto', {
                              dimension: t.t(`insights.dimension.${s.dimension}`),
                              segment: segmentName(t, s.segment, s.dimension),
                            })}
                            onClick={() => drillInto({ dimension: s.dimension, segment: s.segment })}
                          >
                            {segmentLabel(t, s)}
                          </button>
                        ) : (
                          segmentLabel(t, s)
                        )}
                      </td>
                      <td>{rateCell(t, s.rateBefore, s.before.hits, s.before.n)}</td>
                      <td>{rateCell(t, s.rateAfter, s.after.hits, s.after.n)}</td>
                      <td>{percentOrDash(t, s.shareOfChange, 0)}</td>
                      <td>{t.percent(s.shareOfPeople, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          {trend.within.length > 0 && (
            <details open>
              <summary>
                {trend.recordsTotal > trend.records.length
                  ? t.t('insights.program.recordsSome', {
                      periods: recentPeriods,
                      shown: String(trend.records.length),
                      total: String(trend.recordsTotal),
                    })
                  : t.t('insights.program.recordsAll', {
                      periods: recentPeriods,
                      total: String(trend.recordsTotal),
                    })}
              </summary>
              <table className="audit-table" aria-label={t.t('insights.program.recordsTable')}>
                <thead>
                  <tr>
                    <th>{t.t('insights.program.person')}</th>
                    <th>{t.t('insights.program.period')}</th>
                    <th>{t.t('insights.program.status')}</th>
                    <th>{t.t('insights.program.assigned')}</th>
                    <th>{t.t('insights.program.due')}</th>
                    <th>{t.t('insights.program.completed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.records.map((r) => (
                    <tr key={`${r.employeeId}-${r.period}-${r.assignedAt ?? ''}`}>
                      <td>
                        {r.name} <span className="muted small">{r.employeeId}</span>
                      </td>
                      <td>{r.period}</td>
                      <td>{statusWord(t, r.status)}</td>
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
            <table className="audit-table" aria-label={t.t('insights.program.survey')}>
              <caption>
                {trend.within.length > 0
                  ? t.t('insights.program.surveyCaptionWithin', { segments: withinNames })
                  : t.t('insights.program.surveyCaption')}
              </caption>
              <thead>
                <tr>
                  <th>{t.t('insights.program.surveyQuestion')}</th>
                  <th>{t.t('insights.program.answers')}</th>
                  <th>{t.t('insights.program.mean')}</th>
                </tr>
              </thead>
              <tbody>
                {trend.survey.map((q) => (
                  <tr key={q.question}>
                    <td>{q.question}</td>
                    <td>{t.number(q.n)}</td>
                    <td>{t.number(q.mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ExportButton view="program" input={request} onError={setError} />
        </>
      )}
    </section>
  )
}
