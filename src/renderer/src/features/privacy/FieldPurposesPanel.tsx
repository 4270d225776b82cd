import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { PURPOSES, type Purpose } from '../../../../shared/fieldPurposes'
import { api } from '../../api/client'

type Fields = MethodOutput<'privacy.fieldPurposes'>

const PURPOSE_HEADINGS: Record<Purpose, string> = {
  calibration: 'Calibration',
  development: 'Development and insights',
  fairnessAudit: 'Fairness audit',
}

/**
 * Which purposes each field about a person may be used for. A change takes effect in every view and export at once
 * and is logged with its reason; sensitive attributes can only ever serve the fairness audit.
 */
export function FieldPurposesPanel(): React.JSX.Element {
  const [fields, setFields] = useState<Fields>([])
  const [draft, setDraft] = useState<Record<string, Purpose[]>>({})
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<string | null>(null)
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
      setMessage(
        `Saved ${changed.length} field(s); every view and export now follows them. The change is logged.`,
      )
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <section className="card" aria-label="Field purposes">
      <h2>Field purposes</h2>
      <p className="muted">
        What each field about a person may be used for. A view or export of another purpose leaves the field
        out; sensitive attributes serve only the fairness audit.
      </p>
      <table className="audit-table" aria-label="Purposes per field">
        <thead>
          <tr>
            <th>Field</th>
            {PURPOSES.map((p) => (
              <th key={p}>{PURPOSE_HEADINGS[p]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.field}>
              <td>
                {f.label}
                {f.sensitive && <span className="badge">sensitive</span>}
              </td>
              {PURPOSES.map((p) => {
                const allowed = f.allowed.includes(p)
                return (
                  <td key={p} className="center">
                    <input
                      type="checkbox"
                      aria-label={`${f.label} for ${PURPOSE_HEADINGS[p]}`}
                      checked={allowed && purposesOf(f).includes(p)}
                      disabled={!allowed}
                      title={allowed ? undefined : `${f.label} can never be used for ${PURPOSE_HEADINGS[p]}`}
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
            Reason (kept in the audit log)
            <input
              aria-label="Purpose change reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="button" disabled={reason.trim().length < 3} onClick={() => void save()}>
            Save {changed.length} change(s)
          </button>
          <button type="button" className="secondary" onClick={() => setDraft({})}>
            Discard
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  )
}
