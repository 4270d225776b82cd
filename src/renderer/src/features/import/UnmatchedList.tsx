import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'

type Waiting = MethodOutput<'import.unmatched'>[number]

/** Records that name nobody in the workspace, and a way to say who they belong to. */
export function UnmatchedList({
  version,
  onLinked,
}: {
  version: number
  onLinked: () => void
}): React.JSX.Element | null {
  const [waiting, setWaiting] = useState<Waiting[]>([])
  const [targets, setTargets] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [reload, setReload] = useState(0)

  useEffect(() => {
    api.call('import.unmatched').then(setWaiting).catch(setError)
  }, [version, reload])

  if (waiting.length === 0 && !error) return null
  const link = (identifier: string): void => {
    setError(null)
    api
      .call('import.link', { identifier, employeeId: targets[identifier] ?? '' })
      .then(() => {
        setReload((n) => n + 1)
        onLinked()
      })
      .catch(setError)
  }
  return (
    <section className="card" aria-labelledby="unmatched-title">
      <h2 id="unmatched-title">Waiting for a person</h2>
      <p className="muted small">
        These records name someone who is not in the workspace. They are stored as soon as a people import
        brings that person in — or link them here to the right employee ID.
      </p>
      <ErrorBanner error={error} />
      <table className="batches">
        <thead>
          <tr>
            <th scope="col">Named as</th>
            <th scope="col">Records</th>
            <th scope="col">From</th>
            <th scope="col">Belongs to employee ID</th>
          </tr>
        </thead>
        <tbody>
          {waiting.slice(0, 50).map((w) => (
            <tr key={`${w.kind}:${w.identifier}`}>
              <td className="mono">{w.identifier}</td>
              <td>
                {w.records} {w.kind}
              </td>
              <td>{w.files}</td>
              <td>
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault()
                    link(w.identifier)
                  }}
                >
                  <input
                    aria-label={`Employee ID for ${w.identifier}`}
                    value={targets[w.identifier] ?? ''}
                    onChange={(e) => setTargets({ ...targets, [w.identifier]: e.target.value })}
                  />
                  <button type="submit" className="secondary" disabled={!targets[w.identifier]?.trim()}>
                    Link
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {waiting.length > 50 && (
        <p className="muted small">{waiting.length - 50} more identifiers not shown.</p>
      )}
    </section>
  )
}
