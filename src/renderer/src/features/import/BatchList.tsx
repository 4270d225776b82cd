import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useT } from '../../i18n'

type Batch = MethodOutput<'import.list'>[number]

/** Past imports, newest first; the newest live one can be undone. */
export function BatchList({ version }: { version: number }): React.JSX.Element | null {
  const t = useT()
  const [batches, setBatches] = useState<Batch[]>([])
  const [error, setError] = useState<unknown>(null)
  const [reload, setReload] = useState(0)

  useEffect(() => {
    api.call('import.list').then(setBatches).catch(setError)
  }, [version, reload])

  if (batches.length === 0 && !error) return null
  const newestLive = batches.find((b) => b.undoneAt === null)
  const undo = (batchId: string): void => {
    setError(null)
    api
      .call('import.undo', { batchId })
      .then(() => setReload((n) => n + 1))
      .catch(setError)
  }
  return (
    <section className="card" aria-labelledby="batches-title">
      <h2 id="batches-title">{t.t('import.batches.title')}</h2>
      <ErrorBanner error={error} />
      <table className="batches">
        <thead>
          <tr>
            <th scope="col">{t.t('import.batches.when')}</th>
            <th scope="col">{t.t('import.batches.file')}</th>
            <th scope="col">{t.t('import.batches.kind')}</th>
            <th scope="col">{t.t('import.batches.rows')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.batchId} className={b.undoneAt ? 'undone' : ''}>
              <td>{t.dateTime(b.createdAt)}</td>
              <td>{b.file}</td>
              <td>{t.t(`import.kindShort.${b.kind}`)}</td>
              <td>
                {t.t('import.batches.counts', {
                  inserted: String(b.rows.inserted),
                  updated: String(b.rows.updated),
                })}
                {b.unmatched > 0 ? t.t('import.batches.unmatched', { count: String(b.unmatched) }) : ''}
              </td>
              <td>
                {b.undoneAt ? (
                  <span className="muted">{t.t('import.batches.undone')}</span>
                ) : b === newestLive ? (
                  <button type="button" className="secondary" onClick={() => undo(b.batchId)}>
                    {t.t('import.batches.undo')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
