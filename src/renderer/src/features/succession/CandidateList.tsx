import { useEffect, useState } from 'react'
import type { Candidate, CriticalRole, ReadinessLevel } from '../../../../shared/contract'
import { api } from '../../api/client'

const READINESS: Record<ReadinessLevel, string> = {
  'ready-now': 'Ready now',
  'ready-1-2': 'Ready in 1–2 years',
  'ready-3-plus': 'Ready in 3+ years',
}

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
        aria-label={`Readiness of ${candidate.name}`}
        value={readiness}
        onChange={(e) => setReadiness(e.target.value as ReadinessLevel)}
      >
        {Object.entries(READINESS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <input
        aria-label={`Reason for ${candidate.name}`}
        placeholder="Reason (logged)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="secondary" disabled={reason.trim().length < 3}>
        Set
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
    <section className="candidates" aria-label={`Candidates for ${role.title}`}>
      <h3>
        Candidates for {role.title}{' '}
        <span className="muted">
          · {role.bench.readyNow} ready now, {role.bench.readySoon} in 1–2 years
        </span>
      </h3>
      <div className="session-toolbar">
        <button
          type="button"
          disabled={picked.size === 0}
          onClick={() =>
            api
              .call('succession.closeGaps', { roleId: role.roleId, employeeIds: [...picked] })
              .then((result) => {
                setClosed(
                  `${result.created} assignment(s) written to the outbox${result.alreadyOpen ? `, ${result.alreadyOpen} already open` : ''}${result.noLearning.length ? `; no learning closes ${result.noLearning.join('; ')}` : ''}.`,
                )
                setPicked(new Set())
              }, onError)
          }
        >
          Close gaps for the selected ({picked.size})
        </button>
        {closed && (
          <span className="muted" role="status">
            {closed}
          </span>
        )}
      </div>
      {list === null ? (
        <p aria-busy="true">Ranking candidates…</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th />
              <th>#</th>
              <th>Name</th>
              <th>Readiness</th>
              <th>Fit</th>
              <th>9-box</th>
              <th>Gaps and the learning that closes them</th>
              <th>Override</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c, i) => (
              <tr key={c.employeeId} data-employee={c.employeeId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${c.name}`}
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
                <td>{i + 1}</td>
                <td>
                  {c.name}
                  <div className="muted small">
                    {c.jobTitle ?? '—'}, {c.department ?? '—'}
                  </div>
                </td>
                <td>
                  <span className={`readiness readiness-${c.readiness}`}>{READINESS[c.readiness]}</span>
                  <div className="muted small">
                    {c.override ? `Set by ${c.override.actor}: ${c.override.reason}` : c.readinessReason}
                  </div>
                </td>
                <td>{c.fitPercent}%</td>
                <td>{c.box === null ? '—' : `${c.box} · ${c.boxLabel ?? ''}`}</td>
                <td>
                  {c.gaps.length === 0 ? (
                    <span className="muted">No gaps</span>
                  ) : (
                    <ul className="gaps">
                      {c.gaps.map((g) => (
                        <li key={g.skill}>
                          <strong>
                            {g.skill} {g.held}/{g.needed}
                          </strong>
                          <span className="muted"> — {g.basis ?? 'no evidence on record'}</span>
                          {g.closedBy.length > 0 && (
                            <div className="small">
                              Closed by: {g.closedBy.map((item) => item.title).join(', ')}
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
