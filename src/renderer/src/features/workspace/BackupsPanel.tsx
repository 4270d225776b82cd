import { useCallback, useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { errorText } from '../../components/errorText'
import { useT, type Translator } from '../../i18n'

type Backups = MethodOutput<'workspace.backups'>
type Backup = Backups['backups'][number]

const size = (t: Translator, bytes: number): string =>
  bytes >= 1_048_576
    ? t.t('workspace.backups.megabytes', {
        size: new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
          bytes / 1_048_576,
        ),
      })
    : t.t('workspace.backups.kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) })

/** To the second: two backups made in the same minute must still be told apart. */
const when = (t: Translator, iso: string): string =>
  new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso))

/**
 * The workspace's automatic backups (before upgrades, imports that change records, restores) and ones made by hand;
 * each is a verified, still-encrypted copy, and restoring one keeps the current workspace as a backup first.
 */
export function BackupsPanel(): React.JSX.Element {
  const t = useT()
  const [state, setState] = useState<Backups | null>(null)
  const [confirming, setConfirming] = useState<Backup | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const fail = (e: unknown): void => (setMessage(null), setError(e))
  const refresh = useCallback(() => {
    api.call('workspace.backups').then(setState, (e: unknown) => setError(e))
  }, [])
  useEffect(refresh, [refresh])
  const backUp = (): void => {
    setMessage(null)
    setError(null)
    api.call('workspace.backup', {}).then((r) => {
      setMessage(t.t('workspace.backups.backedUp', { count: r.check.people, schema: r.check.schemaVersion }))
      refresh()
    }, fail)
  }
  const restore = (backup: Backup): void => {
    api.call('workspace.restore', { path: backup.path }).then((r) => {
      setConfirming(null)
      setMessage(
        t.t('workspace.backups.restored', { date: when(t, backup.createdAt), count: r.check.people }),
      )
      refresh()
    }, fail)
  }
  return (
    <section className="card" aria-label={t.t('workspace.backups.title')}>
      <h2>{t.t('workspace.backups.title')}</h2>
      <p className="muted">{t.t('workspace.backups.intro')}</p>
      <div className="insight-form">
        <button type="button" onClick={backUp}>
          {t.t('workspace.backups.backUp')}
        </button>
        <span className="muted small">{t.t('workspace.backups.keep', { count: state?.keep ?? 5 })}</span>
      </div>
      {state && state.backups.length === 0 && <p className="muted">{t.t('workspace.backups.none')}</p>}
      {state && state.backups.length > 0 && (
        <table className="audit-table" aria-label={t.t('workspace.backups.list')}>
          <thead>
            <tr>
              <th>{t.t('workspace.backups.made')}</th>
              <th>{t.t('workspace.backups.why')}</th>
              <th>{t.t('workspace.backups.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {state.backups.map((b) => (
              <tr key={b.path}>
                <td title={b.path}>{when(t, b.createdAt)}</td>
                <td>{t.t(`workspace.backups.reason.${b.reason}`)}</td>
                <td>{size(t, b.sizeBytes)}</td>
                <td>
                  {confirming?.path === b.path ? (
                    <span role="group" aria-label={t.t('workspace.backups.confirm')}>
                      {t.t('workspace.backups.question')}{' '}
                      <button type="button" className="danger small" onClick={() => restore(b)}>
                        {t.t('workspace.backups.restore')}
                      </button>{' '}
                      <button type="button" className="secondary small" onClick={() => setConfirming(null)}>
                        {t.t('workspace.backups.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={t.t('workspace.backups.restoreLabel', { date: when(t, b.createdAt) })}
                      onClick={() => setConfirming(b)}
                    >
                      {t.t('workspace.backups.restoreOpen')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(message !== null || error !== null) && <p role="status">{message ?? errorText(t, error)}</p>}
    </section>
  )
}
