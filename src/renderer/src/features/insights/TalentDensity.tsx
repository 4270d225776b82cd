import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { useEffect, useMemo, useState } from 'react'
import type { TalentDensity as Density } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT, type Translator } from '../../i18n'
import { ExportButton } from './ExportButton'
import { errorText, percentOrDash, segmentName } from './text'
import { useDevelopmentFields } from './useDevelopmentFields'

type By = 'department' | 'location' | 'jobLevel'

// Counts as written (not grouped), as the table has always shown them.
const cellText = (t: Translator, c: { n: number; high: number; share: number | null }): string =>
  t.t('insights.density.cell', { share: percentOrDash(t, c.share), high: String(c.high), n: String(c.n) })

function DensityChart({ density }: { density: Density }): React.JSX.Element | null {
  const t = useT()
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
      aria-label={t.t('insights.density.chart', {
        unit: t.t(`insights.dimensionLower.${density.by}`),
        cycle: density.cycles[last]?.cycle ?? '',
      })}
    >
      <Group left={160} top={4}>
        {rows.map((u) => {
          const c = u.cells[last]
          const top = y(u.unit) ?? 0
          return (
            <g key={u.unit}>
              <text x={-8} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="chart-label">
                {segmentName(t, u.unit, density.by)}
              </text>
              <rect x={0} y={top} width={x(c?.share ?? 0)} height={y.bandwidth()} className="bar-primary" />
              <text x={x(c?.share ?? 0) + 4} y={top + y.bandwidth() / 2} dy="0.35em" className="chart-value">
                {t.t('insights.density.bar', {
                  share: percentOrDash(t, c?.share ?? null),
                  n: String(c?.n ?? ''),
                })}
              </text>
            </g>
          )
        })}
      </Group>
    </svg>
  )
}

const UNITS: { value: By }[] = [{ value: 'department' }, { value: 'location' }, { value: 'jobLevel' }]
const BOXES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const

/** The definition as the services take it; null while the form cannot say one (no box ticked, a rating out of 1–5). */
function definitionOf(
  kind: 'rating' | 'boxes',
  min: number,
  boxes: readonly number[],
): { kind: 'rating'; min: number } | { kind: 'boxes'; boxes: number[] } | null {
  if (kind === 'rating') return Number.isFinite(min) && min >= 1 && min <= 5 ? { kind, min } : null
  return boxes.length > 0 ? { kind, boxes: [...boxes].sort((a, b) => a - b) } : null
}

/** The share of high performers by org unit and over cycles, by rating or by calibrated box. */
export function TalentDensity(): React.JSX.Element {
  const [chosen, setBy] = useState<By>('department')
  const [kind, setKind] = useState<'rating' | 'boxes'>('rating')
  // What "high performer" means is the organisation's call: a rating threshold, or the boxes that count.
  const [min, setMin] = useState(4)
  const [boxes, setBoxes] = useState<number[]>([6, 8, 9])
  const definition = useMemo(() => definitionOf(kind, min, boxes), [kind, min, boxes])
  const [density, setDensity] = useState<Density | null>(null)
  const [error, setError] = useState<unknown>(null)
  const t = useT()
  const allowed = useDevelopmentFields()
  const units = UNITS.filter((u) => allowed?.includes(u.value))
  // A field untagged for development is not offered; the view falls back to one that is.
  const by = units.some((u) => u.value === chosen) ? chosen : units[0]?.value
  useEffect(() => {
    if (by === undefined || definition === null) return
    let live = true
    api.call('insights.density', { by, definition }).then(
      (d) => live && setDensity(d),
      (e: unknown) => live && setError(e),
    )
    return () => {
      live = false
    }
  }, [by, definition])
  return (
    <section className="insight-card" aria-label={t.t('insights.density.region')}>
      <h2>{t.t('insights.density.region')}</h2>
      <div className="insight-form">
        <label>
          {t.t('insights.density.by')}
          <select
            aria-label={t.t('insights.density.groupBy')}
            value={by ?? ''}
            onChange={(e) => setBy(e.target.value as By)}
          >
            {units.map((u) => (
              <option key={u.value} value={u.value}>
                {t.t(`insights.dimension.${u.value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.t('insights.density.highMeans')}
          <select
            aria-label={t.t('insights.density.highMeans')}
            value={kind}
            onChange={(e) => setKind(e.target.value as 'rating' | 'boxes')}
          >
            <option value="rating">{t.t('insights.density.rated')}</option>
            <option value="boxes">{t.t('insights.density.boxes')}</option>
          </select>
        </label>
        {kind === 'rating' ? (
          <label>
            {t.t('insights.density.minRating')}
            <input
              type="number"
              min={1}
              max={5}
              step={0.5}
              value={Number.isFinite(min) ? min : ''}
              onChange={(e) => setMin(e.target.value === '' ? Number.NaN : Number(e.target.value))}
            />
          </label>
        ) : (
          <fieldset className="box-choice">
            <legend>{t.t('insights.density.whichBoxes')}</legend>
            {BOXES.map((box) => (
              <label key={box}>
                <input
                  type="checkbox"
                  checked={boxes.includes(box)}
                  onChange={(e) =>
                    setBoxes((now) => (e.target.checked ? [...now, box] : now.filter((b) => b !== box)))
                  }
                />
                {box}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {definition === null && (
        <p className="error-text">
          {t.t(kind === 'rating' ? 'insights.density.ratingRange' : 'insights.density.noBoxes')}
        </p>
      )}
      {allowed && units.length === 0 && <p className="muted">{t.t('insights.density.noFields')}</p>}
      {error !== null && <p className="error-text">{errorText(t, error)}</p>}
      {density && definition && (
        <>
          <p className="muted">{t.m(density.definitionText)}</p>
          <DensityChart density={density} />
          <table className="audit-table" aria-label={t.t('insights.density.table')}>
            <thead>
              <tr>
                <th>{t.t(`insights.dimension.${density.by}`)}</th>
                {density.cycles.map((c) => (
                  <th key={c.cycle} title={c.sourceText ? t.m(c.sourceText) : undefined}>
                    {c.cycle}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {density.units.map((u) => (
                <tr key={u.unit}>
                  <td>{segmentName(t, u.unit, density.by)}</td>
                  {u.cells.map((c, i) => (
                    <td key={density.cycles[i]?.cycle ?? i}>{c.n === 0 ? '—' : cellText(t, c)}</td>
                  ))}
                </tr>
              ))}
              <tr className="total">
                <td>{t.t('insights.density.all')}</td>
                {density.cycles.map((c) => (
                  <td key={c.cycle}>
                    {c.total.n === 0
                      ? kind === 'boxes'
                        ? t.t('insights.density.noSession')
                        : '—'
                      : cellText(t, c.total)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <ExportButton view="density" input={{ by, definition }} onError={setError} />
        </>
      )}
    </section>
  )
}
