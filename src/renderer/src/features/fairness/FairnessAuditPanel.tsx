import { useEffect, useState } from 'react'
import type { FairnessAudit, ImpactRow, SensitiveAttribute } from '../../../../shared/contract'
import { api } from '../../api/client'
import { EXTERNAL_LINKS } from '../../../../shared/externalLinks'
import { downloadBytes } from '../../download'
import { useT, type Translator } from '../../i18n'
import { errorText } from '../../components/errorText'
import { auditText } from './auditText'
import { ImpactChart } from './ImpactChart'

/** A count, or "<4" for a group too small to show (the same sign in every language). */
const shownBy =
  (t: Translator) =>
  (row: { suppressed: boolean }, value: number | null): string =>
    row.suppressed ? '<4' : value === null ? '—' : t.number(value)

function ImpactTable({
  rows,
  reference,
}: {
  rows: ImpactRow[]
  reference: string | null
}): React.JSX.Element {
  const t = useT()
  const { group, fixed } = auditText(t)
  const shown = shownBy(t)
  return (
    <table className="audit-table">
      <thead>
        <tr>
          <th>{t.t('fairness.col.group')}</th>
          <th>{t.t('fairness.col.people')}</th>
          <th>{t.t('fairness.col.selected')}</th>
          <th>{t.t('fairness.col.rate')}</th>
          <th>
            {t.t('fairness.col.ratioTo', {
              reference: reference === null ? t.t('fairness.col.best') : group(reference),
            })}
          </th>
          <th>{t.t('fairness.col.fisher')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.group} className={r.belowFourFifths ? 'below-four-fifths' : ''}>
            <td>
              {group(r.group)}
              {!r.suppressed && r.small && <span className="muted">{t.t('fairness.panel.small')}</span>}
            </td>
            <td>{shown(r, r.n)}</td>
            <td>{shown(r, r.selected)}</td>
            <td>{r.suppressed ? '<4' : r.rate === null ? '—' : t.percent(r.rate, 1)}</td>
            <td>{r.suppressed || r.ratio === null ? '—' : fixed(r.ratio, 2)}</td>
            <td>{r.pValue === null ? '—' : r.pValue < 0.001 ? `<${fixed(0.001, 3)}` : fixed(r.pValue, 3)}</td>
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
  const t = useT()
  const { say, group } = auditText(t)
  const shown = shownBy(t)
  const [audit, setAudit] = useState<FairnessAudit | null>(null)
  const [error, setError] = useState<unknown>(null)
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
      (e: unknown) => live && setError(e ?? 'error'),
    )
    return () => {
      live = false
    }
  }, [sessionId])

  const exportAudit = (): void => {
    api
      .call('fairness.export', { sessionId, locale: t.locale })
      .then(downloadBytes, (e: unknown) => setError(e ?? 'error'))
  }

  if (error !== null) return <section className="fairness-audit error-banner">{errorText(t, error)}</section>
  if (!audit) return <section className="fairness-audit muted">{t.t('fairness.panel.running')}</section>
  const attributeName = (a: SensitiveAttribute): string => t.t(`fairness.attribute.${a}`)
  const screens = audit.impact.filter((s) => s.attribute === attribute)
  const distribution = audit.distribution.filter((d) => d.attribute === attribute)
  const metrics = audit.metrics.filter((m) => m.attribute === attribute)
  const count = (value: number | undefined): string => (value === undefined ? '' : t.number(value))
  return (
    <section className="fairness-audit" aria-label={t.t('fairness.panel.title')}>
      <div className="session-toolbar">
        <button type="button" className="link" onClick={onClose}>
          {t.t('fairness.panel.back')}
        </button>
        <h3>{t.t('fairness.panel.title')}</h3>
        <span className="muted">
          {t.t('fairness.panel.notePrefix')}{' '}
          <a href={EXTERNAL_LINKS.fourFifthsRule} target="_blank" rel="noopener noreferrer">
            {t.t('fairness.panel.fourFifthsRule')}
          </a>{' '}
          {t.t('fairness.panel.topBoxes', { boxes: audit.topBoxes.join(', ') })}
        </span>
        <div className="spacer" />
        <button type="button" className="secondary" onClick={exportAudit}>
          {t.t('fairness.panel.export')}
        </button>
      </div>
      {audit.notUsed.length > 0 && (
        <p className="muted" data-testid="attributes-not-used">
          {t.t('fairness.panel.notUsed', {
            attributes: audit.notUsed.map((a) => attributeName(a.attribute)).join(', '),
          })}
        </p>
      )}
      {audit.attributes.length === 0 ? (
        <p className="muted">{t.t('fairness.panel.noAttributes')}</p>
      ) : (
        <>
          <section aria-label={t.t('fairness.panel.findings')}>
            <h4>{t.t('fairness.panel.findings')}</h4>
            {audit.findings.length === 0 ? (
              <p>{t.t('fairness.panel.noFinding')}</p>
            ) : (
              <ul className="audit-warnings">
                {audit.findings.map((w, i) => (
                  <li key={audit.warnings[i] ?? i}>{say(w)}</li>
                ))}
              </ul>
            )}
          </section>
          <div className="tabs" role="tablist" aria-label={t.t('fairness.panel.attributeTabs')}>
            {audit.attributes.map((a) => (
              <button
                key={a.attribute}
                type="button"
                role="tab"
                aria-selected={a.attribute === attribute}
                onClick={() => setAttribute(a.attribute)}
              >
                {attributeName(a.attribute)} <span className="muted">({t.number(a.recorded)})</span>
              </button>
            ))}
          </div>
          <div className="audit-heading">
            <h4>{t.t('fairness.panel.adverseImpact')}</h4>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={view === 'table'}
                onChange={(e) => setView(e.target.checked ? 'table' : 'chart')}
              />{' '}
              {t.t('fairness.panel.showAsTables')}
            </label>
          </div>
          <div className="impact-screens">
            {screens.map((s) => (
              <figure key={s.outcome} className="impact-screen" data-outcome={s.outcome}>
                <figcaption>{t.t(`fairness.outcome.${s.outcome}`)}</figcaption>
                {view === 'chart' ? (
                  <ImpactChart screen={s} />
                ) : (
                  <ImpactTable rows={s.rows} reference={s.reference} />
                )}
                <p className="muted small">{say(s.findingText)}</p>
              </figure>
            ))}
          </div>
          <h4>{t.t('fairness.panel.distributionHeading')}</h4>
          <table className="audit-table" aria-label={t.t('fairness.panel.distributionTable')}>
            <thead>
              <tr>
                <th>{t.t('fairness.col.group')}</th>
                <th>{t.t('fairness.col.people')}</th>
                {Array.from({ length: 9 }, (_, i) => (
                  <th key={i} title={t.t('fairness.col.boxTitle')}>
                    {t.t('fairness.col.box', { box: i + 1 })}
                  </th>
                ))}
                <th>{t.t('fairness.col.held')}</th>
                <th>{t.t('fairness.col.meanRating')}</th>
                <th>{t.t('fairness.col.meanAgility')}</th>
                <th>{t.t('fairness.col.hiddenGems')}</th>
              </tr>
            </thead>
            <tbody>
              {distribution.map((d) => (
                <tr key={d.group}>
                  <td>{group(d.group)}</td>
                  <td>{shown(d, d.n)}</td>
                  {Array.from({ length: 9 }, (_, i) => (
                    <td key={i}>
                      {d.suppressed
                        ? '<4'
                        : d.before?.[i] === d.after?.[i]
                          ? count(d.after?.[i])
                          : `${count(d.before?.[i])} → ${count(d.after?.[i])}`}
                    </td>
                  ))}
                  <td>{shown(d, d.held)}</td>
                  <td>{d.meanRating === null ? '—' : t.number(d.meanRating, 2)}</td>
                  <td>{d.meanAgility === null ? '—' : t.number(d.meanAgility, 2)}</td>
                  <td>{shown(d, d.hiddenGems)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t.t('fairness.panel.metricsHeading')}</h4>
          <table className="audit-table" aria-label={t.t('fairness.panel.metricTable')}>
            <thead>
              <tr>
                <th>{t.t('fairness.col.metric')}</th>
                <th>{t.t('fairness.col.groupMeans')}</th>
                <th>η²</th>
                <th>{t.t('fairness.col.strength')}</th>
                <th>{t.t('fairness.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) => (
                <tr key={m.metric} className={m.warningText ? 'metric-warning' : ''}>
                  <td>{t.t(`fairness.metric.${m.metric}`)}</td>
                  <td>
                    {m.groups.map((g) => `${group(g.group)} ${t.number(g.mean, 3)}`).join(' · ') || '—'}
                  </td>
                  <td>{m.eta2 === null ? '—' : t.number(m.eta2, 4)}</td>
                  <td>{t.t(`fairness.strength.${m.strength}`)}</td>
                  <td>{m.warningText ? say(m.warningText) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>{t.t('fairness.panel.howComputed')}</summary>
            <ul>
              {audit.methodText.map((m, i) => (
                <li key={i}>{say(m)}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  )
}
