import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { english, message, type Message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { addDays } from '../../../core/dates'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { writeAction } from '../rules/outbox'
import type { RulesContext } from '../rules/ruleStore'
import { skillProfiles } from '../succession/skillProfiles'

type Heatmap = MethodOutput<'insights.teamHeatmap'>

export function managersWithReports(db: WorkspaceDb): MethodOutput<'insights.managers'> {
  return db
    .prepare(
      `SELECT m.employee_id AS employeeId, coalesce(m.full_name, m.employee_id) AS name, count(*) AS reports
       FROM people p JOIN people m ON m.employee_id = p.manager_id
       WHERE p.exit_date IS NULL GROUP BY m.id ORDER BY name COLLATE NOCASE`,
    )
    .all() as MethodOutput<'insights.managers'>
}

/**
 * The item that evidences a skill at the level asked (the lowest such level; a course before anything else), or,
 * when nothing reaches it, the one that gets closest.
 */
function closingItem(
  db: WorkspaceDb,
  skillId: number,
  required: number,
): Heatmap['skills'][number]['closedBy'] {
  return (
    (db
      .prepare(
        `SELECT i.activity_id AS activityId, i.title, s.level FROM learning_item_skills s
         JOIN learning_items i ON i.id = s.item_id
         WHERE s.skill_id = ?
         ORDER BY s.level >= ? DESC, CASE WHEN s.level >= ? THEN s.level ELSE -s.level END,
                  i.activity_type <> 'course', i.title
         LIMIT 1`,
      )
      .get(skillId, required, required) as Heatmap['skills'][number]['closedBy'] | undefined) ?? null
  )
}

/**
 * A manager's direct reports against the skills that matter: a critical role's required skills and levels, or the
 * skills the team has most evidence for against one target level. Levels come from the same evidence rule as
 * succession (newest assessment over older ratings; an expired certification stops counting).
 */
export function teamHeatmap(
  db: WorkspaceDb,
  input: ParsedInput<'insights.teamHeatmap'>,
  asOf: string,
): Heatmap {
  const manager = db
    .prepare(
      'SELECT employee_id AS employeeId, coalesce(full_name, employee_id) AS name FROM people WHERE employee_id = ?',
    )
    .get(input.manager) as Heatmap['manager'] | undefined
  if (!manager)
    throw new AppError('NOT_FOUND', message('insights.errors.noPerson', { employeeId: input.manager }))
  const ids = (
    db
      .prepare(
        'SELECT id FROM people WHERE manager_id = ? AND exit_date IS NULL ORDER BY full_name COLLATE NOCASE',
      )
      .all(input.manager) as { id: number }[]
  ).map((r) => r.id)
  const profiles = skillProfiles(db, asOf, ids)
  let skills: { skillId: number; name: string; required: number }[]
  let requirement: Message
  if (input.roleId !== undefined) {
    const role = db.prepare('SELECT title FROM critical_roles WHERE id = ?').get(input.roleId) as
      { title: string } | undefined
    if (!role)
      throw new AppError('NOT_FOUND', message('insights.errors.noRole', { roleId: String(input.roleId) }))
    skills = db
      .prepare(
        `SELECT r.skill_id AS skillId, s.name, r.min_level AS required FROM role_skills r JOIN skills s ON s.id = r.skill_id
         WHERE r.role_id = ? ORDER BY s.name`,
      )
      .all(input.roleId) as typeof skills
    requirement = message('insights.heatmap.roleRequires', { role: role.title })
  } else {
    const frequency = new Map<number, number>()
    for (const p of profiles)
      for (const skillId of p.levels.keys()) frequency.set(skillId, (frequency.get(skillId) ?? 0) + 1)
    const top = [...frequency].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, input.maxSkills)
    const names = new Map(
      (db.prepare('SELECT id, name FROM skills').all() as { id: number; name: string }[]).map((s) => [
        s.id,
        s.name,
      ]),
    )
    skills = top
      .map(([skillId]) => ({
        skillId,
        name: names.get(skillId) ?? `#${skillId}`,
        required: input.targetLevel,
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
    requirement = message('insights.heatmap.levelIn', { level: input.targetLevel, count: skills.length })
  }
  const byId = new Map(profiles.map((p) => [p.personId, p]))
  const people = ids.map((id) => byId.get(id)).filter((p) => p !== undefined)
  return {
    manager,
    requirement: english(requirement),
    requirementText: requirement,
    people: people.map((p) => ({ employeeId: p.employeeId, name: p.name, jobTitle: p.jobTitle })),
    skills: skills.map((s) => ({ ...s, closedBy: closingItem(db, s.skillId, s.required) })),
    cells: people.map((p) =>
      skills.map((s) => {
        const held = p.levels.get(s.skillId)
        return held
          ? { level: held.level, basis: held.basis, gap: held.level - s.required }
          : { level: null, basis: null, gap: null }
      }),
    ),
  }
}

/** One click in the heatmap: the learning that closes this gap, assigned through the outbox (never twice). */
export function assignFromHeatmap(
  input: ParsedInput<'insights.assign'>,
  ctx: RulesContext,
): MethodOutput<'insights.assign'> {
  const { db } = ctx
  const person = db.prepare('SELECT id FROM people WHERE employee_id = ?').get(input.employeeId) as
    { id: number } | undefined
  if (!person)
    throw new AppError('NOT_FOUND', message('insights.errors.noPerson', { employeeId: input.employeeId }))
  const skill = db.prepare('SELECT name FROM skills WHERE id = ?').get(input.skillId) as
    { name: string } | undefined
  if (!skill)
    throw new AppError('NOT_FOUND', message('insights.errors.noSkillId', { skillId: String(input.skillId) }))
  const item = closingItem(db, input.skillId, input.required)
  if (!item) throw new AppError('INVALID_INPUT', message('insights.errors.noMapping', { skill: skill.name }))
  const itemRow = db.prepare('SELECT id FROM learning_items WHERE activity_id = ?').get(item.activityId) as {
    id: number
  }
  const dueAt = addDays(ctx.now.toISOString().slice(0, 10), input.dueInDays)
  const created = db.transaction(() =>
    writeAction(
      db,
      {
        ruleId: null,
        kind: 'assign',
        personId: person.id,
        itemId: itemRow.id,
        dueAt,
        reason: `Team heatmap: ${skill.name} below the level ${input.required} required; ${item.title} evidences level ${item.level}${item.level < input.required ? ' (the closest mapped)' : ''}.`,
      },
      ctx,
    ),
  )()
  return { created: created !== null, item: { activityId: item.activityId, title: item.title }, dueAt }
}
