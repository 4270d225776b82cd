import { useState } from 'react'

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
  const [stored, setStored] = useState(false)
  const [copied, setCopied] = useState(false)
  const text = `Ninefold recovery key for “${workspace}”\n\n${recoveryKey}\n\nIt opens the workspace if the passphrase is forgotten or the computer's keychain entry is lost. Keep it away from the computer, like a spare house key.\n`
  const save = (): void => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `${workspace} recovery key.txt`
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  return (
    <section className="card recovery-key" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Store the recovery key</h2>
      <p>
        If the passphrase is forgotten, or this computer’s keychain loses its entry, this key is the only way
        back into <strong>{workspace}</strong>. It is shown <strong>only now</strong>.
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
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="secondary" onClick={save}>
          Save as a file…
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <label className="checkbox no-print">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />I have stored
        the recovery key somewhere safe, away from this computer
      </label>
      <button type="button" className="no-print" disabled={!stored} onClick={onStored}>
        Continue to the workspace
      </button>
    </section>
  )
}
