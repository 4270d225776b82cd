import { memo, useMemo } from 'react'
import type { CalibrationView, FlagCode, Placement } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { flagName } from './labels'
import { rosterFact } from '../../../../core/calibration/rosterFacts'

export interface Filters {
  department: string
  manager: string
  flag: string
  box: string
  /** 'big': only big movers since the previous cycle (the BIG_MOVER flag). */
  movers: '' | 'big'
  /** In a roll-up: only the people this child session placed (its ID). */
  session: string
}
export const NO_FILTERS: Filters = { department: '', manager: '', flag: '', box: '', movers: '', session: '' }

/** The manager a person is filtered by: their ID, or the name a file gave for a manager outside the workspace. */
const managerKey = (p: Placement): string | null => p.managerId ?? p.managerName ?? null

export function matchesFilters(p: Placement, f: Filters): boolean {
  return (
    (f.department === '' || p.department === f.department) &&
    (f.manager === '' || managerKey(p) === f.manager) &&
    (f.flag === '' || p.flags.some((flag) => flag.code === f.flag)) &&
    (f.box === '' || p.box === Number(f.box)) &&
    (f.movers === '' || p.flags.some((flag) => flag.code === 'BIG_MOVER')) &&
    (f.session === '' || p.fromSession === f.session)
  )
}

/** One collator for every sort here: localeCompare builds one per call, which thousands of managers feel. */
const collator = new Intl.Collator()

/** Narrows what the grid highlights; people who do not match are dimmed, never hidden from the counts. */
export const SessionFilters = memo(function SessionFilters({
  view,
  filters,
  onChange,
}: {
  view: CalibrationView
  filters: Filters
  onChange: (filters: Filters) => void
}): React.JSX.Element {
  // One pass over the placements for every list, as text: a move changes the placements but not who is in which
  // department or under which manager, so the lists are sorted again only when that text changes.
  const found = useMemo(
    () =>
      rosterFact(view.placements, 'filter-lists', () => {
        const departments = new Set<string>()
        const flags = new Set<string>()
        const names = new Map<string, string>()
        for (const p of view.placements) {
          if (p.department !== null) departments.add(p.department)
          for (const f of p.flags) flags.add(f.code)
          const key = managerKey(p)
          if (key !== null && !names.has(key)) names.set(key, p.managerName ?? key)
        }
        return JSON.stringify([[...departments], [...flags], [...names]])
      }),
    [view.placements],
  )
  const { managerNames, options } = useMemo(() => {
    const [departments, flags, managers] = JSON.parse(found) as [string[], string[], [string, string][]]
    const names = new Map(managers)
    return {
      managerNames: names,
      options: {
        department: departments.sort(collator.compare),
        // Managers by name, in the order people read them (blind mode: their pseudonyms).
        manager: [...names.keys()].sort(
          (a, b) => collator.compare(names.get(a) ?? a, names.get(b) ?? b) || collator.compare(a, b),
        ),
        flag: flags.sort(collator.compare),
        box: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
      },
    }
  }, [found])
  const translator = useT()
  const { t } = translator
  const active = Object.values(filters).some((v) => v !== '')
  const matching = active ? view.placements.filter((p) => matchesFilters(p, filters)).length : 0
  // Each list as value and label. A move changes the placements but rarely these lists; comparing them as text keeps
  // thousands of manager options from being rebuilt on every move of a 50,000-person session.
  const listed = JSON.stringify(
    (['department', 'manager', 'flag', 'box'] as const).map((key) =>
      options[key].map((o) => [
        o,
        key === 'flag'
          ? flagName(translator, o as FlagCode)
          : key === 'manager'
            ? (managerNames.get(o) ?? o)
            : o,
      ]),
    ),
  )
  const optionElements = useMemo(
    () =>
      (JSON.parse(listed) as [string, string][][]).map((list) =>
        list.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        )),
      ),
    [listed],
  )
  const select = (key: Exclude<keyof Filters, 'movers' | 'session'>, at: number, label: string) => (
    <label className="inline">
      {label}{' '}
      <select value={filters[key]} onChange={(e) => onChange({ ...filters, [key]: e.target.value })}>
        <option value="">{t('calibration.filters.all')}</option>
        {optionElements[at]}
      </select>
    </label>
  )
  return (
    <div className="session-filters" role="group" aria-label={t('calibration.filters.label')}>
      {select('department', 0, t('calibration.filters.department'))}
      {select('manager', 1, t('calibration.filters.manager'))}
      {select('flag', 2, t('calibration.filters.flag'))}
      {select('box', 3, t('calibration.filters.box'))}
      {view.rollupOf && view.rollupOf.length > 0 && (
        <label className="inline">
          {t('calibration.rollup.placedIn')}{' '}
          <select value={filters.session} onChange={(e) => onChange({ ...filters, session: e.target.value })}>
            <option value="">{t('calibration.filters.all')}</option>
            {view.rollupOf.map((c) => (
              <option key={c.sessionId} value={c.sessionId}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {view.previousCycle && (
        <label className="inline checkbox">
          <input
            type="checkbox"
            checked={filters.movers === 'big'}
            onChange={(e) => onChange({ ...filters, movers: e.target.checked ? 'big' : '' })}
          />{' '}
          {t('calibration.filters.bigMovers')}
        </label>
      )}
      {active && (
        <>
          <span className="muted" data-testid="filter-count">
            {t('calibration.filters.matching', { matching, total: view.placements.length })}
          </span>
          <button type="button" className="link" onClick={() => onChange(NO_FILTERS)}>
            {t('calibration.filters.clear')}
          </button>
        </>
      )}
    </div>
  )
})
