import { useState } from 'react'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useT } from '../../i18n'

/** Name, endpoint, key and secret of a new LRS connection; the secret field is never filled back in. */
export function AddConnectionForm({ onAdded }: { onAdded: () => void }): React.JSX.Element {
  const t = useT()
  const [name, setName] = useState('')
  const [endpoint, setEndpoint] = useState('')
  const [key, setKey] = useState('')
  const [secret, setSecret] = useState('')
  const [verb, setVerb] = useState('')
  const [activity, setActivity] = useState('')
  const [related, setRelated] = useState(false)
  const [since, setSince] = useState('')
  const [error, setError] = useState<unknown>(null)
  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    setError(null)
    const filters = {
      ...(verb.trim() ? { verb: verb.trim() } : {}),
      ...(activity.trim() ? { activity: activity.trim() } : {}),
      ...(related ? { relatedActivities: true } : {}),
      // A calendar day from the date field, as the start of that day in UTC.
      ...(since ? { since: `${since}T00:00:00.000Z` } : {}),
    }
    api.call('lrs.add', { name, endpoint, key, secret, filters }).then(() => {
      setName('')
      setEndpoint('')
      setKey('')
      setSecret('')
      onAdded()
    }, setError)
  }
  return (
    <form className="insight-form" aria-label={t.t('lrs.panel.add')} onSubmit={submit}>
      <label>
        {t.t('lrs.panel.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t.t('lrs.panel.endpoint')}
        <input
          type="url"
          value={endpoint}
          placeholder="https://lrs.example.com/xAPI/"
          onChange={(e) => setEndpoint(e.target.value)}
          required
        />
      </label>
      <label>
        {t.t('lrs.panel.key')}
        <input value={key} autoComplete="off" onChange={(e) => setKey(e.target.value)} required />
      </label>
      <label>
        {t.t('lrs.panel.secret')}
        <input
          type="password"
          value={secret}
          autoComplete="new-password"
          onChange={(e) => setSecret(e.target.value)}
          required
        />
      </label>
      <details className="filters">
        <summary>{t.t('lrs.panel.filters')}</summary>
        <label>
          {t.t('lrs.panel.verb')}
          <input
            type="url"
            value={verb}
            placeholder="http://adlnet.gov/expapi/verbs/completed"
            onChange={(e) => setVerb(e.target.value)}
          />
        </label>
        <label>
          {t.t('lrs.panel.activity')}
          <input type="url" value={activity} onChange={(e) => setActivity(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={related} onChange={(e) => setRelated(e.target.checked)} />
          {t.t('lrs.panel.related')}
        </label>
        <label>
          {t.t('lrs.panel.since')}
          <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
      </details>
      <button type="submit">{t.t('lrs.panel.addButton')}</button>
      <ErrorBanner error={error} />
    </form>
  )
}
