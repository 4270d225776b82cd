import { useEffect, useState } from 'react'
import type { OutboxAction } from '../../../../shared/contract'
import { api } from '../../api/client'
import { downloadBytes } from '../../download'
import { useT } from '../../i18n'
import { ContentActions } from '../../components/ContentActions'

/** The actions rules and "close gaps" wrote: filter, cancel, and export for the LMS. */
export function OutboxPanel({
  version,
  onError,
}: {
  version: number
  onError: (e: unknown) => void
}): React.JSX.Element {
  const t = useT()
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
    <section aria-label={t.t('succession.outbox.title')}>
      <div className="session-toolbar">
        <h2>{t.t('succession.outbox.title')}</h2>
        <label className="inline">
          {t.t('succession.outbox.show')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="open">{t.t('succession.outbox.status.open')}</option>
            <option value="completed">{t.t('succession.outbox.status.completed')}</option>
            <option value="cancelled">{t.t('succession.outbox.status.cancelled')}</option>
            <option value="">{t.t('succession.outbox.status.all')}</option>
          </select>
        </label>
        <span className="muted" data-testid="outbox-count">
          {t.t('succession.outbox.count', { count: actions.length })}
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
          {t.t('succession.outbox.cancel')}
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t.t('succession.outbox.col.person')}</th>
            <th>{t.t('succession.outbox.col.action')}</th>
            <th>{t.t('succession.outbox.col.due')}</th>
            <th>{t.t('succession.outbox.col.status')}</th>
            <th>{t.t('succession.outbox.col.why')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.slice(0, 500).map((a) => (
            <tr key={a.actionId} className={a.overdue ? 'overdue' : ''}>
              <td>
                {a.status === 'open' && (
                  <input
                    type="checkbox"
                    aria-label={t.t('succession.outbox.select', { id: String(a.actionId) })}
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
                {t.t(`succession.outbox.kind.${a.kind}`)} {a.title ?? ''}
              </td>
              <td>
                {a.dueAt ?? '—'}
                {a.overdue ? t.t('succession.outbox.overdue') : ''}
              </td>
              <td>
                {t.t(`succession.outbox.status.${a.status}`)}
                {a.closedAt ? <div className="muted small">{a.closedAt.slice(0, 10)}</div> : null}
              </td>
              <td className="small">{a.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ContentActions>
        <button
          type="button"
          className="secondary"
          onClick={() => api.call('outbox.export', { format: 'csv' }).then(downloadBytes, onError)}
        >
          {t.t('succession.outbox.exportCsv')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => api.call('outbox.export', { format: 'xlsx' }).then(downloadBytes, onError)}
        >
          {t.t('succession.outbox.exportXlsx')}
        </button>
      </ContentActions>
    </section>
  )
}
