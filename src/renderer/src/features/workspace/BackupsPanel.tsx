import { useCallback, useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'

type Backups = MethodOutput<'workspace.backups'>
type Backup = Backups['backups'][number]

const REASON: Record<Backup['reason'], string> = {
  manual: 'Backed up by hand',
  'before-migration': 'Before an upgrade of the workspace',
  'before-import': 'Before an import that changed records',
  'before-restore': 'The workspace as it was before a restore',
}

const size = (bytes: number): string =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

/**
 * The workspace's automatic backups (before upgrades, imports that change records, restores) and ones made by hand;
 * each is a verified, still-encrypted copy, and restoring one keeps the current workspace as a backup first.
 */
export function BackupsPanel(): React.JSX.Element {
  const [state, setState] = useState<Backups | null>(null)
  const [confirming, setConfirming] = useState<Backup | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const fail = (e: unknown): void => setMessage(e instanceof Error ? e.message : String(e))
  const refresh = useCallback(() => {
    api.call('workspace.backups').then(setState, (e: unknown) => setMessage(String(e)))
  }, [])
  useEffect(refresh, [refresh])
  const backUp = (): void => {
    setMessage(null)
    api.call('workspace.backup', {}).then((r) => {
      setMessage(`Backed up and verified: ${r.check.people} people, schema ${r.check.schemaVersion}.`)
      refresh()
    }, fail)
  }
  const restore = (backup: Backup): void => {
    api.call('workspace.restore', { path: backup.path }).then((r) => {
      setConfirming(null)
      setMessage(
        `Restored the backup of ${new Date(backup.createdAt).toLocaleString()} (${r.check.people} people). The workspace as it was is kept as a backup.`,
      )
      refresh()
    }, fail)
  }
  return (
    <section className="card" aria-label="Backups">
      <h2>Backups</h2>
      <p className="muted">
        Copies stay encrypted with the workspace&apos;s key and are checked page by page when made and before
        a restore. Automatic backups are made before an upgrade and before an import that changes records.
      </p>
      <div className="insight-form">
        <button type="button" onClick={backUp}>
          Back up now
        </button>
        <span className="muted small">Keeps the newest {state?.keep ?? 5} automatic backups (Settings).</span>
      </div>
      {state && state.backups.length === 0 && <p className="muted">No backups yet.</p>}
      {state && state.backups.length > 0 && (
        <table className="audit-table" aria-label="Backup list">
          <thead>
            <tr>
              <th>Made</th>
              <th>Why</th>
              <th>Size</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {state.backups.map((b) => (
              <tr key={b.path}>
                <td title={b.path}>{new Date(b.createdAt).toLocaleString()}</td>
                <td>{REASON[b.reason]}</td>
                <td>{size(b.sizeBytes)}</td>
                <td>
                  {confirming?.path === b.path ? (
                    <span role="group" aria-label="Confirm restore">
                      Replace the workspace with this backup?{' '}
                      <button type="button" className="danger small" onClick={() => restore(b)}>
                        Restore
                      </button>{' '}
                      <button type="button" className="secondary small" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={`Restore the backup of ${new Date(b.createdAt).toLocaleString()}`}
                      onClick={() => setConfirming(b)}
                    >
                      Restore…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  )
}
