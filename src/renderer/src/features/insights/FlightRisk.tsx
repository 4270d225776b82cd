import { useEffect, useState } from 'react'
import type { FlightRiskSignals } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'
import { ExportButton } from './ExportButton'
import { errorText } from './text'

/** Voluntary learning that stopped after a steady pattern: a list of prompts for a conversation, with the records. */
export function FlightRisk(): React.JSX.Element {
  const [quietMonths, setQuietMonths] = useState(3)
  const [signals, setSignals] = useState<FlightRiskSignals | null>(null)
  const [error, setError] = useState<unknown>(null)
  const t = useT()
  useEffect(() => {
    let live = true
    api.call('insights.flightRisk', { quietMonths }).then(
      (s) => live && (setSignals(s), setError(null)),
      (e: unknown) => live && setError(e),
    )
    return () => {
      live = false
    }
  }, [quietMonths])
  return (
    <section className="insight-card" aria-label={t.t('insights.flightRisk.region')}>
      <h2>{t.t('insights.flightRisk.heading')}</h2>
      <div className="insight-form">
        <label>
          {t.t('insights.flightRisk.quietFor')}
          <input
            type="number"
            aria-label={t.t('insights.flightRisk.quietMonths')}
            min={1}
            max={24}
            value={quietMonths}
            onChange={(e) => setQuietMonths(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
      </div>
      {error !== null && <p className="error-text">{errorText(t, error)}</p>}
      {signals && (
        <>
          <p className="caveat-box" role="note">
            {t.m(signals.noteText)}
          </p>
          <p className="muted">{t.m(signals.ruleText)}</p>
          <table className="audit-table" aria-label={t.t('insights.flightRisk.table')}>
            <thead>
              <tr>
                <th>{t.t('insights.flightRisk.person')}</th>
                <th>{t.t('insights.flightRisk.department')}</th>
                <th>{t.t('insights.flightRisk.manager')}</th>
                <th>{t.t('insights.flightRisk.steady')}</th>
                <th>{t.t('insights.flightRisk.last')}</th>
                <th>{t.t('insights.flightRisk.records')}</th>
              </tr>
            </thead>
            <tbody>
              {signals.people.length === 0 ? (
                <tr>
                  <td colSpan={6} className="muted">
                    {t.t('insights.flightRisk.nobody')}
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
                      {t.t('insights.flightRisk.pattern', {
                        completions: p.completions,
                        count: p.activeMonths,
                      })}
                    </td>
                    <td>
                      {t.t('insights.flightRisk.lastAgo', { date: p.lastCompletion, count: p.daysSince })}
                    </td>
                    <td>
                      <details>
                        <summary>
                          {t.t('insights.flightRisk.completions', { count: p.evidence.length })}
                        </summary>
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
            <p className="muted">{t.t('insights.flightRisk.first200', { total: signals.people.length })}</p>
          )}
          <ExportButton view="flightRisk" input={{ quietMonths }} onError={setError} />
        </>
      )}
    </section>
  )
}
