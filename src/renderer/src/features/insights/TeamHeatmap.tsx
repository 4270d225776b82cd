import { useEffect, useState } from 'react'
import type { MethodOutput, TeamHeatmap as Heatmap } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ExportButton } from './ExportButton'

/** Colour is never the only signal: each level also carries a mark (▼▼ two or more short … ▲ above). */
function mark(gap: number | null): { glyph: string; words: string } | null {
  if (gap === null) return null
  if (gap <= -2) return { glyph: '▼▼', words: `${-gap} levels short` }
  if (gap === -1) return { glyph: '▼', words: 'one level short' }
  if (gap === 0) return { glyph: '✓', words: 'meets the requirement' }
  return { glyph: '▲', words: 'above the requirement' }
}

/** Red for a gap of two or more, amber for one short, light green on target, green above. */
function tone(gap: number | null): string {
  if (gap === null) return 'heat-none'
  if (gap <= -2) return 'heat-gap2'
  if (gap === -1) return 'heat-gap1'
  if (gap === 0) return 'heat-ok'
  return 'heat-strong'
}

const requestFor = (
  manager: string,
  targetLevel: number,
  roleId: string,
): { manager: string; targetLevel: number; roleId?: number } =>
  roleId === '' ? { manager, targetLevel } : { manager, targetLevel, roleId: Number(roleId) }

/** A manager's team × skills, with one click to assign the learning that closes a gap. */
export function TeamHeatmap(): React.JSX.Element {
  const [managers, setManagers] = useState<MethodOutput<'insights.managers'>>([])
  const [manager, setManager] = useState('')
  const [target, setTarget] = useState(3)
  const [roles, setRoles] = useState<MethodOutput<'succession.roles'>>([])
  /** A critical role whose requirements the team is measured against, or '' for one level across the board. */
  const [roleId, setRoleId] = useState('')
  const [map, setMap] = useState<Heatmap | null>(null)
  const [assigned, setAssigned] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.call('insights.managers').then(
      (list) => {
        setManagers(list)
        setManager(
          (current) => current || (list.find((m) => m.reports >= 4)?.employeeId ?? list[0]?.employeeId ?? ''),
        )
      },
      // Refused when the manager field is not tagged for development: say so rather than show an empty list.
      (e: unknown) => (setManagers([]), setError(e instanceof Error ? e.message : String(e))),
    )
    api.call('succession.roles').then(setRoles, () => setRoles([]))
  }, [])
  useEffect(() => {
    if (!manager) return
    let live = true
    api.call('insights.teamHeatmap', requestFor(manager, target, roleId)).then(
      (m) => live && (setMap(m), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [manager, target, roleId])

  const assign = (employeeId: string, skillId: number, required: number): void => {
    api.call('insights.assign', { employeeId, skillId, required }).then(
      (result) =>
        setAssigned((a) => ({
          ...a,
          [`${employeeId}:${skillId}`]: result.created
            ? `Assigned ${result.item.title}, due ${result.dueAt}`
            : `${result.item.title} is already open`,
        })),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    )
  }

  return (
    <section className="insight-card" aria-label="Team heatmap">
      <h3>Team skills against what is required</h3>
      <div className="insight-form">
        <label>
          Manager
          <select aria-label="Manager" value={manager} onChange={(e) => setManager(e.target.value)}>
            {managers.map((m) => (
              <option key={m.employeeId} value={m.employeeId}>
                {m.name} ({m.reports})
              </option>
            ))}
          </select>
        </label>
        <label>
          Measured against
          <select aria-label="Requirements" value={roleId} onChange={(e) => setRoleId(e.target.value)}>
            <option value="">One level for every skill</option>
            {roles.map((r) => (
              <option key={r.roleId} value={String(r.roleId)}>
                Critical role: {r.title} ({r.requirements.length} skills)
              </option>
            ))}
          </select>
        </label>
        {roleId === '' && (
          <label>
            Required level
            <input
              type="number"
              aria-label="Required level"
              min={1}
              max={5}
              value={target}
              onChange={(e) => setTarget(Math.min(5, Math.max(1, Number(e.target.value) || 1)))}
            />
          </label>
        )}
      </div>
      {error && <p className="error-text">{error}</p>}
      {map && (
        <>
          <p className="muted">
            {map.requirement} Cells show the level held; click a gap to assign the learning that closes it.
          </p>
          <ExportButton view="heatmap" input={requestFor(manager, target, roleId)} onError={setError} />
          <div className="heatmap-scroll">
            <table className="heatmap" aria-label="Heatmap">
              <thead>
                <tr>
                  <th>Person</th>
                  {map.skills.map((s) => (
                    <th
                      key={s.skillId}
                      title={
                        s.closedBy
                          ? `Closed by ${s.closedBy.title} (level ${s.closedBy.level})`
                          : 'No learning mapped'
                      }
                    >
                      {s.name} <span className="muted">≥{s.required}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {map.people.map((p, i) => (
                  <tr key={p.employeeId}>
                    <td>
                      {p.name}
                      <div className="muted small">{p.jobTitle}</div>
                    </td>
                    {map.skills.map((s, k) => {
                      const cell = map.cells[i]?.[k]
                      const key = `${p.employeeId}:${s.skillId}`
                      const gap = cell?.gap !== null && cell?.gap !== undefined && cell.gap < 0
                      return (
                        <td
                          key={s.skillId}
                          className={tone(cell?.gap ?? null)}
                          title={cell?.basis ?? 'No evidence'}
                        >
                          {cell?.level ?? '—'}
                          {mark(cell?.gap ?? null) && (
                            <>
                              <span className="heat-mark" aria-hidden="true">
                                {mark(cell?.gap ?? null)?.glyph}
                              </span>
                              <span className="sr-only">, {mark(cell?.gap ?? null)?.words}</span>
                            </>
                          )}
                          {assigned[key] ? (
                            <div className="small">{assigned[key]}</div>
                          ) : (
                            (gap || cell?.level === null) &&
                            s.closedBy && (
                              <button
                                type="button"
                                className="link small"
                                aria-label={`Assign ${s.closedBy.title} to ${p.name}`}
                                onClick={() => assign(p.employeeId, s.skillId, s.required)}
                              >
                                assign
                              </button>
                            )
                          )}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
