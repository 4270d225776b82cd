import { useEffect, useState } from 'react'
import type { FlightRiskSignals } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ExportButton } from './ExportButton'

/** Voluntary learning that stopped after a steady pattern: a list of prompts for a conversation, with the records. */
export function FlightRisk(): React.JSX.Element {
  const [quietMonths, setQuietMonths] = useState(3)
  const [signals, setSignals] = useState<FlightRiskSignals | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    api.call('insights.flightRisk', { quietMonths }).then(
      (s) => live && (setSignals(s), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [quietMonths])
  return (
    <section className="insight-card" aria-label="Flight-risk signals">
      <h3>Learning that stopped: prompts for a conversation</h3>
      <div className="insight-form">
        <label>
          Quiet for (months)
          <input
            type="number"
            aria-label="Quiet months"
            min={1}
            max={24}
            value={quietMonths}
            onChange={(e) => setQuietMonths(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
      </div>
      {error && <p className="error-text">{error}</p>}
      {signals && (
        <>
          <p className="caveat-box" role="note">
            {signals.note}
          </p>
          <p className="muted">{signals.rule}</p>
          <ExportButton view="flightRisk" input={{ quietMonths }} onError={setError} />
          <table className="audit-table" aria-label="Signals">
            <thead>
              <tr>
                <th>Person</th>
                <th>Department</th>
                <th>Manager</th>
                <th>Steady pattern</th>
                <th>Last voluntary learning</th>
                <th>Records</th>
              </tr>
            </thead>
            <tbody>
              {signals.people.length === 0 ? (
                <tr>
                  <td colSpan={6} className="muted">
                    Nobody matches the rule.
                  </td>
                </tr>
              ) : (
                signals.people.slice(0, 200).map((p) => (
                  <tr key={p.employeeId}>
                    <td>
                      {p.name} <span className="muted">({p.employeeId})</span>
                    </td>
                    <td>{p.department ?? '—'}</td>
                    <td>{p.manager ?? '—'}</td>
                    <td>
                      {p.completions} in {p.activeMonths} months
                    </td>
                    <td>
                      {p.lastCompletion} ({p.daysSince} days ago)
                    </td>
                    <td>
                      <details>
                        <summary>{p.evidence.length} completions</summary>
                        <ul className="evidence">
                          {p.evidence.map((e) => (
                            <li key={`${e.title}-${e.completedAt}`}>
                              {e.completedAt} {e.title}
                            </li>
                          ))}
                        </ul>
                      </details>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          {signals.people.length > 200 && (
            <p className="muted">Showing the first 200 of {signals.people.length}.</p>
          )}
        </>
      )}
    </section>
  )
}
