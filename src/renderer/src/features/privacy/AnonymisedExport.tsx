import { useState } from 'react'
import { api } from '../../api/client'
import { downloadBytes } from '../../download'

/** The workspace for analysts: stable pseudonyms, no names or free text, sensitive fields dropped or banded. */
export function AnonymisedExport(): React.JSX.Element {
  const [error, setError] = useState<string | null>(null)
  return (
    <section className="card" aria-label="Anonymised export">
      <h2>Anonymised export</h2>
      <p className="muted">
        For analysis outside Ninefold: people appear under stable pseudonyms (the same in every export),
        names, emails and free text are left out, dates are cut to the month, age is banded, and gender and
        ethnicity are dropped.
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void api
            .call('privacy.anonymisedExport', {})
            .then(downloadBytes, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
        }
      >
        Export anonymised workbook
      </button>
      {error && <p className="error-text">{error}</p>}
    </section>
  )
}
