import { useEffect, useState } from 'react'
import type { OutboxAction } from '../../../../shared/contract'
import { api } from '../../api/client'
import { downloadBytes } from '../../download'

/** The actions rules and "close gaps" wrote: filter, cancel, and export for the LMS. */
export function OutboxPanel({
  version,
  onError,
}: {
  version: number
  onError: (e: unknown) => void
}): React.JSX.Element {
  const [status, setStatus] = useState<'open' | 'completed' | 'cancelled' | ''>('open')
  const [actions, setActions] = useState<OutboxAction[]>([])
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set())
  const [reloads, setReloads] = useState(0)
  useEffect(() => {
    let live = true
    api.call('outbox.list', status ? { status } : {}).then(
      (list) => live && setActions(list),
      (e: unknown) => live && onError(e),
    )
    return () => {
      live = false
    }
  }, [status, version, reloads, onError])
  return (
    <section aria-label="Outbox">
      <div className="session-toolbar">
        <h3>Outbox</h3>
        <label className="inline">
          Show{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="open">open</option>
            <option value="completed">completed</option>
            <option value="cancelled">cancelled</option>
            <option value="">all</option>
          </select>
        </label>
        <span className="muted" data-testid="outbox-count">
          {actions.length} action(s)
        </span>
        <div className="spacer" />
        <button
          type="button"
          className="secondary"
          disabled={picked.size === 0}
          onClick={() =>
            api.call('outbox.cancel', { actionIds: [...picked] }).then(() => {
              setPicked(new Set())
              setReloads(reloads + 1)
            }, onError)
          }
        >
          Cancel selected
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => api.call('outbox.export', { format: 'csv' }).then(downloadBytes, onError)}
        >
          Export CSV for the LMS
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => api.call('outbox.export', { format: 'xlsx' }).then(downloadBytes, onError)}
        >
          Export xlsx
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th />
            <th>Person</th>
            <th>Action</th>
            <th>Due</th>
            <th>Status</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {actions.slice(0, 500).map((a) => (
            <tr key={a.actionId} className={a.overdue ? 'overdue' : ''}>
              <td>
                {a.status === 'open' && (
                  <input
                    type="checkbox"
                    aria-label={`Select action ${a.actionId}`}
                    checked={picked.has(a.actionId)}
                    onChange={(e) => {
                      const next = new Set(picked)
                      if (e.target.checked) next.add(a.actionId)
                      else next.delete(a.actionId)
                      setPicked(next)
                    }}
                  />
                )}
              </td>
              <td>
                {a.name} <span className="muted small">{a.employeeId}</span>
              </td>
              <td>
                {a.kind} {a.title ?? ''}
              </td>
              <td>
                {a.dueAt ?? '—'}
                {a.overdue ? ' (overdue)' : ''}
              </td>
              <td>
                {a.status}
                {a.closedAt ? <div className="muted small">{a.closedAt.slice(0, 10)}</div> : null}
              </td>
              <td className="small">{a.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
