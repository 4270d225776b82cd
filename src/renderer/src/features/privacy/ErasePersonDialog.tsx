import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { EXTERNAL_LINKS } from '../../../../shared/externalLinks'
import { FormDialog } from '../../components/FormDialog'
import { downloadBytes } from '../../download'
import { useT } from '../../i18n'
import { errorText } from '../../components/errorText'

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
  const t = useT()
  const [employeeId, setEmployeeId] = useState('')
  // The lookup answer is kept with the id it answers, so a stale one is never shown for a newer id.
  const [lookup, setLookup] = useState<{
    id: string
    person: { name: string; department: string | null } | null
  } | null>(null)
  const [reason, setReason] = useState('')
  const [sure, setSure] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
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
        (e: unknown) => setError(e ?? 'error'),
      )
      .finally(() => setBusy(false))
  }

  // The pseudonym stands out in the sentence, wherever the language puts it.
  const done = (erased: Erased): React.JSX.Element => {
    const [before, after] = t
      .t('privacy.erase.done', {
        records: Object.values(erased.removed).reduce((a, b) => a + b, 0),
        mentions: erased.pseudonymised,
        pseudonym: '\u0000',
      })
      .split('\u0000')
    return (
      <>
        {before}
        <strong>{erased.pseudonym}</strong>
        {after}
      </>
    )
  }

  return (
    <FormDialog title={t.t('privacy.erase.title')} valid={valid} onSubmit={erase} onCancel={onClose}>
      {result ? (
        <>
          <p role="status">{done(result)}</p>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t.t('privacy.erase.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">
            {t.t('privacy.erase.intro')}{' '}
            <a href={EXTERNAL_LINKS.gdprErasure} target="_blank" rel="noopener noreferrer">
              {t.t('privacy.erase.gdprLink')}
            </a>
            .
          </p>
          <label>
            {t.t('privacy.erase.employeeId')}
            <input autoFocus value={employeeId} onChange={(e) => setEmployeeId(e.target.value)} />
          </label>
          <p aria-live="polite" className={found ? '' : 'muted'}>
            {found
              ? `${found.name}${found.department ? `, ${found.department}` : ''}`
              : id && lookup?.id === id
                ? t.t('privacy.erase.noOne')
                : ''}
          </p>
          {found && (
            <p>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void api
                    .call('privacy.subjectAccess', { employeeId: id, locale: t.locale })
                    .then(downloadBytes, (e: unknown) => setError(e ?? 'error'))
                }
              >
                {t.t('privacy.erase.subjectAccess')}
              </button>
            </p>
          )}
          <label>
            {t.t('privacy.erase.reason')}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />{' '}
            {t.t('privacy.erase.sure')}
          </label>
          {error !== null && <p className="error-text">{errorText(t, error)}</p>}
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={onClose}>
              {t.t('privacy.erase.cancel')}
            </button>
            <button type="submit" className="danger" disabled={!valid}>
              {busy ? t.t('privacy.erase.erasing') : t.t('privacy.erase.erase')}
            </button>
          </div>
        </>
      )}
    </FormDialog>
  )
}
