import { useState } from 'react'
import type { WorkspaceSummary } from '../../../../shared/contract'
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/contract/workspace'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { AnonymisedExport } from '../privacy/AnonymisedExport'
import { BackupsPanel } from './BackupsPanel'
import { RetentionPanel } from '../privacy/RetentionPanel'

export function WorkspaceOverview({ workspace }: { workspace: WorkspaceSummary }): React.JSX.Element {
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
        <dt>File</dt>
        <dd className="mono">{workspace.path}</dd>
        <dt>Created</dt>
        <dd>{new Date(workspace.createdAt).toLocaleString()}</dd>
        <dt>People</dt>
        <dd>{workspace.peopleCount.toLocaleString()}</dd>
        <dt>Protection</dt>
        <dd>
          Encrypted on disk (SQLCipher 4, AES-256) ·{' '}
          {workspace.protection === 'os-keychain' ? 'key held by the OS keychain' : workspace.protection}
        </dd>
        <dt>Schema version</dt>
        <dd>{workspace.schemaVersion}</dd>
      </dl>
      {workspace.protection === 'passphrase' && (
        <form className="card narrow" onSubmit={change}>
          <h2>Change passphrase</h2>
          <label>
            Current passphrase
            <input
              type="password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              autoComplete="current-password"
            />
          </label>
          <label>
            New passphrase (at least {MIN_PASSPHRASE_LENGTH} characters)
            <input
              type="password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              autoComplete="new-password"
            />
          </label>
          <ErrorBanner error={error} />
          {done && <p role="status">Passphrase changed. Use the new one from now on.</p>}
          <button type="submit" disabled={!current || !next}>
            Change passphrase
          </button>
        </form>
      )}
      <BackupsPanel />
      <RetentionPanel />
      <AnonymisedExport />
    </div>
  )
}
