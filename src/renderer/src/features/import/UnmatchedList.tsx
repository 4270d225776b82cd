import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useT } from '../../i18n'

type Waiting = MethodOutput<'import.unmatched'>[number]

/** Records that name nobody in the workspace, and a way to say who they belong to. */
export function UnmatchedList({
  version,
  onLinked,
}: {
  version: number
  onLinked: () => void
}): React.JSX.Element | null {
  const t = useT()
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
      <h2 id="unmatched-title">{t.t('import.unmatched.title')}</h2>
      <p className="muted small">{t.t('import.unmatched.body')}</p>
      <ErrorBanner error={error} />
      <table className="batches">
        <thead>
          <tr>
            <th scope="col">{t.t('import.unmatched.namedAs')}</th>
            <th scope="col">{t.t('import.unmatched.records')}</th>
            <th scope="col">{t.t('import.unmatched.from')}</th>
            <th scope="col">{t.t('import.unmatched.belongsTo')}</th>
          </tr>
        </thead>
        <tbody>
          {waiting.slice(0, 50).map((w) => (
            <tr key={`${w.kind}:${w.identifier}`}>
              <td className="mono">{w.identifier}</td>
              <td>
                {t.t('import.unmatched.count', {
                  count: String(w.records),
                  kind: t.t(`import.kindShort.${w.kind}`),
                })}
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
                    aria-label={t.t('import.unmatched.employeeIdFor', { identifier: w.identifier })}
                    value={targets[w.identifier] ?? ''}
                    onChange={(e) => setTargets({ ...targets, [w.identifier]: e.target.value })}
                  />
                  <button type="submit" className="secondary" disabled={!targets[w.identifier]?.trim()}>
                    {t.t('import.unmatched.link')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {waiting.length > 50 && (
        <p className="muted small">{t.t('import.unmatched.more', { count: waiting.length - 50 })}</p>
      )}
    </section>
  )
}
