import { useMemo } from 'react'
import type { CalibrationView, Placement } from '../../../../shared/contract'

export interface Filters {
  department: string
  manager: string
  flag: string
  box: string
}
export const NO_FILTERS: Filters = { department: '', manager: '', flag: '', box: '' }

export function matchesFilters(p: Placement, f: Filters): boolean {
  return (
    (f.department === '' || p.department === f.department) &&
    (f.manager === '' || p.managerId === f.manager) &&
    (f.flag === '' || p.flags.some((flag) => flag.code === f.flag)) &&
    (f.box === '' || p.box === Number(f.box))
  )
}

const distinct = (values: (string | null)[]): string[] =>
  [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) => a.localeCompare(b))

/** Narrows what the grid highlights; people who do not match are dimmed, never hidden from the counts. */
export function SessionFilters({
  view,
  filters,
  onChange,
}: {
  view: CalibrationView
  filters: Filters
  onChange: (filters: Filters) => void
}): React.JSX.Element {
  const options = useMemo(
    () => ({
      department: distinct(view.placements.map((p) => p.department)),
      manager: distinct(view.placements.map((p) => p.managerId)),
      flag: distinct(view.placements.flatMap((p) => p.flags.map((f) => f.code))),
      box: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    }),
    [view.placements],
  )
  const matching = view.placements.filter((p) => matchesFilters(p, filters)).length
  const active = Object.values(filters).some((v) => v !== '')
  const select = (key: keyof Filters, label: string) => (
    <label className="inline">
      {label}{' '}
      <select value={filters[key]} onChange={(e) => onChange({ ...filters, [key]: e.target.value })}>
        <option value="">All</option>
        {options[key].map((o) => (
          <option key={o} value={o}>
            {key === 'flag' ? o.replaceAll('_', ' ').toLowerCase() : o}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <div className="session-filters" role="group" aria-label="Filters">
      {select('department', 'Department')}
      {select('manager', 'Manager')}
      {select('flag', 'Flag')}
      {select('box', 'Box')}
      {active && (
        <>
          <span className="muted" data-testid="filter-count">
            {matching} of {view.placements.length} match
          </span>
          <button type="button" className="link" onClick={() => onChange(NO_FILTERS)}>
            Clear
          </button>
        </>
      )}
    </div>
  )
}
