import type { Candidate, CriticalRole, MethodOutput, ParsedInput } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { message } from '../../../shared/i18n/translate'
import { assessCandidate, benchStrength, type Readiness } from '../../../core/succession/readiness'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import { showSession } from '../calibration/sessionView'
import { roleRequirements, roleRow, roleRows, type SuccessionContext } from './roles'
import { skillProfiles, type PersonProfile } from './skillProfiles'

const ORDER: Record<Readiness, number> = { 'ready-now': 0, 'ready-1-2': 1, 'ready-3-plus': 2 }

/** Each person's box, label and flags from the most recent calibration session (finalized ones first). */
export function latestPlacements(
  db: WorkspaceDb,
): Map<string, { box: number; label: string; flags: string[] }> {
  const latest = db
    .prepare(
      "SELECT id FROM calibration_sessions ORDER BY status = 'finalized' DESC, created_at DESC LIMIT 1",
    )
    .get() as { id: string } | undefined
  if (!latest) return new Map()
  const view = showSession(db, latest.id)
  return new Map(
    view.placements.map((p) => [
      p.employeeId,
      {
        box: p.box,
        label: view.settings.labels[String(p.box)] ?? `Box ${p.box}`,
        flags: p.flags.map((f) => f.code),
      },
    ]),
  )
}

function closingItems(db: WorkspaceDb): Map<number, { activityId: string; title: string; level: number }[]> {
  const map = new Map<number, { activityId: string; title: string; level: number }[]>()
  for (const row of db
    .prepare(
      `SELECT s.skill_id AS skillId, i.activity_id AS activityId, i.title, s.level FROM learning_item_skills s
       JOIN learning_items i ON i.id = s.item_id ORDER BY s.level, i.title`,
    )
    .all() as { skillId: number; activityId: string; title: string; level: number }[]) {
    const { skillId, ...item } = row
    map.set(skillId, [...(map.get(skillId) ?? []), item])
  }
  return map
}

interface Population {
  profiles: PersonProfile[]
  placements: ReturnType<typeof latestPlacements>
  items: ReturnType<typeof closingItems>
}

function population(db: WorkspaceDb, asOf: string): Population {
  return { profiles: skillProfiles(db, asOf), placements: latestPlacements(db), items: closingItems(db) }
}

/** Everyone but the incumbent, ranked: readiness first, then fit, then name. */
function rankCandidates(db: WorkspaceDb, roleId: number, pop: Population): Candidate[] {
  const role = roleRow(db, roleId)
  const requirements = roleRequirements(db, roleId)
  const overrides = new Map(
    (
      db
        .prepare(
          `SELECT p.employee_id AS employeeId, o.readiness, o.reason, o.actor, o.at FROM readiness_overrides o
           JOIN people p ON p.id = o.person_id WHERE o.role_id = ?`,
        )
        .all(roleId) as {
        employeeId: string
        readiness: Readiness
        reason: string
        actor: string
        at: string
      }[]
    ).map((o) => [o.employeeId, o]),
  )
  return pop.profiles
    .filter((p) => p.employeeId !== role.incumbent)
    .map((p) => {
      const placed = pop.placements.get(p.employeeId)
      const fit = assessCandidate(p.levels, requirements, placed?.box ?? null)
      const override = overrides.get(p.employeeId)
      return {
        employeeId: p.employeeId,
        name: p.name,
        department: p.department,
        jobTitle: p.jobTitle,
        fitPercent: fit.fitPercent,
        readiness: override?.readiness ?? fit.readiness,
        computedReadiness: fit.readiness,
        readinessReason: fit.reason,
        readinessReasonText: fit.reasonText,
        override: override ? { reason: override.reason, actor: override.actor, at: override.at } : null,
        box: placed?.box ?? null,
        boxLabel: placed?.label ?? null,
        gaps: fit.gaps.map((g) => ({
          skill: g.skill,
          needed: g.needed,
          held: g.held,
          basis: p.levels.get(g.skillId)?.basis ?? null,
          basisText: p.levels.get(g.skillId)?.basisText ?? null,
          closedBy: (pop.items.get(g.skillId) ?? []).filter((i) => i.level >= g.needed),
        })),
        flags: placed?.flags ?? [],
      }
    })
    .sort(
      (a, b) =>
        ORDER[a.readiness] - ORDER[b.readiness] ||
        b.fitPercent - a.fitPercent ||
        a.name.localeCompare(b.name),
    )
}

export function roleCandidates(
  db: WorkspaceDb,
  input: ParsedInput<'succession.candidates'>,
  asOf: string,
): MethodOutput<'succession.candidates'> {
  return rankCandidates(db, input.roleId, population(db, asOf)).slice(0, input.limit)
}

/** Roles with bench strength over everyone's readiness (the ranked lists are cut only for display). */
export function listRoles(db: WorkspaceDb, asOf: string, roleIds?: readonly number[]): CriticalRole[] {
  const rows = roleRows(db, roleIds)
  if (rows.length === 0) return []
  const pop = population(db, asOf)
  return rows.map((r) => ({
    roleId: r.id,
    title: r.title,
    incumbent: r.incumbent,
    incumbentName: r.incumbent_name,
    risk: r.risk,
    impact: r.impact,
    requirements: roleRequirements(db, r.id),
    bench: benchStrength(rankCandidates(db, r.id, pop).map((c) => c.readiness)),
  }))
}

/** Ranked candidates per role, computed once for the report. */
export function candidatesByRole(
  db: WorkspaceDb,
  roleIds: readonly number[],
  asOf: string,
  limit: number,
): Map<number, Candidate[]> {
  const pop = population(db, asOf)
  return new Map(roleIds.map((id) => [id, rankCandidates(db, id, pop).slice(0, limit)]))
}

export function setReadiness(
  input: ParsedInput<'succession.setReadiness'>,
  ctx: SuccessionContext,
): MethodOutput<'succession.setReadiness'> {
  const { db } = ctx
  roleRow(db, input.roleId)
  const person = db.prepare('SELECT id FROM people WHERE employee_id = ?').get(input.employeeId) as
    { id: number } | undefined
  if (!person)
    throw new AppError('INVALID_INPUT', message('succession.errors.noPerson', { id: input.employeeId }), {
      employeeId: input.employeeId,
    })
  db.transaction(() => {
    db.prepare(
      `INSERT INTO readiness_overrides (role_id, person_id, readiness, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (role_id, person_id) DO UPDATE SET readiness = excluded.readiness, reason = excluded.reason,
         actor = excluded.actor, at = excluded.at`,
    ).run(input.roleId, person.id, input.readiness, input.reason, ctx.actor, ctx.now.toISOString())
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'succession.setReadiness',
        entityType: 'critical_role',
        entityId: String(input.roleId),
        after: { employeeId: input.employeeId, readiness: input.readiness },
        reason: input.reason,
      },
      ctx.now,
    )
  })()
  return { readiness: input.readiness }
}

/** Every candidate for a role, ranked (no display limit). */
export function rankedCandidates(db: WorkspaceDb, roleId: number, asOf: string): Candidate[] {
  return rankCandidates(db, roleId, population(db, asOf))
}
