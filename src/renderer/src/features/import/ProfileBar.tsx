import { useState } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'

/** Names the saved mapping in use, or offers to save this one for the next file from the same system. */
export function ProfileBar({
  profile,
  onSave,
}: {
  profile: string | null
  onSave: (name: string) => Promise<void>
}): React.JSX.Element {
  const [name, setName] = useState('')
  const [error, setError] = useState<unknown>(null)
  return (
    <div className="profile-bar">
      {profile ? (
        <span className="badge" data-testid="mapping-profile">
          Using the saved mapping “{profile}”
        </span>
      ) : (
        <span className="muted small">
          Save this mapping to have it proposed for files with the same columns.
        </span>
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
          aria-label="Mapping name"
          placeholder="e.g. Workday staff export"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
        />
        <button type="submit" className="secondary" disabled={name.trim() === ''}>
          Save mapping
        </button>
      </form>
      <ErrorBanner error={error} />
    </div>
  )
}
