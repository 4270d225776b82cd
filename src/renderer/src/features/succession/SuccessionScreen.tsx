import { PrintButton } from '../../components/PrintButton'
import { useCallback, useEffect, useState } from 'react'
import type { CriticalRole } from '../../../../shared/contract'
import { jumpFor } from '../../stores/appStore'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { downloadBytes } from '../../download'
import { CandidateList } from './CandidateList'
import { OutboxPanel } from './OutboxPanel'
import { PoolsPanel } from './PoolsPanel'
import { RoleForm } from './RoleForm'
import { RulesPanel } from './RulesPanel'
import { SkillsPanel } from './SkillsPanel'

export function SuccessionScreen(): React.JSX.Element {
  const [roles, setRoles] = useState<CriticalRole[] | null>(null)
  const [selected, setSelected] = useState<number | null>(() => jumpFor('role')?.roleId ?? null)
  const [adding, setAdding] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const reload = useCallback(() => {
    api.call('succession.roles').then(setRoles, setError)
  }, [])
  useEffect(() => {
    api.call('succession.roles').then(setRoles, setError)
  }, [])
  const role = roles?.find((r) => r.roleId === selected) ?? null
  const [tab, setTab] = useState<'roles' | 'rules' | 'skills'>('roles')
  const [outboxVersion, setOutboxVersion] = useState(0)

  return (
    <div className="succession">
      <div className="session-toolbar">
        <h2>Succession</h2>
        <div className="spacer" />
        <button type="button" className="secondary" onClick={() => setAdding(!adding)}>
          {adding ? 'Close the form' : 'New critical role'}
        </button>
        <button
          type="button"
          onClick={() => {
            api.call('succession.export', {}).then(downloadBytes, setError)
          }}
        >
          Export succession report
        </button>
        <PrintButton what="the succession overview" />
      </div>
      {error !== null && <ErrorBanner error={error} />}
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'roles'} onClick={() => setTab('roles')}>
          Critical roles
        </button>
        <button type="button" role="tab" aria-selected={tab === 'rules'} onClick={() => setTab('rules')}>
          Rules and outbox
        </button>
        <button type="button" role="tab" aria-selected={tab === 'skills'} onClick={() => setTab('skills')}>
          Skills
        </button>
      </div>
      {tab === 'skills' && <SkillsPanel onError={setError} />}
      {tab === 'rules' && (
        <>
          <RulesPanel onApplied={() => setOutboxVersion(outboxVersion + 1)} onError={setError} />
          <OutboxPanel version={outboxVersion} onError={setError} />
        </>
      )}
      {tab === 'roles' && adding && (
        <RoleForm
          onCreated={(roleId) => {
            setAdding(false)
            setSelected(roleId)
            reload()
          }}
          onError={setError}
        />
      )}
      {tab !== 'roles' ? null : roles === null ? (
        <p aria-busy="true">Loading roles…</p>
      ) : roles.length === 0 ? (
        <p className="muted">No critical roles yet: add one to see who could step in.</p>
      ) : (
        <table className="roles" aria-label="Critical roles">
          <thead>
            <tr>
              <th>Role</th>
              <th>Incumbent</th>
              <th>Risk / impact</th>
              <th>Required skills</th>
              <th>Ready now</th>
              <th>Ready in 1–2 years</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => (
              <tr
                key={r.roleId}
                className={`${r.bench.readyNow === 0 ? 'no-successor' : ''}${r.roleId === selected ? ' selected' : ''}`}
              >
                <td>
                  <button type="button" className="link" onClick={() => setSelected(r.roleId)}>
                    {r.title}
                  </button>
                </td>
                <td>{r.incumbentName ?? <span className="muted">vacant</span>}</td>
                <td>
                  {r.risk} / {r.impact}
                </td>
                <td>{r.requirements.map((q) => `${q.skill} ≥ ${q.minLevel}`).join(', ')}</td>
                <td data-testid={`ready-now-${r.roleId}`}>{r.bench.readyNow}</td>
                <td>{r.bench.readySoon}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tab === 'roles' && role && <CandidateList role={role} onChanged={reload} onError={setError} />}
      {tab === 'roles' && <PoolsPanel onError={setError} />}
    </div>
  )
}
