import { PrintButton } from '../../components/PrintButton'
import { useCallback, useEffect, useState } from 'react'
import type { CriticalRole } from '../../../../shared/contract'
import { jumpFor } from '../../stores/appStore'
import { api } from '../../api/client'
import { ContentActions } from '../../components/ContentActions'
import { ErrorBanner } from '../../components/ErrorBanner'
import { downloadBytes } from '../../download'
import { CandidateList } from './CandidateList'
import { OutboxPanel } from './OutboxPanel'
import { PoolsPanel } from './PoolsPanel'
import { RoleForm } from './RoleForm'
import { RulesPanel } from './RulesPanel'
import { SkillsPanel } from './SkillsPanel'
import { useT } from '../../i18n'
import './succession.css'

export function SuccessionScreen(): React.JSX.Element {
  const t = useT()
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
        <h1>{t.t('succession.screen.title')}</h1>
        <div className="spacer" />
        {/* The same on every tab: what belongs to one tab is in it (its inputs above, its exports after). */}
        <PrintButton what={t.t('succession.screen.printWhat')} />
      </div>
      {error !== null && <ErrorBanner error={error} />}
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'roles'} onClick={() => setTab('roles')}>
          {t.t('succession.screen.tabs.roles')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'rules'} onClick={() => setTab('rules')}>
          {t.t('succession.screen.tabs.rules')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'skills'} onClick={() => setTab('skills')}>
          {t.t('succession.screen.tabs.skills')}
        </button>
      </div>
      {tab === 'skills' && <SkillsPanel onError={setError} />}
      {tab === 'rules' && (
        <>
          <RulesPanel onApplied={() => setOutboxVersion(outboxVersion + 1)} onError={setError} />
          <OutboxPanel version={outboxVersion} onError={setError} />
        </>
      )}
      {tab === 'roles' && (
        <div className="session-toolbar">
          <h2>{t.t('succession.screen.table')}</h2>
          <div className="spacer" />
          <button type="button" className="secondary" onClick={() => setAdding(!adding)}>
            {adding ? t.t('succession.screen.closeForm') : t.t('succession.screen.newRole')}
          </button>
        </div>
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
        <p aria-busy="true">{t.t('succession.screen.loading')}</p>
      ) : roles.length === 0 ? (
        <p className="muted">{t.t('succession.screen.empty')}</p>
      ) : (
        <table className="roles" aria-label={t.t('succession.screen.table')}>
          <thead>
            <tr>
              <th>{t.t('succession.screen.col.role')}</th>
              <th>{t.t('succession.screen.col.incumbent')}</th>
              <th>{t.t('succession.screen.col.risk')}</th>
              <th>{t.t('succession.screen.col.skills')}</th>
              <th>{t.t('succession.screen.col.readyNow')}</th>
              <th>{t.t('succession.screen.col.readySoon')}</th>
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
                <td>{r.incumbentName ?? <span className="muted">{t.t('succession.screen.vacant')}</span>}</td>
                <td>
                  {t.t(`succession.level.${r.risk}`)} / {t.t(`succession.level.${r.impact}`)}
                </td>
                <td>
                  {r.requirements
                    .map((q) => t.t('succession.screen.requirement', { skill: q.skill, level: q.minLevel }))
                    .join(', ')}
                </td>
                <td data-testid={`ready-now-${r.roleId}`}>{t.number(r.bench.readyNow)}</td>
                <td>{t.number(r.bench.readySoon)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tab === 'roles' && (
        <ContentActions>
          <button
            type="button"
            onClick={() => {
              api.call('succession.export', { locale: t.locale }).then(downloadBytes, setError)
            }}
          >
            {t.t('succession.screen.export')}
          </button>
        </ContentActions>
      )}
      {tab === 'roles' && role && <CandidateList role={role} onChanged={reload} onError={setError} />}
      {tab === 'roles' && <PoolsPanel onError={setError} />}
    </div>
  )
}
