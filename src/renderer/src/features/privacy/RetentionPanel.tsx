import { useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'

type Kind = MethodOutput<'privacy.retentionPreview'>['kind']
const KINDS: [Kind, string][] = [
  ['learning', 'Learning records'],
  ['reviews', 'Reviews'],
  ['competencies', 'Competency ratings'],
  ['surveys', 'Survey responses'],
  ['xapi', 'xAPI statements'],
]

/** A retention period per kind of record: preview what it removes, then purge with a reason (logged). */
export function RetentionPanel(): React.JSX.Element {
  const [kind, setKind] = useState<Kind>('learning')
  const [years, setYears] = useState(5)
  const [reason, setReason] = useState('')
  const [preview, setPreview] = useState<MethodOutput<'privacy.retentionPreview'> | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const fail = (e: unknown): void => setMessage(e instanceof Error ? e.message : String(e))
  const check = (): void => {
    setMessage(null)
    api.call('privacy.retentionPreview', { kind, olderThanYears: years }).then(setPreview, fail)
  }
  const purge = (): void => {
    api.call('privacy.retentionPurge', { kind, olderThanYears: years, reason: reason.trim() }).then((r) => {
      setPreview(null)
      setReason('')
      setMessage(
        `Removed ${r.removed} record(s) dated before ${r.before}; the period is saved and the purge is logged.`,
      )
    }, fail)
  }
  return (
    <section className="card" aria-label="Data retention">
      <h2>Data retention</h2>
      <p className="muted">
        Keep each kind of record only as long as your policy says. Preview first; a purge cannot be undone.
      </p>
      <div className="insight-form">
        <label>
          Records
          <select
            aria-label="Record kind"
            value={kind}
            onChange={(e) => (setKind(e.target.value as Kind), setPreview(null))}
          >
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Older than (years)
          <input
            aria-label="Older than years"
            type="number"
            min={1}
            max={100}
            value={years}
            onChange={(e) => (setYears(Math.max(1, Number(e.target.value) || 1)), setPreview(null))}
          />
        </label>
        <button type="button" className="secondary" onClick={check}>
          Preview
        </button>
      </div>
      {preview && (
        <>
          <p role="status">{preview.summary}</p>
          {preview.records > 0 && (
            <div className="insight-form">
              <label>
                Reason (kept in the audit log)
                <input
                  aria-label="Retention reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </label>
              <button type="button" className="danger" disabled={reason.trim().length < 3} onClick={purge}>
                Purge {preview.records} record(s)
              </button>
            </div>
          )}
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  )
}
