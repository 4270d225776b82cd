import { useState } from 'react'
import type { WorkspaceSummary } from '../../../../shared/contract'
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/contract/workspace'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useT } from '../../i18n'
import { AnonymisedExport } from '../privacy/AnonymisedExport'
import { BackupsPanel } from './BackupsPanel'
import { VerifyPanel } from './VerifyPanel'
import { RetentionPanel } from '../privacy/RetentionPanel'

export function WorkspaceOverview({ workspace }: { workspace: WorkspaceSummary }): React.JSX.Element {
  const t = useT()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)

  const change = (event: React.FormEvent): void => {
    event.preventDefault()
    setError(null)
    setDone(false)
    api
      .call('workspace.changePassphrase', { current, next })
      .then(() => {
        setDone(true)
        setCurrent('')
        setNext('')
      })
      .catch(setError)
  }

  return (
    <div className="overview">
      <h1>{workspace.name}</h1>
      <dl className="facts">
        <dt>{t.t('workspace.overview.file')}</dt>
        <dd className="mono">{workspace.path}</dd>
        <dt>{t.t('workspace.overview.created')}</dt>
        <dd>{t.dateTime(workspace.createdAt)}</dd>
        <dt>{t.t('workspace.overview.people')}</dt>
        <dd>{t.number(workspace.peopleCount)}</dd>
        <dt>{t.t('workspace.overview.protection')}</dt>
        <dd>
          {t.t('workspace.overview.encrypted', {
            how: t.t(`workspace.overview.protectedBy.${workspace.protection}`),
          })}
        </dd>
        <dt>{t.t('workspace.overview.schema')}</dt>
        <dd>{workspace.schemaVersion}</dd>
      </dl>
      {workspace.protection === 'passphrase' && (
        <form className="card narrow" onSubmit={change}>
          <h2>{t.t('workspace.overview.changeTitle')}</h2>
          <label>
            {t.t('workspace.overview.current')}
            <input
              type="password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              autoComplete="current-password"
            />
          </label>
          <label>
            {t.t('workspace.overview.next', { min: MIN_PASSPHRASE_LENGTH })}
            <input
              type="password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              autoComplete="new-password"
            />
          </label>
          <ErrorBanner error={error} />
          {done && <p role="status">{t.t('workspace.overview.changed')}</p>}
          <button type="submit" disabled={!current || !next}>
            {t.t('workspace.overview.change')}
          </button>
        </form>
      )}
      <BackupsPanel />
      <VerifyPanel />
      <RetentionPanel />
      <AnonymisedExport />
    </div>
  )
}
