import type { CalibrationView, Placement } from '../../../../shared/contract'
import type { Translator } from '../../i18n'
import { flagName } from './labels'

/** One person in the box, as the table shows and searches them. */
export interface Line {
  employeeId: string
  name: string
  title: string
  department: string
  manager: string
  rating: number | null
  potential: string
  flags: string
  moved: boolean
  search: string
  /** Each text column lower-cased once, for sorting (the text sort lower-cased both sides of every comparison). */
  lower: Readonly<Record<TextColumn, string>>
}
export type ColumnId = Exclude<keyof Line, 'employeeId' | 'search' | 'lower'>
export type TextColumn = Exclude<ColumnId, 'rating' | 'moved'>

export function cellText(t: Translator, line: Line, id: ColumnId): string {
  const value = line[id]
  if (id === 'rating') return value === null ? t.t('drilldown.table.none') : (value as number).toFixed(1)
  if (id === 'moved') return value ? t.t('drilldown.table.moved') : t.t('drilldown.table.notMoved')
  return value === '' ? t.t('drilldown.table.none') : String(value)
}

/**
 * A box's people as table lines. Each line is kept per placement object: a move shown on the grid keeps every other
 * placement as it was, so a 9,000-person box rebuilds one line, not all of them.
 */
export function linesOf(
  t: Translator,
  view: CalibrationView,
  people: readonly Placement[],
  made: WeakMap<Placement, Line>,
): Line[] {
  const managers = new Map((view.org?.managers ?? []).map((m) => [m.employeeId, m.name]))
  // Only a view without its org chain needs the names of everyone (a manager outside the chain is not named).
  let names: Map<string, string> | null = null
  const colleague = (employeeId: string): string | undefined =>
    (names ??= new Map(view.placements.map((p) => [p.employeeId, p.name]))).get(employeeId)
  return people.map((p) => {
    const known = made.get(p)
    if (known) return known
    const manager =
      p.managerId === null
        ? t.t('drilldown.table.noManager')
        : (managers.get(p.managerId) ?? colleague(p.managerId) ?? t.t('drilldown.table.hiddenManager'))
    const line = {
      employeeId: p.employeeId,
      name: p.name,
      title: view.org?.titles[p.employeeId] ?? '',
      department: p.department ?? t.t('drilldown.table.noDepartment'),
      manager,
      rating: p.performance.value,
      potential: t.t(`calibration.level.${p.potential.level}`),
      flags: p.flags.map((f) => flagName(t, f.code)).join(', '),
      moved: p.source === 'moved',
    }
    const searchable = {
      ...line,
      search: [line.name, line.title, line.department, line.manager, line.flags].join(' ').toLowerCase(),
      lower: {
        name: line.name.toLowerCase(),
        title: line.title.toLowerCase(),
        department: line.department.toLowerCase(),
        manager: line.manager.toLowerCase(),
        potential: line.potential.toLowerCase(),
        flags: line.flags.toLowerCase(),
      },
    }
    made.set(p, searchable)
    return searchable
  })
}
