import { useState } from 'react'
import { api } from '../../api/client'
import { downloadBytes } from '../../download'
import { useT } from '../../i18n'
import { errorText } from '../../components/errorText'

/** The workspace for analysts: stable pseudonyms, no names or free text, sensitive fields dropped or banded. */
export function AnonymisedExport(): React.JSX.Element {
  const t = useT()
  const [error, setError] = useState<unknown>(null)
  return (
    <section className="card" aria-label={t.t('privacy.anonymised.title')}>
      <h2>{t.t('privacy.anonymised.title')}</h2>
      <p className="muted">{t.t('privacy.anonymised.intro')}</p>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void api
            .call('privacy.anonymisedExport', { locale: t.locale })
            .then(downloadBytes, (e: unknown) => setError(e))
        }
      >
        {t.t('privacy.anonymised.export')}
      </button>
      {error !== null && <p className="error-text">{errorText(t, error)}</p>}
    </section>
  )
}
