import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { PURPOSES, type Purpose } from '../../../../shared/fieldPurposes'
import { message as said } from '../../../../shared/i18n/translate'
import { api } from '../../api/client'
import { useT } from '../../i18n'
import { errorSaid, say, type Said } from './errorText'

type Fields = MethodOutput<'privacy.fieldPurposes'>

/**
 * Which purposes each field about a person may be used for. A change takes effect in every view and export at once
 * and is logged with its reason; sensitive attributes can only ever serve the fairness audit.
 */
export function FieldPurposesPanel(): React.JSX.Element {
  const t = useT()
  const heading = (p: Purpose): string => t.t(`privacy.purpose.${p}`)
  const [fields, setFields] = useState<Fields>([])
  const [draft, setDraft] = useState<Record<string, Purpose[]>>({})
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<Said | null>(null)
  useEffect(() => {
    api.call('privacy.fieldPurposes').then(setFields, () => setFields([]))
  }, [])
  const purposesOf = (field: Fields[number]): Purpose[] => draft[field.field] ?? field.purposes
  const toggle = (field: Fields[number], purpose: Purpose): void => {
    const current = purposesOf(field)
    const next = current.includes(purpose) ? current.filter((p) => p !== purpose) : [...current, purpose]
    setDraft((d) => ({ ...d, [field.field]: PURPOSES.filter((p) => next.includes(p)) }))
    setMessage(null)
  }
  const changed = fields.filter((f) => {
    const chosen = draft[f.field]
    return chosen !== undefined && chosen.join() !== f.purposes.join()
  })
  const save = async (): Promise<void> => {
    try {
      let latest = fields
      for (const f of changed) {
        latest = await api.call('privacy.setFieldPurposes', {
          field: f.field,
          purposes: draft[f.field] ?? f.purposes,
          reason: reason.trim(),
        })
      }
      setFields(latest)
      setDraft({})
      setReason('')
      setMessage(said('privacy.purposes.saved', { count: changed.length }))
    } catch (e) {
      setMessage(errorSaid(e))
    }
  }
  return (
    <section className="card" aria-label={t.t('privacy.purposes.title')}>
      <h2>{t.t('privacy.purposes.title')}</h2>
      <p className="muted">{t.t('privacy.purposes.intro')}</p>
      <table className="audit-table" aria-label={t.t('privacy.purposes.table')}>
        <thead>
          <tr>
            <th>{t.t('privacy.purposes.field')}</th>
            {PURPOSES.map((p) => (
              <th key={p}>{heading(p)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.field}>
              <td>
                {t.t(`privacy.field.${f.field}`)}
                {f.sensitive && <span className="badge">{t.t('privacy.purposes.sensitive')}</span>}
              </td>
              {PURPOSES.map((p) => {
                const allowed = f.allowed.includes(p)
                const names = { field: t.t(`privacy.field.${f.field}`), purpose: heading(p) }
                return (
                  <td key={p} className="center">
                    <input
                      type="checkbox"
                      aria-label={t.t('privacy.purposes.checkbox', names)}
                      checked={allowed && purposesOf(f).includes(p)}
                      disabled={!allowed}
                      title={allowed ? undefined : t.t('privacy.purposes.never', names)}
                      onChange={() => toggle(f, p)}
                    />
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {changed.length > 0 && (
        <div className="insight-form">
          <label>
            {t.t('privacy.purposes.reason')}
            <input
              aria-label={t.t('privacy.purposes.reasonLabel')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="button" disabled={reason.trim().length < 3} onClick={() => void save()}>
            {t.t('privacy.purposes.save', { count: changed.length })}
          </button>
          <button type="button" className="secondary" onClick={() => setDraft({})}>
            {t.t('privacy.purposes.discard')}
          </button>
        </div>
      )}
      {message !== null && <p role="status">{say(t, message)}</p>}
    </section>
  )
}
