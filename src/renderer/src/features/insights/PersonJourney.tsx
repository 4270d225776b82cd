import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { useState } from 'react'
import type { PersonJourney as Journey } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ExportButton } from './ExportButton'

const LANES = ['learning', 'certification', 'review', 'rating', 'placement', 'move', 'action'] as const
const LANE_LABEL: Record<(typeof LANES)[number], string> = {
  learning: 'Learning',
  certification: 'Certifications',
  review: 'Reviews',
  rating: 'Skill ratings',
  placement: 'Calibration',
  move: 'Moves',
  action: 'Actions',
}
const WIDTH = 760
const LEFT = 110
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000

function Timeline({ journey }: { journey: Journey }): React.JSX.Element | null {
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
      aria-label={`Timeline of ${journey.person.name}`}
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
            {LANE_LABEL[lane]}
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
            <title>{`${e.date} ${e.title}: ${e.detail}`}</title>
          </circle>
        ))}
      </Group>
    </svg>
  )
}

/** One person's records on one timeline, and as a table. */
export function PersonJourney(): React.JSX.Element {
  const [employeeId, setEmployeeId] = useState('')
  const [journey, setJourney] = useState<Journey | null>(null)
  const [error, setError] = useState<string | null>(null)
  const show = (): void => {
    api.call('insights.journey', { employeeId: employeeId.trim() }).then(
      (j) => (setJourney(j), setError(null)),
      (e: unknown) => (setJourney(null), setError(e instanceof Error ? e.message : String(e))),
    )
  }
  return (
    <section className="insight-card" aria-label="Person journey">
      <h3>A person's journey</h3>
      <form
        className="insight-form"
        onSubmit={(e) => {
          e.preventDefault()
          show()
        }}
      >
        <label>
          Employee ID
          <input
            aria-label="Journey employee ID"
            value={employeeId}
            onChange={(e) => setEmployeeId(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!employeeId.trim()}>
          Show
        </button>
      </form>
      {error && <p className="error-text">{error}</p>}
      {journey && (
        <>
          <p>
            <strong>{journey.person.name}</strong>
            <span className="muted">
              {' '}
              · {journey.person.jobTitle ?? 'no title'} · {journey.person.department ?? 'no department'} ·
              hired {journey.person.hireDate ?? 'unknown'}
            </span>
          </p>
          <ExportButton view="journey" input={{ employeeId: journey.person.employeeId }} onError={setError} />
          <Timeline journey={journey} />
          <table className="audit-table" aria-label="Journey events">
            <thead>
              <tr>
                <th>Date</th>
                <th>Kind</th>
                <th>What</th>
                <th>Detail</th>
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
                  <td>{LANE_LABEL[e.kind]}</td>
                  <td>{e.title}</td>
                  <td>
                    {e.detail}
                    {e.state && e.kind !== 'placement' && !e.detail.startsWith(e.state)
                      ? ` · ${e.state}`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
