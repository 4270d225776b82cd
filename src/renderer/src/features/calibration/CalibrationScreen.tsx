import { useCallback, useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { SessionView } from './SessionView'

type Sessions = MethodOutput<'calibration.list'>

export function CalibrationScreen(): React.JSX.Element {
  const [sessions, setSessions] = useState<Sessions | null>(null)
  const [departments, setDepartments] = useState<{ value: string; count: number }[]>([])
  const [open, setOpen] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [department, setDepartment] = useState('')
  const [error, setError] = useState<unknown>(null)

  const load = useCallback(async () => {
    try {
      const [list, facets] = await Promise.all([api.call('calibration.list'), api.call('people.facets')])
      setSessions(list)
      setDepartments(facets.departments)
    } catch (e) {
      setError(e)
    }
  }, [])
  useEffect(() => {
    Promise.all([api.call('calibration.list'), api.call('people.facets')]).then(([list, facets]) => {
      setSessions(list)
      setDepartments(facets.departments)
    }, setError)
  }, [])

  if (open) return <SessionView sessionId={open} onBack={() => (setOpen(null), void load())} />
  return (
    <div className="calibration-home">
      <h2>Calibration</h2>
      {error !== null && <ErrorBanner error={error} />}
      <form
        className="create-session"
        onSubmit={(e) => {
          e.preventDefault()
          api
            .call('calibration.create', { name, scope: department ? { department } : {} })
            .then((created) => setOpen(created.sessionId))
            .catch(setError)
        }}
      >
        <h3>New session</h3>
        <label>
          Name{' '}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            placeholder="Q4 Engineering"
          />
        </label>
        <label>
          Department
          <select value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">Everyone</option>
            {departments.map((d) => (
              <option key={d.value} value={d.value}>
                {d.value} ({d.count})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={name.trim() === ''}>
          Start session
        </button>
      </form>
      <h3>Sessions</h3>
      {sessions === null ? (
        <p aria-busy="true">Loading…</p>
      ) : sessions.length === 0 ? (
        <p className="muted">No sessions yet.</p>
      ) : (
        <ul className="sessions">
          {sessions.map((s) => (
            <li key={s.sessionId}>
              <button type="button" className="link" onClick={() => setOpen(s.sessionId)}>
                {s.name}
              </button>{' '}
              <span className="muted">
                {s.cycle} · {s.people} people · {s.status}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
