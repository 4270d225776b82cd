import { useState } from 'react'
import type { WorkspaceStatus } from '../../../../shared/contract'
import { api } from '../../api/client'
import { LockIcon } from '../../components/LockIcon'

type Locked = NonNullable<Extract<WorkspaceStatus, { open: false }>['locked']>

/**
 * Shown while the workspace is locked (idle, or by hand): nothing of it stays on screen or in the page, and its key
 * is gone from memory until the passphrase (or key, or the OS keychain on the desktop) is given again.
 */
export function LockScreen({ locked }: { locked: Locked }): React.JSX.Element {
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const keychain = locked.protection === 'os-keychain'
  const unlock = (event: React.FormEvent): void => {
    event.preventDefault()
    setBusy(true)
    api.call('workspace.unlock', keychain ? {} : { passphrase: secret }).then(
      () => setSecret(''),
      (e: unknown) => {
        setBusy(false)
        setError(e instanceof Error ? e.message : String(e))
      },
    )
  }
  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <form className="card lock-card" onSubmit={unlock}>
        <h1 id="lock-title">
          <LockIcon size={20} /> Ninefold is locked
        </h1>
        <p>
          <strong>{locked.name}</strong> was locked and its key removed from memory. Nothing of it is on
          screen.
        </p>
        {!keychain && (
          <label>
            {locked.protection === 'key-file' ? 'Key or passphrase' : 'Passphrase'}
            <input
              type="password"
              autoFocus
              autoComplete="current-password"
              value={secret}
              onChange={(e) => (setSecret(e.target.value), setError(null))}
            />
          </label>
        )}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={busy || (!keychain && secret.length === 0)}>
            {keychain ? 'Unlock with the OS keychain' : 'Unlock'}
          </button>
          <button type="button" className="secondary" onClick={() => void api.call('workspace.close')}>
            Close the workspace
          </button>
        </div>
      </form>
    </main>
  )
}
