import { useEffect, useState } from 'react'
import type { LrsConnection, LrsPull, MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useT } from '../../i18n'
import { AddConnectionForm } from './AddConnectionForm'
import { PullProgress } from './PullProgress'

type PullResult = MethodOutput<'lrs.pull'>

const newJobId = (): string => `lrs-${Math.random().toString(36).slice(2, 12)}`

/**
 * Learning Record Store connections: add one, test it, pull now with progress and cancel, and the history of
 * pulls. What is pulled becomes a local copy: calibration and succession keep working offline.
 */
export function ConnectionsPanel(): React.JSX.Element {
  const t = useT()
  const [connections, setConnections] = useState<LrsConnection[]>([])
  const [error, setError] = useState<unknown>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [pulling, setPulling] = useState<{ name: string; jobId: string } | null>(null)
  const [history, setHistory] = useState<{ name: string; pulls: LrsPull[] } | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    api.call('lrs.list', {}).then(setConnections, setError)
  }, [version])
  const refresh = (): void => setVersion((v) => v + 1)

  const test = (name: string): void => {
    setError(null)
    setStatus(null)
    api
      .call('lrs.test', { name })
      .then((r) => setStatus(t.t('lrs.panel.tested', { name, versions: r.versions.join(', ') })), setError)
  }
  const pull = async (name: string): Promise<void> => {
    setError(null)
    setStatus(null)
    const jobId = newJobId()
    setPulling({ name, jobId })
    try {
      const result: PullResult = await api.call('lrs.pull', { name, jobId })
      setStatus(summaryOf(result))
    } catch (e) {
      setError(e)
    } finally {
      setPulling(null)
      refresh()
      if (history?.name === name) showHistory(name)
    }
  }
  const showHistory = (name: string): void => {
    api.call('lrs.history', { name }).then((pulls) => setHistory({ name, pulls }), setError)
  }
  const remove = (name: string): void => {
    if (!window.confirm(t.t('lrs.panel.confirmRemove', { name }))) return
    api.call('lrs.remove', { name }).then(() => {
      if (history?.name === name) setHistory(null)
      refresh()
    }, setError)
  }
  const summaryOf = (r: PullResult): string =>
    r.outcome === 'already-imported'
      ? t.t('lrs.panel.nothingNew', { name: r.pull.connection })
      : r.outcome === 'rejected'
        ? t.t('lrs.panel.rejected', { name: r.pull.connection, problem: r.errors[0]?.message ?? '' })
        : t.t('lrs.panel.pulled', {
            name: r.pull.connection,
            count: r.rows.inserted,
            pages: r.pull.pages,
            duplicates: r.rows.unchanged,
            voided: r.pull.voided,
            unmatched: r.unmatched,
          })

  return (
    <section className="card" aria-label={t.t('lrs.panel.title')}>
      <h2>{t.t('lrs.panel.title')}</h2>
      <p className="muted">{t.t('lrs.panel.intro')}</p>
      {connections.length === 0 ? (
        <p className="muted">{t.t('lrs.panel.none')}</p>
      ) : (
        <table className="audit-table" aria-label={t.t('lrs.panel.list')}>
          <thead>
            <tr>
              <th scope="col">{t.t('lrs.panel.col.name')}</th>
              <th scope="col">{t.t('lrs.panel.col.endpoint')}</th>
              <th scope="col">{t.t('lrs.panel.col.checkpoint')}</th>
              <th scope="col">{t.t('lrs.panel.col.lastPull')}</th>
              <th scope="col">{t.t('lrs.panel.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {connections.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td>
                  <code>{c.endpoint}</code>
                </td>
                <td>{c.checkpoint ? t.dateTime(c.checkpoint) : t.t('lrs.panel.never')}</td>
                <td>
                  {c.lastPull
                    ? t.t('lrs.panel.lastPull', {
                        when: t.dateTime(c.lastPull.startedAt),
                        outcome: t.t(`lrs.outcome.${outcomeKey(c.lastPull.outcome)}`),
                        count: c.lastPull.stored,
                      })
                    : t.t('lrs.panel.never')}
                </td>
                <td className="row-actions">
                  <button type="button" className="secondary small" onClick={() => test(c.name)}>
                    {t.t('lrs.panel.test')}
                  </button>
                  <button
                    type="button"
                    className="small"
                    disabled={pulling !== null}
                    onClick={() => void pull(c.name)}
                    aria-label={t.t('lrs.panel.pullFrom', { name: c.name })}
                  >
                    {t.t('lrs.panel.pull')}
                  </button>
                  <button type="button" className="secondary small" onClick={() => showHistory(c.name)}>
                    {t.t('lrs.panel.history')}
                  </button>
                  <button type="button" className="danger small" onClick={() => remove(c.name)}>
                    {t.t('lrs.panel.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pulling && <PullProgress jobId={pulling.jobId} />}
      {status && (
        <p role="status" className="ok-text">
          {status}
        </p>
      )}
      <ErrorBanner error={error} />
      {history && (
        <table className="audit-table" aria-label={t.t('lrs.panel.historyOf', { name: history.name })}>
          <caption>{t.t('lrs.panel.historyOf', { name: history.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('lrs.panel.col.started')}</th>
              <th scope="col">{t.t('lrs.panel.col.outcome')}</th>
              <th scope="col">{t.t('lrs.panel.col.pages')}</th>
              <th scope="col">{t.t('lrs.panel.col.stored')}</th>
              <th scope="col">{t.t('lrs.panel.col.duplicates')}</th>
              <th scope="col">{t.t('lrs.panel.col.unmatched')}</th>
            </tr>
          </thead>
          <tbody>
            {history.pulls.map((p) => (
              <tr key={p.id}>
                <td>{t.dateTime(p.startedAt)}</td>
                <td title={p.error ?? undefined}>{t.t(`lrs.outcome.${outcomeKey(p.outcome)}`)}</td>
                <td>{t.number(p.pages)}</td>
                <td>{t.number(p.stored)}</td>
                <td>{t.number(p.duplicates)}</td>
                <td>{t.number(p.unmatched)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddConnectionForm onAdded={refresh} />
    </section>
  )
}

const OUTCOMES = [
  'running',
  'stored',
  'nothingNew',
  'dryRun',
  'failed',
  'cancelled',
  'interrupted',
  'rejected',
] as const
function outcomeKey(outcome: string): (typeof OUTCOMES)[number] {
  const key = outcome.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
  return (OUTCOMES as readonly string[]).includes(key) ? (key as (typeof OUTCOMES)[number]) : 'failed'
}
