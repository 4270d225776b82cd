import { useEffect, useState } from 'react'
import type { FairnessAudit, ImpactRow, SensitiveAttribute } from '../../../../shared/contract'
import { api } from '../../api/client'
import { EXTERNAL_LINKS } from '../../../../shared/externalLinks'
import { downloadBytes } from '../../download'
import { ImpactChart } from './ImpactChart'

const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)
const shown = (row: { suppressed: boolean }, value: number | null): string =>
  row.suppressed ? '<4' : value === null ? '—' : String(value)

function ImpactTable({
  rows,
  reference,
}: {
  rows: ImpactRow[]
  reference: string | null
}): React.JSX.Element {
  return (
    <table className="audit-table">
      <thead>
        <tr>
          <th>Group</th>
          <th>People</th>
          <th>Selected</th>
          <th>Rate</th>
          <th>Ratio to {reference ?? 'best'}</th>
          <th>p (Fisher)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.group} className={r.belowFourFifths ? 'below-four-fifths' : ''}>
            <td>
              {r.group}
              {!r.suppressed && r.small && <span className="muted"> (small)</span>}
            </td>
            <td>{shown(r, r.n)}</td>
            <td>{shown(r, r.selected)}</td>
            <td>{r.suppressed ? '<4' : percent(r.rate)}</td>
            <td>{r.suppressed || r.ratio === null ? '—' : r.ratio.toFixed(2)}</td>
            <td>{r.pValue === null ? '—' : r.pValue < 0.001 ? '<0.001' : r.pValue.toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * The session's fairness audit. Sensitive attributes appear here and nowhere else in the app: the grid never has
 * them, and presenter mode does not show this panel at all.
 */
export function FairnessAuditPanel({
  sessionId,
  onClose,
}: {
  sessionId: string
  onClose: () => void
}): React.JSX.Element {
  const [audit, setAudit] = useState<FairnessAudit | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attribute, setAttribute] = useState<SensitiveAttribute | null>(null)
  const [view, setView] = useState<'chart' | 'table'>('chart')
  useEffect(() => {
    let live = true
    api.call('fairness.audit', { sessionId }).then(
      (result) => {
        if (!live) return
        setAudit(result)
        setAttribute((current) => current ?? result.attributes[0]?.attribute ?? null)
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [sessionId])

  const exportAudit = (): void => {
    api
      .call('fairness.export', { sessionId })
      .then(downloadBytes, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }

  if (error) return <section className="fairness-audit error-banner">{error}</section>
  if (!audit) return <section className="fairness-audit muted">Running the audit…</section>
  const screens = audit.impact.filter((s) => s.attribute === attribute)
  const distribution = audit.distribution.filter((d) => d.attribute === attribute)
  const metrics = audit.metrics.filter((m) => m.attribute === attribute)
  return (
    <section className="fairness-audit" aria-label="Fairness audit">
      <div className="session-toolbar">
        <button type="button" className="link" onClick={onClose}>
          ← Back to the grid
        </button>
        <h3>Fairness audit</h3>
        <span className="muted">
          Sensitive attributes are shown here only · groups under 4 people show as “&lt;4” ·{' '}
          <a href={EXTERNAL_LINKS.fourFifthsRule} target="_blank" rel="noopener noreferrer">
            the four-fifths rule
          </a>{' '}
          · top boxes {audit.topBoxes.join(', ')}
        </span>
        <div className="spacer" />
        <button type="button" className="secondary" onClick={exportAudit}>
          Export for the works council
        </button>
      </div>
      {audit.notUsed.length > 0 && (
        <p className="muted" data-testid="attributes-not-used">
          Not audited, as not tagged for the fairness audit (Workspace ▸ Field purposes):{' '}
          {audit.notUsed.map((a) => a.label).join(', ')}.
        </p>
      )}
      {audit.attributes.length === 0 ? (
        <p className="muted">
          No sensitive attribute is recorded for anyone in this session: import gender, age band, work pattern
          or ethnicity with the people file to audit by them.
        </p>
      ) : (
        <>
          <section aria-label="Findings">
            <h4>Findings</h4>
            {audit.warnings.length === 0 ? (
              <p>No finding needs a look.</p>
            ) : (
              <ul className="audit-warnings">
                {audit.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </section>
          <div className="tabs" role="tablist" aria-label="Attribute">
            {audit.attributes.map((a) => (
              <button
                key={a.attribute}
                type="button"
                role="tab"
                aria-selected={a.attribute === attribute}
                onClick={() => setAttribute(a.attribute)}
              >
                {a.label} <span className="muted">({a.recorded})</span>
              </button>
            ))}
          </div>
          <div className="audit-heading">
            <h4>Adverse impact</h4>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={view === 'table'}
                onChange={(e) => setView(e.target.checked ? 'table' : 'chart')}
              />{' '}
              Show as tables
            </label>
          </div>
          <div className="impact-screens">
            {screens.map((s) => (
              <figure key={s.outcome} className="impact-screen" data-outcome={s.outcome}>
                <figcaption>{s.label}</figcaption>
                {view === 'chart' ? (
                  <ImpactChart screen={s} />
                ) : (
                  <ImpactTable rows={s.rows} reference={s.reference} />
                )}
                <p className="muted small">{s.finding}</p>
              </figure>
            ))}
          </div>
          <h4>Boxes, flags and scores by group</h4>
          <table className="audit-table" aria-label="Distribution by group">
            <thead>
              <tr>
                <th>Group</th>
                <th>People</th>
                {Array.from({ length: 9 }, (_, i) => (
                  <th key={i} title="before → after calibration">
                    Box {i + 1}
                  </th>
                ))}
                <th>Held</th>
                <th>Mean rating</th>
                <th>Mean agility</th>
                <th>Hidden gems</th>
              </tr>
            </thead>
            <tbody>
              {distribution.map((d) => (
                <tr key={d.group}>
                  <td>{d.group}</td>
                  <td>{shown(d, d.n)}</td>
                  {Array.from({ length: 9 }, (_, i) => (
                    <td key={i}>
                      {d.suppressed
                        ? '<4'
                        : d.before?.[i] === d.after?.[i]
                          ? d.after?.[i]
                          : `${d.before?.[i]} → ${d.after?.[i]}`}
                    </td>
                  ))}
                  <td>{shown(d, d.held)}</td>
                  <td>{d.meanRating ?? '—'}</td>
                  <td>{d.meanAgility ?? '—'}</td>
                  <td>{shown(d, d.hiddenGems)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>Calibration metrics by group</h4>
          <table className="audit-table" aria-label="Metric audit">
            <thead>
              <tr>
                <th>Metric</th>
                <th>Group means</th>
                <th>η²</th>
                <th>Strength</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) => (
                <tr key={m.metric} className={m.warning ? 'metric-warning' : ''}>
                  <td>{m.label}</td>
                  <td>{m.groups.map((g) => `${g.group} ${g.mean}`).join(' · ') || '—'}</td>
                  <td>{m.eta2 ?? '—'}</td>
                  <td>{m.strength}</td>
                  <td>{m.warning ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>How these numbers are computed</summary>
            <ul>
              {audit.method.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  )
}
