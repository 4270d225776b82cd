import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'

type Batch = MethodOutput<'import.list'>[number]

/** Past imports, newest first; the newest live one can be undone. */
export function BatchList({ version }: { version: number }): React.JSX.Element | null {
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
      <h2 id="batches-title">Import history</h2>
      <ErrorBanner error={error} />
      <table className="batches">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">File</th>
            <th scope="col">Kind</th>
            <th scope="col">Rows</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.batchId} className={b.undoneAt ? 'undone' : ''}>
              <td>{new Date(b.createdAt).toLocaleString()}</td>
              <td>{b.file}</td>
              <td>{b.kind}</td>
              <td>
                {b.rows.inserted} added, {b.rows.updated} updated
                {b.unmatched > 0 ? `, ${b.unmatched} unmatched` : ''}
              </td>
              <td>
                {b.undoneAt ? (
                  <span className="muted">undone</span>
                ) : b === newestLive ? (
                  <button type="button" className="secondary" onClick={() => undo(b.batchId)}>
                    Undo
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
