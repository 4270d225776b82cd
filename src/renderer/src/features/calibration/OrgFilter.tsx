import { memo, useMemo, useState } from 'react'
import type { CalibrationView, SessionOrg } from '../../../../shared/contract'
import { message, type Message } from '../../../../shared/i18n/translate'
import { useT, type Translator } from '../../i18n'

type Manager = SessionOrg['managers'][number]

/** Each manager's chain upwards, nearest first (a loop in bad data is walked once). */
function chainAbove(byId: ReadonlyMap<string, Manager>, employeeId: string | null): string[] {
  const chain: string[] = []
  for (let up = employeeId; up !== null && !chain.includes(up); up = byId.get(up)?.managerId ?? null)
    chain.push(up)
  return chain
}

/** Managers in tree order (each followed by their reports), with their depth, biggest teams first among siblings. */
function treeOrder(managers: readonly Manager[]): { manager: Manager; depth: number }[] {
  const byId = new Map(managers.map((m) => [m.employeeId, m]))
  const children = new Map<string | null, Manager[]>()
  for (const m of managers) {
    const parent = m.managerId !== null && byId.has(m.managerId) ? m.managerId : null
    const siblings = children.get(parent)
    if (siblings) siblings.push(m)
    else children.set(parent, [m])
  }
  const ordered: { manager: Manager; depth: number }[] = []
  const seen = new Set<string>()
  const visit = (parent: string | null, depth: number): void => {
    for (const m of (children.get(parent) ?? []).sort((a, b) => b.members - a.members)) {
      if (seen.has(m.employeeId)) continue
      seen.add(m.employeeId)
      ordered.push({ manager: m, depth })
      visit(m.employeeId, depth + 1)
    }
  }
  visit(null, 0)
  return ordered
}

/** A manager's team in words and one number: the list's option and the line under it say it alike. */
function team(translator: Translator, m: Manager): Message {
  return message('drilldown.org.team', {
    name: m.name ?? translator.t('drilldown.table.hiddenManager'),
    count: m.members + (m.inSession === true ? 1 : 0),
  })
}

/**
 * The session narrowed to one manager's subtree (the manager and everyone reporting to them, directly or not): the
 * grid draws only them, with each box's target scaled to the team. Null while the view loads.
 */
export function useOrgScope(view: CalibrationView | null): {
  manager: string | null
  setManager: (employeeId: string | null) => void
  shown: CalibrationView | null
} {
  const [manager, setManager] = useState<string | null>(null)
  const shown = useMemo(() => {
    if (!view || manager === null || !view.org) return view
    const byId = new Map(view.org.managers.map((m) => [m.employeeId, m]))
    const team = view.placements.filter(
      (p) => p.employeeId === manager || chainAbove(byId, p.managerId).includes(manager),
    )
    return {
      ...view,
      placements: team,
      distribution: view.distribution.map((d) => ({
        ...d,
        actual: team.filter((p) => p.box === d.box).length,
        targetCount: Math.round((d.targetPercent / 100) * team.length),
        // Off-target marks are the whole session's; a team's share is not judged against them.
        deviation: 'on-target' as const,
      })),
    }
  }, [view, manager])
  return { manager, setManager, shown }
}

/** Pick a manager (in reporting order) and the grid shows their team; the chain above lets the user step up. */
export const OrgFilter = memo(function OrgFilter({
  view,
  shown,
  manager,
  onChange,
}: {
  view: CalibrationView
  shown: CalibrationView
  manager: string | null
  onChange: (employeeId: string | null) => void
}): React.JSX.Element | null {
  const translator = useT()
  const { t } = translator
  const managers = view.org?.managers
  const ordered = useMemo(() => treeOrder(managers ?? []), [managers])
  const byId = useMemo(() => new Map((managers ?? []).map((m) => [m.employeeId, m])), [managers])
  // A company has thousands of managers: their options are made once per org, not on every move. Each says the team
  // as the grid will draw it (everyone below the manager, and the manager when in the session too), so the number in
  // the list is the number the line under it says once chosen.
  const options = useMemo(
    () =>
      ordered.map(({ manager: m, depth }) => (
        <option key={m.employeeId} value={m.employeeId}>
          {'\u00a0\u00a0'.repeat(depth)}
          {translator.m(team(translator, m))}
        </option>
      )),
    [ordered, translator],
  )
  if (!managers || managers.length === 0) return null
  const nameOf = (employeeId: string): string =>
    byId.get(employeeId)?.name ?? t('drilldown.table.hiddenManager')
  const above = manager === null ? [] : chainAbove(byId, byId.get(manager)?.managerId ?? null).reverse()
  return (
    <div className="org-filter" role="group" aria-label={t('drilldown.org.chain')}>
      <label className="inline">
        {t('drilldown.org.label')}{' '}
        <select
          data-testid="org-filter"
          value={manager ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('drilldown.org.whole')}</option>
          {options}
        </select>
      </label>
      {manager !== null && (
        <>
          {above.length > 0 && (
            <nav className="org-chain" aria-label={t('drilldown.org.chain')}>
              {above.map((id) => (
                <button key={id} type="button" className="link" onClick={() => onChange(id)}>
                  {t('drilldown.org.up', { name: nameOf(id) })}
                </button>
              ))}
            </nav>
          )}
          <span className="muted" data-testid="org-count">
            {t('drilldown.org.showing', {
              team: message('drilldown.org.team', { name: nameOf(manager), count: shown.placements.length }),
            })}
          </span>
          <button type="button" className="link" onClick={() => onChange(null)}>
            {t('drilldown.org.clear')}
          </button>
        </>
      )}
    </div>
  )
})
