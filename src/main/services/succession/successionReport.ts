import { translator, type Locale } from '../../../shared/i18n/translate'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { candidatesByRole, latestPlacements, listRoles } from './candidates'
import { listPools } from './pools'
import { writeSuccessionWorkbook, type PoolMember } from './successionWorkbook'

/** Candidates per role sheet in the report. */
const REPORT_CANDIDATES = 10

/** Writes the succession report for the given roles (all when none are named). */
export async function exportSuccessionReport(
  db: WorkspaceDb,
  path: string,
  asOf: string,
  roleIds?: readonly number[],
  locale: Locale = 'en',
): Promise<{ roles: number }> {
  const { t } = translator(locale)
  const roles = listRoles(db, asOf, roleIds)
  const candidates = candidatesByRole(
    db,
    roles.map((r) => r.roleId),
    asOf,
    REPORT_CANDIDATES,
  )
  const people = new Map(
    (
      db
        .prepare(
          'SELECT employee_id AS employeeId, coalesce(full_name, employee_id) AS name, department FROM people',
        )
        .all() as {
        employeeId: string
        name: string
        department: string | null
      }[]
    ).map((p) => [p.employeeId, p]),
  )
  const pools: PoolMember[] = []
  const latest = latestPlacements(db)
  for (const [employeeId, placed] of latest) {
    const person = people.get(employeeId)
    if (!person) continue
    if (placed.box === 9) pools.push({ pool: t('succession.export.pool.stars'), ...person, box: placed.box })
    if (placed.flags.includes('HIDDEN_GEM'))
      pools.push({ pool: t('succession.export.pool.gems'), ...person, box: placed.box })
  }
  for (const pool of listPools(db))
    for (const member of pool.members)
      pools.push({ pool: pool.name, ...member, box: latest.get(member.employeeId)?.box ?? null })
  pools.sort((a, b) => a.pool.localeCompare(b.pool) || a.name.localeCompare(b.name))
  await writeSuccessionWorkbook(path, asOf, roles, candidates, pools, locale)
  return { roles: roles.length }
}
