import { useEffect, useState } from 'react'
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/contract/workspace'
import type { JobProgress, MethodOutput } from '../../../../shared/contract'
import { message } from '../../../../shared/i18n/translate'
import { AppError } from '../../../../shared/result'
import { useT } from '../../i18n'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAppStore } from '../../stores/appStore'
import { RecoveryKeyNotice } from './RecoveryKeyNotice'

const DEMO_SIZES = [200, 500, 2_000, 10_000, 50_000]

async function enterWorkspace(): Promise<void> {
  useAppStore.getState().setStatus(await api.call('workspace.status'))
  useAppStore.getState().setHoldWelcome(false)
}

function newJobId(): string {
  return `demo-${crypto.randomUUID()}`
}

/** `path` comes from the desktop menu's native Save dialog; without it the workspace goes to the data directory. */
export function CreateWorkspaceForm({ path }: { path?: string | undefined }): React.JSX.Element {
  const t = useT()
  const info = useAppStore((s) => s.info)
  const [name, setName] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [useKeychain, setUseKeychain] = useState(false)
  const [demo, setDemo] = useState(false)
  const [demoSize, setDemoSize] = useState(500)
  const [error, setError] = useState<unknown>(null)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  /** Shown once after creation; the app waits behind it until the person says it is stored. */
  const [recovery, setRecovery] = useState<{ workspace: string; key: string } | null>(null)

  useEffect(
    () => (jobId ? api.on('jobs.progress', (p) => p.jobId === jobId && setProgress(p)) : undefined),
    [jobId],
  )

  const keychainAvailable = info?.osKeychain === 'available'
  const mismatch = !useKeychain && confirm.length > 0 && confirm !== passphrase

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    setError(null)
    if (mismatch) return setError(new AppError('INVALID_INPUT', message('workspace.create.mismatch')))
    const id = demo ? newJobId() : null
    setJobId(id)
    // Held while the demo fills and while the recovery key is on screen.
    useAppStore.getState().setHoldWelcome(true)
    let created: MethodOutput<'workspace.create'> | null = null
    try {
      created = await api.call('workspace.create', {
        name,
        ...(path ? { path } : {}),
        ...(useKeychain ? { protection: 'os-keychain' } : { protection: 'passphrase', passphrase }),
      })
      if (id) await api.call('demo.populate', { people: demoSize, seed: 42, jobId: id })
      if (created.recoveryKey) setRecovery({ workspace: created.name, key: created.recoveryKey })
      else await enterWorkspace()
    } catch (caught) {
      const state = useAppStore.getState()
      if (created?.recoveryKey) {
        // The workspace exists (the demo fill failed or was cancelled): its recovery key must still be seen.
        state.setNotice(caught)
        setRecovery({ workspace: created.name, key: created.recoveryKey })
      } else if (state.holdWelcome) {
        // The workspace exists but the demo fill failed or was cancelled (and rolled back): show it, empty, and say why.
        state.setNotice(caught)
        state.setHoldWelcome(false)
      } else {
        setError(caught)
      }
    } finally {
      setJobId(null)
      setProgress(null)
    }
  }

  if (recovery)
    return (
      <RecoveryKeyNotice
        workspace={recovery.workspace}
        recoveryKey={recovery.key}
        onStored={() => void enterWorkspace()}
      />
    )

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="create-title">
      <h2 id="create-title">{t.t('workspace.create.title')}</h2>
      <label>
        {t.t('workspace.create.name')}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t.t('workspace.create.namePlaceholder')}
          required
          maxLength={80}
        />
      </label>
      {path && <p className="muted small mono">{t.t('workspace.create.savedAs', { path })}</p>}
      {keychainAvailable && (
        <label className="checkbox">
          <input type="checkbox" checked={useKeychain} onChange={(e) => setUseKeychain(e.target.checked)} />
          {t.t('workspace.create.keychain')}
        </label>
      )}
      {!useKeychain && (
        <>
          <label>
            {t.t('workspace.create.passphrase', { min: MIN_PASSPHRASE_LENGTH })}
            <input
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="new-password"
              required
            />
          </label>
          <label>
            {t.t('workspace.create.repeat')}
            <input
              type="password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              autoComplete="new-password"
              required
              aria-invalid={mismatch}
            />
          </label>
          {mismatch && <p className="field-hint warning">{t.t('workspace.create.mismatch')}</p>}
          <p className="muted small">{t.t('workspace.create.recoveryHint')}</p>
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={demo} onChange={(e) => setDemo(e.target.checked)} />
        {t.t('workspace.create.demo')}
      </label>
      {demo && (
        <label>
          {t.t('workspace.create.demoSize')}
          <select value={demoSize} onChange={(e) => setDemoSize(Number(e.target.value))}>
            {DEMO_SIZES.map((n) => (
              <option key={n} value={n}>
                {t.t('workspace.create.demoPeople', { count: n })}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorBanner error={error} />
      {jobId && (
        <div className="progress" role="status">
          <progress value={progress?.done ?? 0} max={progress?.total ?? demoSize} />
          <span>
            {progress
              ? t.t('workspace.create.demoProgress', {
                  done: progress.done,
                  total: progress.total ?? demoSize,
                })
              : t.t('workspace.create.creating')}
          </span>
          <button type="button" className="secondary" onClick={() => void api.call('jobs.cancel', { jobId })}>
            {t.t('workspace.create.cancel')}
          </button>
        </div>
      )}
      <button type="submit" disabled={jobId !== null}>
        {t.t('workspace.create.submit')}
      </button>
    </form>
  )
}
