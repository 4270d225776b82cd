import type { MethodOutput, ParsedInput, PersonSortField } from '../../shared/contract'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { jobLevelShown } from './jobLevelSql'

/** Whitelisted ORDER BY expressions: sort fields come from the network and never reach SQL as text. */
const SORT_SQL: Record<PersonSortField, string> = {
  employeeId: 'p.employee_id',
  fullName: 'p.full_name COLLATE NOCASE',
  email: 'p.email COLLATE NOCASE',
  managerName: 'sort_manager COLLATE NOCASE',
  department: 'p.department COLLATE NOCASE',
  location: 'p.location COLLATE NOCASE',
  jobTitle: 'p.job_title COLLATE NOCASE',
  // By rank; levels of one rank (or none: "IC", "Band C") by their text.
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
  if (filter.jobLevel !== undefined) {
    params['jobLevel'] = filter.jobLevel
    conditions.push(`${jobLevelShown('p')} = :jobLevel COLLATE NOCASE`)
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
  const byLabel =
    input.sort.field === 'jobLevel' ? `, p.job_level_label COLLATE NOCASE ${direction} NULLS LAST` : ''
  const order = `${SORT_SQL[input.sort.field]} ${direction} NULLS LAST${byLabel}, p.employee_id ${direction}`
  const managerJoin = 'LEFT JOIN people m ON m.employee_id = p.manager_id'
  // A manager named by a file but not in the workspace sorts by that name.
  const page =
    input.sort.field === 'managerName'
      ? `SELECT p.*, coalesce(m.full_name, p.manager_name) AS sort_manager FROM people p ${managerJoin} ${where.sql}
         ORDER BY ${order} LIMIT :limit OFFSET :offset`
      : `SELECT p.*, NULL AS sort_manager FROM people p ${where.sql} ORDER BY ${order} LIMIT :limit OFFSET :offset`
  const rows = db
    .prepare(
      `SELECT p.employee_id AS employeeId, p.full_name AS fullName, p.email, p.manager_id AS managerId,
              m.full_name AS managerName,
              CASE WHEN m.employee_id IS NULL THEN coalesce(p.manager_name, p.manager_email) END AS managerOutside,
              p.department, p.location, p.job_title AS jobTitle,
              p.job_level AS jobLevel, ${jobLevelShown('p')} AS jobLevelText, p.hire_date AS hireDate
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
  const jobLevels = db
    .prepare(
      `SELECT ${jobLevelShown('people')} AS value, count(*) AS count FROM people
       WHERE job_level IS NOT NULL OR job_level_label IS NOT NULL
       GROUP BY value COLLATE NOCASE ORDER BY min(job_level) IS NULL, min(job_level), value COLLATE NOCASE`,
    )
    .all() as { value: string; count: number }[]
  return { departments: facet('department'), locations: facet('location'), jobLevels }
}
