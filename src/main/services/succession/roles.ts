import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { message, type Message } from '../../../shared/i18n/translate'
import { matchSkill } from '../../../core/skills/normalise'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import { ontologySkills } from './skillProfiles'

export interface SuccessionContext {
  db: WorkspaceDb
  actor: string
  now: Date
}

interface RoleRow {
  id: number
  title: string
  incumbent: string | null
  incumbent_name: string | null
  risk: 'low' | 'medium' | 'high'
  impact: 'low' | 'medium' | 'high'
}

export function roleRequirements(
  db: WorkspaceDb,
  roleId: number,
): { skillId: number; skill: string; minLevel: number }[] {
  return db
    .prepare(
      `SELECT rs.skill_id AS skillId, s.name AS skill, rs.min_level AS minLevel FROM role_skills rs
       JOIN skills s ON s.id = rs.skill_id WHERE rs.role_id = ? ORDER BY rs.min_level DESC, s.name`,
    )
    .all(roleId) as { skillId: number; skill: string; minLevel: number }[]
}

export function roleRows(db: WorkspaceDb, roleIds?: readonly number[]): RoleRow[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.title, r.incumbent, coalesce(p.full_name, p.employee_id) AS incumbent_name, r.risk, r.impact
       FROM critical_roles r LEFT JOIN people p ON p.employee_id = r.incumbent ORDER BY r.title COLLATE NOCASE`,
    )
    .all() as RoleRow[]
  return roleIds ? rows.filter((r) => roleIds.includes(r.id)) : rows
}

export function roleRow(db: WorkspaceDb, roleId: number): RoleRow {
  const row = roleRows(db).find((r) => r.id === roleId)
  if (!row)
    throw new AppError('NOT_FOUND', message('succession.errors.noRole', { id: String(roleId) }), { roleId })
  return row
}

/** "A" or "B" or "C", in the user's language. */
function alternatives(names: readonly Message[]): Message {
  const [first = message('succession.errors.quoted', { name: '' }), ...rest] = names
  return rest.length === 0 ? first : message('succession.errors.or', { first, rest: alternatives(rest) })
}

/** Required skills are resolved through the ontology; an unknown name is refused with the closest skills named. */
export function createRole(
  input: ParsedInput<'succession.createRole'>,
  ctx: SuccessionContext,
): MethodOutput<'succession.createRole'> {
  const { db } = ctx
  const skills = ontologySkills(db)
  const resolved = input.requirements.map((r) => {
    const match = matchSkill(r.skill, skills)
    if (match.kind === 'unknown')
      throw new AppError(
        'INVALID_INPUT',
        match.suggestions.length
          ? message('succession.errors.unknownSkillSuggest', {
              skill: r.skill,
              suggestions: alternatives(
                match.suggestions.map((s) => message('succession.errors.quoted', { name: s.name })),
              ),
            })
          : message('succession.errors.unknownSkill', { skill: r.skill }),
        { skill: r.skill, suggestions: match.suggestions },
      )
    return { skillId: match.skillId, minLevel: r.minLevel }
  })
  if (input.incumbent && !db.prepare('SELECT 1 FROM people WHERE employee_id = ?').get(input.incumbent))
    throw new AppError('INVALID_INPUT', message('succession.errors.noIncumbent', { id: input.incumbent }), {
      incumbent: input.incumbent,
    })
  let roleId = 0
  db.transaction(() => {
    roleId = Number(
      db
        .prepare(
          'INSERT INTO critical_roles (title, incumbent, risk, impact, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(input.title, input.incumbent ?? null, input.risk, input.impact, ctx.now.toISOString())
        .lastInsertRowid,
    )
    const add = db.prepare(
      'INSERT INTO role_skills (role_id, skill_id, min_level) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET min_level = max(min_level, excluded.min_level)',
    )
    for (const r of resolved) add.run(roleId, r.skillId, r.minLevel)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'succession.createRole',
        entityType: 'critical_role',
        entityId: String(roleId),
        after: input,
      },
      ctx.now,
    )
  })()
  return { roleId }
}

export function deleteRole(roleId: number, ctx: SuccessionContext): MethodOutput<'succession.deleteRole'> {
  const { db } = ctx
  const before = roleRow(db, roleId)
  db.transaction(() => {
    db.prepare('DELETE FROM critical_roles WHERE id = ?').run(roleId)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'succession.deleteRole',
        entityType: 'critical_role',
        entityId: String(roleId),
        before,
      },
      ctx.now,
    )
  })()
  return { deleted: true }
}
