import type { MethodOutput, ParsedInput, PersonSortField } from '../../shared/contract'
import type { WorkspaceDb } from '../db/openWorkspaceDb'

/** Whitelisted ORDER BY expressions: sort fields come from the network and never reach SQL as text. */
const SORT_SQL: Record<PersonSortField, string> = {
  employeeId: 'p.employee_id',
  fullName: 'p.full_name COLLATE NOCASE',
  email: 'p.email COLLATE NOCASE',
  managerName: 'm.full_name COLLATE NOCASE',
  department: 'p.department COLLATE NOCASE',
  location: 'p.location COLLATE NOCASE',
  jobTitle: 'p.job_title COLLATE NOCASE',
  jobLevel: 'p.job_level',
  hireDate: 'p.hire_date',
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export function listPeople(db: WorkspaceDb, input: ParsedInput<'people.list'>): MethodOutput<'people.list'> {
  const text = input.filter.text?.trim()
  const params = {
    like: text ? `%${escapeLike(text)}%` : null,
    department: input.filter.department ?? null,
    location: input.filter.location ?? null,
    limit: input.limit,
    offset: input.offset,
  }
  const where = `
    WHERE (:like IS NULL OR p.full_name LIKE :like ESCAPE '\\' OR p.employee_id LIKE :like ESCAPE '\\'
           OR p.email LIKE :like ESCAPE '\\' OR p.job_title LIKE :like ESCAPE '\\')
      AND (:department IS NULL OR p.department = :department)
      AND (:location IS NULL OR p.location = :location)`
  const { limit: _l, offset: _o, ...countParams } = params
  const total = (db.prepare(`SELECT count(*) AS n FROM people p ${where}`).get(countParams) as { n: number })
    .n
  const direction = input.sort.direction === 'desc' ? 'DESC' : 'ASC'
  const rows = db
    .prepare(
      `SELECT p.employee_id AS employeeId, p.full_name AS fullName, p.email, p.manager_id AS managerId,
              m.full_name AS managerName, p.department, p.location, p.job_title AS jobTitle,
              p.job_level AS jobLevel, p.hire_date AS hireDate
       FROM people p LEFT JOIN people m ON m.employee_id = p.manager_id
       ${where}
       ORDER BY ${SORT_SQL[input.sort.field]} ${direction} NULLS LAST, p.employee_id
       LIMIT :limit OFFSET :offset`,
    )
    .all(params) as MethodOutput<'people.list'>['rows']
  return { total, rows }
}

export function peopleFacets(db: WorkspaceDb): MethodOutput<'people.facets'> {
  const facet = (column: 'department' | 'location') =>
    db
      .prepare(
        `SELECT ${column} AS value, count(*) AS count FROM people WHERE ${column} IS NOT NULL
         GROUP BY ${column} ORDER BY ${column} COLLATE NOCASE`,
      )
      .all() as { value: string; count: number }[]
  return { departments: facet('department'), locations: facet('location') }
}
