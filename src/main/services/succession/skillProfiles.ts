import {
  currentSkillLevels,
  type SkillLearning,
  type SkillLevel,
  type SkillRating,
} from '../../../core/skills/skillLevels'
import type { OntologySkill } from '../../../core/skills/normalise'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'

export interface PersonProfile {
  personId: number
  employeeId: string
  name: string
  department: string | null
  jobTitle: string | null
  levels: Map<number, SkillLevel>
}

export function ontologySkills(db: WorkspaceDb): (OntologySkill & { category: string | null })[] {
  const aliases = new Map<number, string[]>()
  for (const a of db.prepare('SELECT alias, skill_id AS skillId FROM skill_aliases ORDER BY alias').all() as {
    alias: string
    skillId: number
  }[])
    aliases.set(a.skillId, [...(aliases.get(a.skillId) ?? []), a.alias])
  return (
    db.prepare('SELECT id, name, status, category FROM skills ORDER BY name COLLATE NOCASE').all() as {
      id: number
      name: string
      status: 'active' | 'retired'
      category: string | null
    }[]
  ).map((s) => ({ ...s, aliases: aliases.get(s.id) ?? [] }))
}

/**
 * Every current person's level in every skill they have evidence for (see core/skills/skillLevels.ts for the
 * rule), in three queries: people, their ratings, and their learning mapped to skills.
 */
export function skillProfiles(
  db: WorkspaceDb,
  asOf: string,
  onlyPersonIds?: readonly number[],
): PersonProfile[] {
  // Whole numbers only, so they can be inlined into the queries.
  const only = onlyPersonIds ? `(${onlyPersonIds.map((id) => Math.trunc(id)).join(', ') || 'NULL'})` : null
  const people = db
    .prepare(
      `SELECT id AS personId, employee_id AS employeeId, coalesce(full_name, employee_id) AS name, department,
              job_title AS jobTitle
       FROM people WHERE exit_date IS NULL ${only ? `AND id IN ${only}` : ''} ORDER BY employee_id`,
    )
    .all() as Omit<PersonProfile, 'levels'>[]
  const ratings = new Map<number, SkillRating[]>()
  for (const r of db
    .prepare(
      `SELECT person_id AS personId, id, skill_id AS skillId, level, source, rated_at AS ratedAt FROM competency_ratings
       ${only ? `WHERE person_id IN ${only}` : ''}`,
    )
    .all() as (SkillRating & { personId: number })[]) {
    const list = ratings.get(r.personId)
    if (list) list.push(r)
    else ratings.set(r.personId, [r])
  }
  const learning = new Map<number, SkillLearning[]>()
  for (const l of db
    .prepare(
      `SELECT lr.person_id AS personId, lr.id, s.skill_id AS skillId, s.level, i.title, i.activity_type AS activityType,
              lr.status, lr.completed_at AS completedAt, lr.valid_until AS validUntil
       FROM learning_records lr JOIN learning_item_skills s ON s.item_id = lr.item_id
       JOIN learning_items i ON i.id = lr.item_id WHERE lr.status IN ('completed', 'passed')
       ${only ? `AND lr.person_id IN ${only}` : ''}`,
    )
    .all() as (SkillLearning & { personId: number })[]) {
    const list = learning.get(l.personId)
    if (list) list.push(l)
    else learning.set(l.personId, [l])
  }
  return people.map((p) => ({
    ...p,
    levels: currentSkillLevels(ratings.get(p.personId) ?? [], learning.get(p.personId) ?? [], asOf),
  }))
}
