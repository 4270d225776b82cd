import { useState } from 'react'
import type { WorkspaceStatus } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { api } from '../../api/client'
import { LockIcon } from '../../components/LockIcon'
import { errorText } from '../../components/errorText'

type Locked = NonNullable<Extract<WorkspaceStatus, { open: false }>['locked']>

/**
 * Shown while the workspace is locked (idle, or by hand): nothing of it stays on screen or in the page, and its key
 * is gone from memory until the passphrase (or key, or the OS keychain on the desktop) is given again.
 */
export function LockScreen({ locked }: { locked: Locked }): React.JSX.Element {
  const translator = useT()
  const { t } = translator
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
        setError(errorText(translator, e))
      },
    )
  }
  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <form className="card lock-card" onSubmit={unlock}>
        <h1 id="lock-title">
          <LockIcon size={20} /> {t('lock.title')}
        </h1>
        <p>{t('lock.body', { name: `“${locked.name}”` })}</p>
        {!keychain && (
          <label>
            {locked.protection === 'key-file' ? t('lock.keyOrPassphrase') : t('lock.passphrase')}
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
            {keychain ? t('lock.unlockKeychain') : t('lock.unlock')}
          </button>
          <button type="button" className="secondary" onClick={() => void api.call('workspace.close')}>
            {t('lock.close')}
          </button>
        </div>
      </form>
    </main>
  )
}
