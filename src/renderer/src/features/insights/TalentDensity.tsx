import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { useEffect, useState } from 'react'
import type { TalentDensity as Density } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ExportButton } from './ExportButton'
import { useDevelopmentFields } from './useDevelopmentFields'

type By = 'department' | 'location' | 'jobLevel'
const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`)

function DensityChart({ density }: { density: Density }): React.JSX.Element | null {
  const last = density.cycles.length - 1
  if (last < 0) return null
  const rows = density.units.filter((u) => (u.cells[last]?.n ?? 0) > 0)
  const height = rows.length * 22 + 10
  const y = scaleBand({ domain: rows.map((u) => u.unit), range: [0, rows.length * 22], padding: 0.2 })
  const x = scaleLinear({ domain: [0, 1], range: [0, 300] })
  return (
    <svg
      width={520}
      height={height}
      role="img"
      aria-label={`Talent density by ${density.unitLabel.toLowerCase()}, ${density.cycles[last]?.cycle}`}
    >
      <Group left={160} top={4}>
        {rows.map((u) => {
          const c = u.cells[last]
          const top = y(u.unit) ?? 0
          return (
            <g key={u.unit}>
              <text x={-8} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="chart-label">
                {u.unit}
              </text>
              <rect x={0} y={top} width={x(c?.share ?? 0)} height={y.bandwidth()} className="bar-primary" />
              <text x={x(c?.share ?? 0) + 4} y={top + y.bandwidth() / 2} dy="0.35em" className="chart-value">
                {percent(c?.share ?? null)} of {c?.n}
              </text>
            </g>
          )
        })}
      </Group>
    </svg>
  )
}

const UNITS: { value: By; label: string }[] = [
  { value: 'department', label: 'Department' },
  { value: 'location', label: 'Location' },
  { value: 'jobLevel', label: 'Job level' },
]

/** The share of high performers by org unit and over cycles, by rating or by calibrated box. */
export function TalentDensity(): React.JSX.Element {
  const [chosen, setBy] = useState<By>('department')
  const [kind, setKind] = useState<'rating' | 'boxes'>('rating')
  const [density, setDensity] = useState<Density | null>(null)
  const [error, setError] = useState<string | null>(null)
  const allowed = useDevelopmentFields()
  const units = UNITS.filter((u) => allowed?.includes(u.value))
  // A field untagged for development is not offered; the view falls back to one that is.
  const by = units.some((u) => u.value === chosen) ? chosen : units[0]?.value
  useEffect(() => {
    if (by === undefined) return
    let live = true
    api
      .call('insights.density', {
        by,
        definition: kind === 'rating' ? { kind: 'rating', min: 4 } : { kind: 'boxes', boxes: [6, 8, 9] },
      })
      .then(
        (d) => live && setDensity(d),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      )
    return () => {
      live = false
    }
  }, [by, kind])
  return (
    <section className="insight-card" aria-label="Talent density">
      <h3>Talent density</h3>
      <div className="insight-form">
        <label>
          By
          <select aria-label="Group by" value={by ?? ''} onChange={(e) => setBy(e.target.value as By)}>
            {units.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          High performer means
          <select
            aria-label="High performer means"
            value={kind}
            onChange={(e) => setKind(e.target.value as 'rating' | 'boxes')}
          >
            <option value="rating">Rated 4 or more (of 5)</option>
            <option value="boxes">Box 6, 8 or 9 after calibration</option>
          </select>
        </label>
      </div>
      {allowed && units.length === 0 && (
        <p className="muted">
          No department, location or job level is tagged for development (Workspace ▸ Field purposes).
        </p>
      )}
      {error && <p className="error-text">{error}</p>}
      {density && (
        <>
          <p className="muted">{density.definition}</p>
          <ExportButton
            view="density"
            input={{
              by,
              definition:
                kind === 'rating' ? { kind: 'rating', min: 4 } : { kind: 'boxes', boxes: [6, 8, 9] },
            }}
            onError={setError}
          />
          <DensityChart density={density} />
          <table className="audit-table" aria-label="Talent density by cycle">
            <thead>
              <tr>
                <th>{density.unitLabel}</th>
                {density.cycles.map((c) => (
                  <th key={c.cycle} title={c.source ?? undefined}>
                    {c.cycle}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {density.units.map((u) => (
                <tr key={u.unit}>
                  <td>{u.unit}</td>
                  {u.cells.map((c, i) => (
                    <td key={density.cycles[i]?.cycle ?? i}>
                      {c.n === 0 ? '—' : `${percent(c.share)} (${c.high} of ${c.n})`}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="total">
                <td>All</td>
                {density.cycles.map((c) => (
                  <td key={c.cycle}>
                    {c.total.n === 0
                      ? kind === 'boxes'
                        ? 'no finalized session'
                        : '—'
                      : `${percent(c.total.share)} (${c.total.high} of ${c.total.n})`}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
