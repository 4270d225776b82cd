import { JOURNEY_STATES as STATES, journeyEventKind } from '../../../../shared/contract'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { useEffect, useState } from 'react'
import type { PersonJourney as Journey } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT, type MessageKey, type Translator } from '../../i18n'
import { ExportButton } from './ExportButton'
import { errorText } from './text'

/** One lane per kind of event, in the contract's order (records first, then what calibration and rules did). */
const LANES = journeyEventKind.options
/** A record's state in words; one the catalogue does not know is shown as stored. */
const stateWord = (t: Translator, state: string): string =>
  STATES.includes(state) ? t.t(`insights.journey.state.${state}` as MessageKey) : state
const WIDTH = 760
const LEFT = 110
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000

function Timeline({ journey }: { journey: Journey }): React.JSX.Element | null {
  const t = useT()
  if (journey.events.length === 0) return null
  const first = day(journey.events[0]?.date ?? '')
  const last = day(journey.events[journey.events.length - 1]?.date ?? '')
  const x = scaleLinear({ domain: [first, Math.max(last, first + 30)], range: [12, WIDTH - LEFT - 20] })
  const y = scaleBand({ domain: [...LANES], range: [0, LANES.length * 24], padding: 0.3 })
  const years: number[] = []
  for (let year = new Date(first * 86_400_000).getUTCFullYear() + 1; day(`${year}-01-01`) <= last; year++)
    years.push(year)
  return (
    <svg
      width={WIDTH}
      height={LANES.length * 24 + 30}
      role="img"
      aria-label={t.t('insights.journey.timeline', { name: journey.person.name })}
    >
      <Group left={LEFT} top={4}>
        {LANES.map((lane) => (
          <text
            key={lane}
            x={-8}
            y={(y(lane) ?? 0) + y.bandwidth() / 2}
            dy="0.35em"
            textAnchor="end"
            className="chart-label"
          >
            {t.t(`insights.journey.lane.${lane}`)}
          </text>
        ))}
        {years.map((year) => (
          <g key={year}>
            <line
              x1={x(day(`${year}-01-01`))}
              x2={x(day(`${year}-01-01`))}
              y1={0}
              y2={LANES.length * 24}
              className="axis"
            />
            <text
              x={x(day(`${year}-01-01`))}
              y={LANES.length * 24 + 14}
              textAnchor="middle"
              className="chart-label"
            >
              {year}
            </text>
          </g>
        ))}
        {journey.events.map((e, i) => (
          <circle
            key={i}
            cx={x(day(e.date))}
            cy={(y(e.kind) ?? 0) + y.bandwidth() / 2}
            r={4}
            className={`journey-dot state-${e.state ?? 'none'}`}
          >
            <title>{`${e.date} ${t.m(e.titleText)}: ${t.m(e.detailText)}`}</title>
          </circle>
        ))}
      </Group>
    </svg>
  )
}

/** One person's records on one timeline, and as a table. */
/** `of`: the person to show at once (a profile opened from Find); the ID field stays for another. */
export function PersonJourney({ of }: { of?: string } = {}): React.JSX.Element {
  const [employeeId, setEmployeeId] = useState(of ?? '')
  const [journey, setJourney] = useState<Journey | null>(null)
  const [error, setError] = useState<unknown>(null)
  const t = useT()
  const show = (id = employeeId): void => {
    api.call('insights.journey', { employeeId: id.trim() }).then(
      (j) => (setJourney(j), setError(null)),
      (e: unknown) => (setJourney(null), setError(e)),
    )
  }
  useEffect(() => {
    if (of) show(of)
    // Only the person it was opened on: later ones come from the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [of])
  return (
    <section className="insight-card" aria-label={t.t('insights.journey.region')}>
      <h2>{t.t('insights.journey.heading')}</h2>
      <form
        className="insight-form"
        onSubmit={(e) => {
          e.preventDefault()
          show()
        }}
      >
        <label>
          {t.t('insights.journey.employeeId')}
          <input
            aria-label={t.t('insights.journey.employeeIdInput')}
            value={employeeId}
            onChange={(e) => setEmployeeId(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!employeeId.trim()}>
          {t.t('insights.journey.show')}
        </button>
      </form>
      {error !== null && <p className="error-text">{errorText(t, error)}</p>}
      {journey && (
        <>
          <p>
            <strong>{journey.person.name}</strong>
            <span className="muted">
              {t.t('insights.journey.summary', {
                jobTitle: journey.person.jobTitle ?? t.t('insights.journey.noTitle'),
                department: journey.person.department ?? t.t('insights.journey.noDepartment'),
                hired: journey.person.hireDate ?? t.t('insights.journey.unknown'),
              })}
            </span>
          </p>
          <Timeline journey={journey} />
          <table className="audit-table" aria-label={t.t('insights.journey.table')}>
            <thead>
              <tr>
                <th>{t.t('insights.journey.date')}</th>
                <th>{t.t('insights.journey.kind')}</th>
                <th>{t.t('insights.journey.what')}</th>
                <th>{t.t('insights.journey.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {[...journey.events].reverse().map((e, i) => (
                <tr
                  key={i}
                  className={
                    e.state === 'overdue' || e.state === 'failed' || e.state === 'expired'
                      ? 'below-four-fifths'
                      : ''
                  }
                >
                  <td>{e.date}</td>
                  <td>{t.t(`insights.journey.lane.${e.kind}`)}</td>
                  <td>{t.m(e.titleText)}</td>
                  <td>
                    {t.m(e.detailText)}
                    {/* The English detail says whether it already starts with the state. */}
                    {e.state && e.kind !== 'placement' && !e.detail.startsWith(e.state)
                      ? ` · ${stateWord(t, e.state)}`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ExportButton view="journey" input={{ employeeId: journey.person.employeeId }} onError={setError} />
        </>
      )}
    </section>
  )
}
