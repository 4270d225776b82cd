import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { EXTERNAL_LINKS } from '../../../../shared/externalLinks'
import { FormDialog } from '../../components/FormDialog'
import { downloadBytes } from '../../download'

type Erased = MethodOutput<'privacy.erase'>

/**
 * Erasure on request (GDPR art. 17). It cannot be undone, so the person is named back before anything happens,
 * a reason is required (it goes to the audit log, which keeps only a pseudonym), and the result says what went.
 */
export function ErasePersonDialog({
  onClose,
  onErased,
}: {
  onClose: () => void
  onErased: (result: Erased) => void
}): React.JSX.Element {
  const [employeeId, setEmployeeId] = useState('')
  // The lookup answer is kept with the id it answers, so a stale one is never shown for a newer id.
  const [lookup, setLookup] = useState<{
    id: string
    person: { name: string; department: string | null } | null
  } | null>(null)
  const [reason, setReason] = useState('')
  const [sure, setSure] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<Erased | null>(null)

  const id = employeeId.trim()
  useEffect(() => {
    if (!id) return
    let live = true
    api.call('people.list', { filter: { text: id }, limit: 20 }).then(
      (page) => {
        const person = page.rows.find((p) => p.employeeId.toLowerCase() === id.toLowerCase())
        if (live)
          setLookup({
            id,
            person: person
              ? { name: person.fullName ?? person.employeeId, department: person.department }
              : null,
          })
      },
      () => live && setLookup({ id, person: null }),
    )
    return () => {
      live = false
    }
  }, [id])
  const found = id && lookup?.id === id ? lookup.person : null

  const valid = found !== null && reason.trim().length >= 3 && sure && !busy
  const erase = (): void => {
    setBusy(true)
    setError(null)
    api
      .call('privacy.erase', { employeeId: employeeId.trim(), reason: reason.trim() })
      .then(
        (erased) => {
          setResult(erased)
          onErased(erased)
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => setBusy(false))
  }

  return (
    <FormDialog title="Erase a person" valid={valid} onSubmit={erase} onCancel={onClose}>
      {result ? (
        <>
          <p role="status">
            Erased. {Object.values(result.removed).reduce((a, b) => a + b, 0)} record(s) removed;{' '}
            {result.pseudonymised} mention(s) elsewhere now read <strong>{result.pseudonym}</strong>. The
            workspace file was compacted so nothing of them remains in it.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">
            Removes everything held about one person: their records, their place in calibration sessions
            (finalized ones included), outbox actions and pool memberships. Reviews they gave and audit
            entries that name them stay, under a pseudonym. This cannot be undone. See{' '}
            <a href={EXTERNAL_LINKS.gdprErasure} target="_blank" rel="noopener noreferrer">
              GDPR art. 17
            </a>
            .
          </p>
          <label>
            Employee ID
            <input autoFocus value={employeeId} onChange={(e) => setEmployeeId(e.target.value)} />
          </label>
          <p aria-live="polite" className={found ? '' : 'muted'}>
            {found
              ? `${found.name}${found.department ? `, ${found.department}` : ''}`
              : id && lookup?.id === id
                ? 'No one with this employee ID.'
                : ''}
          </p>
          {found && (
            <p>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void api
                    .call('privacy.subjectAccess', { employeeId: id })
                    .then(downloadBytes, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
                }
              >
                Export everything held about them (art. 15)
              </button>
            </p>
          )}
          <label>
            Reason (the request and its date; kept in the audit log)
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> I understand
            this cannot be undone
          </label>
          {error && <p className="error-text">{error}</p>}
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="danger" disabled={!valid}>
              {busy ? 'Erasing…' : 'Erase'}
            </button>
          </div>
        </>
      )}
    </FormDialog>
  )
}
