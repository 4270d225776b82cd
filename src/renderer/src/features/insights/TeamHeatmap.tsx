import { useEffect, useState } from 'react'
import type { MethodOutput, TeamHeatmap as Heatmap } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT, type Translator } from '../../i18n'
import { ExportButton } from './ExportButton'
import { errorText } from './text'

/** Colour is never the only signal: each level also carries a mark (▼▼ two or more short … ▲ above). */
function mark(t: Translator, gap: number | null): { glyph: string; words: string } | null {
  if (gap === null) return null
  if (gap <= -2) return { glyph: '▼▼', words: t.t('insights.heatmap.levelsShort', { count: -gap }) }
  if (gap === -1) return { glyph: '▼', words: t.t('insights.heatmap.oneShort') }
  if (gap === 0) return { glyph: '✓', words: t.t('insights.heatmap.meets') }
  return { glyph: '▲', words: t.t('insights.heatmap.above') }
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
  /** What "assign" did, per person and skill. */
  const [assigned, setAssigned] = useState<Record<string, { created: boolean; title: string; due: string }>>(
    {},
  )
  const [error, setError] = useState<unknown>(null)
  const t = useT()
  useEffect(() => {
    api.call('insights.managers').then(
      (list) => {
        setManagers(list)
        setManager(
          (current) => current || (list.find((m) => m.reports >= 4)?.employeeId ?? list[0]?.employeeId ?? ''),
        )
      },
      // Refused when the manager field is not tagged for development: say so rather than show an empty list.
      (e: unknown) => (setManagers([]), setError(e)),
    )
    api.call('succession.roles').then(setRoles, () => setRoles([]))
  }, [])
  useEffect(() => {
    if (!manager) return
    let live = true
    api.call('insights.teamHeatmap', requestFor(manager, target, roleId)).then(
      (m) => live && (setMap(m), setError(null)),
      (e: unknown) => live && setError(e),
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
          [`${employeeId}:${skillId}`]: {
            created: result.created,
            title: result.item.title,
            due: result.dueAt,
          },
        })),
      setError,
    )
  }

  return (
    <section className="insight-card" aria-label={t.t('insights.heatmap.region')}>
      <h2>{t.t('insights.heatmap.heading')}</h2>
      <div className="insight-form">
        <label>
          {t.t('insights.heatmap.manager')}
          <select
            aria-label={t.t('insights.heatmap.manager')}
            value={manager}
            onChange={(e) => setManager(e.target.value)}
          >
            {managers.map((m) => (
              <option key={m.employeeId} value={m.employeeId}>
                {m.name} ({m.reports})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.t('insights.heatmap.measuredAgainst')}
          <select
            aria-label={t.t('insights.heatmap.requirements')}
            value={roleId}
            onChange={(e) => setRoleId(e.target.value)}
          >
            <option value="">{t.t('insights.heatmap.oneLevel')}</option>
            {roles.map((r) => (
              <option key={r.roleId} value={String(r.roleId)}>
                {t.t('insights.heatmap.role', { title: r.title, count: r.requirements.length })}
              </option>
            ))}
          </select>
        </label>
        {roleId === '' && (
          <label>
            {t.t('insights.heatmap.requiredLevel')}
            <input
              type="number"
              aria-label={t.t('insights.heatmap.requiredLevel')}
              min={1}
              max={5}
              value={target}
              onChange={(e) => setTarget(Math.min(5, Math.max(1, Number(e.target.value) || 1)))}
            />
          </label>
        )}
      </div>
      {error !== null && <p className="error-text">{errorText(t, error)}</p>}
      {map && (
        <>
          <p className="muted">
            {t.m(map.requirementText)} {t.t('insights.heatmap.hint')}
          </p>
          <div className="heatmap-scroll">
            <table className="heatmap" aria-label={t.t('insights.heatmap.table')}>
              <thead>
                <tr>
                  <th>{t.t('insights.heatmap.person')}</th>
                  {map.skills.map((s) => (
                    <th
                      key={s.skillId}
                      title={
                        s.closedBy
                          ? t.t('insights.heatmap.closedBy', {
                              title: s.closedBy.title,
                              level: s.closedBy.level,
                            })
                          : t.t('insights.heatmap.noLearning')
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
                      const shown = mark(t, cell?.gap ?? null)
                      const done = assigned[key]
                      const gap = cell?.gap !== null && cell?.gap !== undefined && cell.gap < 0
                      return (
                        <td
                          key={s.skillId}
                          className={tone(cell?.gap ?? null)}
                          title={cell?.basis ?? t.t('insights.heatmap.noEvidence')}
                        >
                          {cell?.level ?? '—'}
                          {shown && (
                            <>
                              <span className="heat-mark" aria-hidden="true">
                                {shown.glyph}
                              </span>
                              <span className="sr-only">, {shown.words}</span>
                            </>
                          )}
                          {done ? (
                            <div className="small">
                              {done.created
                                ? t.t('insights.heatmap.assigned', { title: done.title, due: done.due })
                                : t.t('insights.heatmap.alreadyOpen', { title: done.title })}
                            </div>
                          ) : (
                            (gap || cell?.level === null) &&
                            s.closedBy && (
                              <button
                                type="button"
                                className="link small"
                                aria-label={t.t('insights.heatmap.assignTo', {
                                  title: s.closedBy.title,
                                  name: p.name,
                                })}
                                onClick={() => assign(p.employeeId, s.skillId, s.required)}
                              >
                                {t.t('insights.heatmap.assign')}
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
          <ExportButton view="heatmap" input={requestFor(manager, target, roleId)} onError={setError} />
        </>
      )}
    </section>
  )
}
