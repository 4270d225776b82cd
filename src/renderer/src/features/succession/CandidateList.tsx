import { useEffect, useState } from 'react'
import type { Candidate, CriticalRole, ReadinessLevel } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'

const READINESS: readonly ReadinessLevel[] = ['ready-now', 'ready-1-2', 'ready-3-plus']

function Override({
  roleId,
  candidate,
  onDone,
  onError,
}: {
  roleId: number
  candidate: Candidate
  onDone: () => void
  onError: (error: unknown) => void
}): React.JSX.Element {
  const t = useT()
  const [readiness, setReadiness] = useState<ReadinessLevel>(candidate.readiness)
  const [reason, setReason] = useState('')
  return (
    <form
      className="override"
      onSubmit={(e) => {
        e.preventDefault()
        api
          .call('succession.setReadiness', {
            roleId,
            employeeId: candidate.employeeId,
            readiness,
            reason: reason.trim(),
          })
          .then(onDone, onError)
      }}
    >
      <select
        aria-label={t.t('succession.candidates.readinessOf', { name: candidate.name })}
        value={readiness}
        onChange={(e) => setReadiness(e.target.value as ReadinessLevel)}
      >
        {READINESS.map((value) => (
          <option key={value} value={value}>
            {t.t(`succession.readiness.${value}`)}
          </option>
        ))}
      </select>
      <input
        aria-label={t.t('succession.candidates.reasonFor', { name: candidate.name })}
        placeholder={t.t('succession.candidates.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="secondary" disabled={reason.trim().length < 3}>
        {t.t('succession.candidates.set')}
      </button>
    </form>
  )
}

/** The role's candidates ranked by readiness and fit, each gap with where the level comes from and what closes it. */
export function CandidateList({
  role,
  onChanged,
  onError,
}: {
  role: CriticalRole
  onChanged: () => void
  onError: (error: unknown) => void
}): React.JSX.Element {
  const t = useT()
  const [candidates, setCandidates] = useState<{ role: CriticalRole; list: Candidate[] } | null>(null)
  useEffect(() => {
    let live = true
    api.call('succession.candidates', { roleId: role.roleId, limit: 15 }).then(
      (list) => live && setCandidates({ role, list }),
      (e: unknown) => live && onError(e),
    )
    return () => {
      live = false
    }
  }, [role, onError])
  const list = candidates?.role === role ? candidates.list : null
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  const [closed, setClosed] = useState<string | null>(null)
  return (
    <section className="candidates" aria-label={t.t('succession.candidates.title', { role: role.title })}>
      <h2>
        {t.t('succession.candidates.title', { role: role.title })}{' '}
        <span className="muted">
          {t.t('succession.candidates.bench', {
            readyNow: role.bench.readyNow,
            readySoon: role.bench.readySoon,
          })}
        </span>
      </h2>
      <div className="session-toolbar">
        <button
          type="button"
          disabled={picked.size === 0}
          onClick={() =>
            api
              .call('succession.closeGaps', { roleId: role.roleId, employeeIds: [...picked] })
              .then((result) => {
                setClosed(
                  t.t('succession.candidates.written', { count: result.created }) +
                    (result.alreadyOpen
                      ? t.t('succession.candidates.alreadyOpen', { count: result.alreadyOpen })
                      : '') +
                    (result.noLearning.length
                      ? t.t('succession.candidates.noLearning', { list: result.noLearning.join('; ') })
                      : '') +
                    '.',
                )
                setPicked(new Set())
              }, onError)
          }
        >
          {t.t('succession.candidates.closeGaps', { count: picked.size })}
        </button>
        {closed && (
          <span className="muted" role="status">
            {closed}
          </span>
        )}
      </div>
      {list === null ? (
        <p aria-busy="true">{t.t('succession.candidates.ranking')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th />
              <th>#</th>
              <th>{t.t('succession.candidates.col.name')}</th>
              <th>{t.t('succession.candidates.col.readiness')}</th>
              <th>{t.t('succession.candidates.col.fit')}</th>
              <th>{t.t('succession.candidates.col.box')}</th>
              <th>{t.t('succession.candidates.col.gaps')}</th>
              <th>{t.t('succession.candidates.col.override')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c, i) => (
              <tr key={c.employeeId} data-employee={c.employeeId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t.t('succession.candidates.select', { name: c.name })}
                    disabled={c.gaps.length === 0}
                    checked={picked.has(c.employeeId)}
                    onChange={(e) => {
                      const next = new Set(picked)
                      if (e.target.checked) next.add(c.employeeId)
                      else next.delete(c.employeeId)
                      setPicked(next)
                    }}
                  />
                </td>
                <td>{t.number(i + 1)}</td>
                <td>
                  {c.name}
                  <div className="muted small">
                    {c.jobTitle ?? '—'}, {c.department ?? '—'}
                  </div>
                </td>
                <td>
                  <span className={`readiness readiness-${c.readiness}`}>
                    {t.t(`succession.readiness.${c.readiness}`)}
                  </span>
                  <div className="muted small">
                    {c.override
                      ? t.t('succession.candidates.setBy', {
                          actor: c.override.actor,
                          reason: c.override.reason,
                        })
                      : c.readinessReasonText
                        ? t.m(c.readinessReasonText)
                        : c.readinessReason}
                  </div>
                </td>
                <td>{t.percent(c.fitPercent / 100, 0)}</td>
                <td>{c.box === null ? '—' : `${c.box} · ${c.boxLabel ?? ''}`}</td>
                <td>
                  {c.gaps.length === 0 ? (
                    <span className="muted">{t.t('succession.candidates.noGaps')}</span>
                  ) : (
                    <ul className="gaps">
                      {c.gaps.map((g) => (
                        <li key={g.skill}>
                          <strong>
                            {g.skill} {t.number(g.held)}/{t.number(g.needed)}
                          </strong>
                          <span className="muted">
                            {' '}
                            —{' '}
                            {g.basisText
                              ? t.m(g.basisText)
                              : (g.basis ?? t.t('succession.candidates.noEvidence'))}
                          </span>
                          {g.closedBy.length > 0 && (
                            <div className="small">
                              {t.t('succession.candidates.closedBy', {
                                items: g.closedBy.map((item) => item.title).join(', '),
                              })}
                            </div>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <Override roleId={role.roleId} candidate={c} onDone={onChanged} onError={onError} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
