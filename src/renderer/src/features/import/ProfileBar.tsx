import { useState } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useT } from '../../i18n'

/** Names the saved mapping in use, or offers to save this one for the next file from the same system. */
export function ProfileBar({
  profile,
  onSave,
}: {
  profile: string | null
  onSave: (name: string) => Promise<void>
}): React.JSX.Element {
  const t = useT()
  const [name, setName] = useState('')
  const [error, setError] = useState<unknown>(null)
  return (
    <div className="profile-bar">
      {profile ? (
        <span className="badge" data-testid="mapping-profile">
          {t.t('import.profile.using', { name: profile })}
        </span>
      ) : (
        <span className="muted small">{t.t('import.profile.offer')}</span>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          setError(null)
          onSave(name.trim())
            .then(() => setName(''))
            .catch(setError)
        }}
      >
        <input
          aria-label={t.t('import.profile.name')}
          placeholder={t.t('import.profile.placeholder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
        />
        <button type="submit" className="secondary" disabled={name.trim() === ''}>
          {t.t('import.profile.save')}
        </button>
      </form>
      <ErrorBanner error={error} />
    </div>
  )
}
