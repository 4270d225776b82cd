import { useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'
import { message as said } from '../../../../shared/i18n/translate'
import { errorSaid, say, type Said } from './errorText'

type Kind = MethodOutput<'privacy.retentionPreview'>['kind']
const KINDS: readonly Kind[] = ['learning', 'reviews', 'competencies', 'surveys', 'xapi']

/** A retention period per kind of record: preview what it removes, then purge with a reason (logged). */
export function RetentionPanel(): React.JSX.Element {
  const t = useT()
  const [kind, setKind] = useState<Kind>('learning')
  const [years, setYears] = useState(5)
  const [reason, setReason] = useState('')
  const [preview, setPreview] = useState<MethodOutput<'privacy.retentionPreview'> | null>(null)
  const [message, setMessage] = useState<Said | null>(null)
  const fail = (e: unknown): void => setMessage(errorSaid(e))
  const check = (): void => {
    setMessage(null)
    api.call('privacy.retentionPreview', { kind, olderThanYears: years }).then(setPreview, fail)
  }
  const purge = (): void => {
    api.call('privacy.retentionPurge', { kind, olderThanYears: years, reason: reason.trim() }).then((r) => {
      setPreview(null)
      setReason('')
      // The count as digits (no grouping), as the English has always shown it.
      setMessage(
        said('privacy.retention.removed', { count: r.removed, n: String(r.removed), before: r.before ?? '' }),
      )
    }, fail)
  }
  return (
    <section className="card" aria-label={t.t('privacy.retention.title')}>
      <h2>{t.t('privacy.retention.title')}</h2>
      <p className="muted">{t.t('privacy.retention.intro')}</p>
      <div className="insight-form">
        <label>
          {t.t('privacy.retention.records')}
          <select
            aria-label={t.t('privacy.retention.kindLabel')}
            value={kind}
            onChange={(e) => (setKind(e.target.value as Kind), setPreview(null))}
          >
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t.t(`privacy.retention.kind.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.t('privacy.retention.olderThan')}
          <input
            aria-label={t.t('privacy.retention.olderThanLabel')}
            type="number"
            min={1}
            max={100}
            value={years}
            onChange={(e) => (setYears(Math.max(1, Number(e.target.value) || 1)), setPreview(null))}
          />
        </label>
        <button type="button" className="secondary" onClick={check}>
          {t.t('privacy.retention.preview')}
        </button>
      </div>
      {preview && (
        <>
          <p role="status">{t.m(preview.summaryText)}</p>
          {preview.records > 0 && (
            <div className="insight-form">
              <label>
                {t.t('privacy.retention.reason')}
                <input
                  aria-label={t.t('privacy.retention.reasonLabel')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </label>
              <button type="button" className="danger" disabled={reason.trim().length < 3} onClick={purge}>
                {t.t('privacy.retention.purge', { count: preview.records, n: String(preview.records) })}
              </button>
            </div>
          )}
        </>
      )}
      {message !== null && <p role="status">{say(t, message)}</p>}
    </section>
  )
}
