import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { message } from '../../../../shared/i18n/translate'
import { AppError } from '../../../../shared/result'
import { useT } from '../../i18n'

type Listed = MethodOutput<'workspace.list'>['workspaces'][number]

/** `initialPath` comes from the desktop menu's native Open dialog; the screen remounts the form when it changes. */
export function OpenWorkspaceForm({ initialPath }: { initialPath?: string | undefined }): React.JSX.Element {
  const { t } = useT()
  const [workspaces, setWorkspaces] = useState<Listed[]>([])
  const [path, setPath] = useState(initialPath ?? '')
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  /** Recovering: the recovery key opens it, and a new passphrase is required at once. */
  const [recovering, setRecovering] = useState(false)
  const [recoveryKey, setRecoveryKey] = useState('')
  const [newPassphrase, setNewPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')

  useEffect(() => {
    api
      .call('workspace.list')
      .then((list) => {
        setWorkspaces(list.workspaces)
        setPath((p) => p || list.workspaces[0]?.path || '')
      })
      .catch(setError)
  }, [])

  // A damaged workspace names the newest backup that checks out: it can be restored from here, without opening.
  const damagedBackup =
    error instanceof AppError &&
    error.code === 'WORKSPACE_DAMAGED' &&
    typeof error.details?.['backup'] === 'string'
      ? error.details['backup']
      : null
  const restoreDamaged = (backup: string): void => {
    setBusy(true)
    api
      .call('workspace.restoreDamaged', passphrase ? { path, backup, passphrase } : { path, backup })
      .then(() => setError(null), setError)
      .finally(() => setBusy(false))
  }

  const selected = workspaces.find((w) => w.path === path)
  const keychain = selected?.protection === 'os-keychain'

  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const opening = recovering
      ? newPassphrase !== repeat
        ? Promise.reject(new AppError('INVALID_INPUT', message('workspace.open.mismatch')))
        : api.call('workspace.recover', { path, recoveryKey, newPassphrase })
      : api.call('workspace.open', keychain && !passphrase ? { path } : { path, passphrase })
    opening.catch(setError).finally(() => setBusy(false))
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="open-title">
      <h2 id="open-title">{t('workspace.open.title')}</h2>
      {workspaces.length > 0 ? (
        <fieldset className="workspace-list">
          <legend>{t('workspace.open.known')}</legend>
          {workspaces.map((w) => (
            <label key={w.path} className="workspace-option">
              <input
                type="radio"
                name="workspace"
                value={w.path}
                checked={path === w.path}
                onChange={() => setPath(w.path)}
              />
              <span>
                <strong>{w.name}</strong>
                <span className="muted small mono"> {w.path}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">{t('workspace.open.none')}</p>
      )}
      <label>
        {t('workspace.open.file')}
        <input
          className="mono"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/path/to/team.ninefold"
          required
        />
      </label>
      {recovering ? (
        <>
          <label>
            {t('workspace.open.recoveryKey')}
            <input
              className="mono"
              value={recoveryKey}
              onChange={(e) => setRecoveryKey(e.target.value)}
              placeholder="XXXX-XXXX-…"
              autoComplete="off"
              required
            />
          </label>
          <label>
            {t('workspace.open.newPassphrase')}
            <input
              type="password"
              value={newPassphrase}
              onChange={(e) => setNewPassphrase(e.target.value)}
              autoComplete="new-password"
              required
            />
          </label>
          <label>
            {t('workspace.open.repeatNew')}
            <input
              type="password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              autoComplete="new-password"
              required
            />
          </label>
        </>
      ) : (
        <label>
          {keychain ? t('workspace.open.passphraseKeychain') : t('workspace.open.passphrase')}
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="current-password"
          />
        </label>
      )}
      <ErrorBanner error={error} />
      {damagedBackup !== null && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => restoreDamaged(damagedBackup)}
        >
          {busy ? t('workspace.open.restoringDamaged') : t('workspace.open.restoreDamaged')}
        </button>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy || !path}>
          {busy
            ? t('workspace.open.opening')
            : recovering
              ? t('workspace.open.recover')
              : t('workspace.open.open')}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => {
            setRecovering(!recovering)
            setError(null)
          }}
        >
          {recovering ? t('workspace.open.back') : t('workspace.open.forgot')}
        </button>
      </div>
    </form>
  )
}
