import type { MethodOutput, ParsedInput, PersonSortField } from '../../shared/contract'
import type { WorkspaceDb } from '../db/openWorkspaceDb'

/** Whitelisted ORDER BY expressions: sort fields come from the network and never reach SQL as text. */
const SORT_SQL: Record<PersonSortField, string> = {
  employeeId: 'p.employee_id',
  fullName: 'p.full_name COLLATE NOCASE',
  email: 'p.email COLLATE NOCASE',
  managerName: 'manager_name COLLATE NOCASE',
  department: 'p.department COLLATE NOCASE',
  location: 'p.location COLLATE NOCASE',
  jobTitle: 'p.job_title COLLATE NOCASE',
  jobLevel: 'p.job_level',
  hireDate: 'p.hire_date',
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function whereClause(filter: ParsedInput<'people.list'>['filter']): {
  sql: string
  params: Record<string, string>
} {
  const conditions: string[] = []
  const params: Record<string, string> = {}
  const text = filter.text?.trim()
  if (text) {
    params['like'] = `%${escapeLike(text)}%`
    conditions.push(
      `(p.full_name LIKE :like ESCAPE '\\' OR p.employee_id LIKE :like ESCAPE '\\'
        OR p.email LIKE :like ESCAPE '\\' OR p.job_title LIKE :like ESCAPE '\\')`,
    )
  }
  if (filter.department !== undefined) {
    params['department'] = filter.department
    conditions.push('p.department = :department COLLATE NOCASE')
  }
  if (filter.location !== undefined) {
    params['location'] = filter.location
    conditions.push('p.location = :location COLLATE NOCASE')
  }
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params }
}

/**
 * One page of people. The page is cut from `people` alone (an index walk for every sortable column but the
 * manager's name) and only its 200 rows are joined to their managers, so a page deep into 100k people does not
 * pay for joining every row it skips.
 */
export function listPeople(db: WorkspaceDb, input: ParsedInput<'people.list'>): MethodOutput<'people.list'> {
  const where = whereClause(input.filter)
  const total = (
    db.prepare(`SELECT count(*) AS n FROM people p ${where.sql}`).get(where.params) as { n: number }
  ).n
  const direction = input.sort.direction === 'desc' ? 'DESC' : 'ASC'
  const order = `${SORT_SQL[input.sort.field]} ${direction} NULLS LAST, p.employee_id ${direction}`
  const managerJoin = 'LEFT JOIN people m ON m.employee_id = p.manager_id'
  const page =
    input.sort.field === 'managerName'
      ? `SELECT p.*, m.full_name AS manager_name FROM people p ${managerJoin} ${where.sql} ORDER BY ${order}
         LIMIT :limit OFFSET :offset`
      : `SELECT p.*, NULL AS manager_name FROM people p ${where.sql} ORDER BY ${order} LIMIT :limit OFFSET :offset`
  const rows = db
    .prepare(
      `SELECT p.employee_id AS employeeId, p.full_name AS fullName, p.email, p.manager_id AS managerId,
              m.full_name AS managerName, p.department, p.location, p.job_title AS jobTitle,
              p.job_level AS jobLevel, p.hire_date AS hireDate
       FROM (${page}) p ${managerJoin}
       ORDER BY ${order}`,
    )
    .all({ ...where.params, limit: input.limit, offset: input.offset }) as MethodOutput<'people.list'>['rows']
  return { total, rows }
}

export function peopleFacets(db: WorkspaceDb): MethodOutput<'people.facets'> {
  const facet = (column: 'department' | 'location') =>
    db
      .prepare(
        `SELECT ${column} AS value, count(*) AS count FROM people WHERE ${column} IS NOT NULL
         GROUP BY ${column} COLLATE NOCASE ORDER BY ${column} COLLATE NOCASE`,
      )
      .all() as { value: string; count: number }[]
  return { departments: facet('department'), locations: facet('location') }
}
