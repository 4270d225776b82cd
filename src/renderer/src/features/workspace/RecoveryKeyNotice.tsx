import { useState } from 'react'
import { useT } from '../../i18n'

/**
 * The recovery key, shown once right after the workspace is made: copy it, save it as a file or print it, and say
 * it is stored before going on. Nothing keeps a copy; without it a forgotten passphrase loses the workspace.
 */
export function RecoveryKeyNotice({
  workspace,
  recoveryKey,
  onStored,
}: {
  workspace: string
  recoveryKey: string
  onStored: () => void
}): React.JSX.Element {
  const { t } = useT()
  const [stored, setStored] = useState(false)
  const [copied, setCopied] = useState(false)
  const text = t('workspace.recovery.fileText', { workspace, key: recoveryKey })
  const save = (): void => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }))
    const link = document.createElement('a')
    link.href = url
    link.download = t('workspace.recovery.fileName', { workspace })
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  return (
    <section className="card recovery-key" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('workspace.recovery.title')}</h2>
      <p>
        {t('workspace.recovery.bodyBefore')} <strong>{workspace}</strong>. {t('workspace.recovery.bodyShown')}{' '}
        <strong>{t('workspace.recovery.bodyOnlyNow')}</strong>.
      </p>
      <p className="recovery-key-text mono" data-testid="recovery-key">
        {recoveryKey}
      </p>
      <div className="form-actions no-print">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void navigator.clipboard.writeText(recoveryKey).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('workspace.recovery.copied') : t('workspace.recovery.copy')}
        </button>
        <button type="button" className="secondary" onClick={save}>
          {t('workspace.recovery.save')}
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('workspace.recovery.print')}
        </button>
      </div>
      <label className="checkbox no-print">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
        {t('workspace.recovery.stored')}
      </label>
      <button type="button" className="no-print" disabled={!stored} onClick={onStored}>
        {t('workspace.recovery.continue')}
      </button>
    </section>
  )
}
