import type { MethodOutput, ParsedInput, SkillEntry } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { message } from '../../../shared/i18n/translate'
import { skillSimilarity, SUGGESTION_THRESHOLD } from '../../../core/skills/normalise'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'

export interface SkillsContext {
  db: WorkspaceDb
  actor: string
  now: Date
}

export function listSkills(db: WorkspaceDb): SkillEntry[] {
  const aliases = new Map<number, string[]>()
  for (const a of db.prepare('SELECT alias, skill_id AS skillId FROM skill_aliases ORDER BY alias').all() as {
    alias: string
    skillId: number
  }[])
    aliases.set(a.skillId, [...(aliases.get(a.skillId) ?? []), a.alias])
  return (
    db
      .prepare(
        `SELECT s.id AS skillId, s.name, s.category, s.description, s.status,
                (SELECT count(*) FROM competency_ratings r WHERE r.skill_id = s.id) AS ratings,
                (SELECT count(*) FROM learning_item_skills i WHERE i.skill_id = s.id) AS items,
                (SELECT count(*) FROM role_skills r WHERE r.skill_id = s.id) AS roles
         FROM skills s ORDER BY s.status, s.name COLLATE NOCASE`,
      )
      .all() as (Omit<SkillEntry, 'aliases' | 'uses'> & { ratings: number; items: number; roles: number })[]
  ).map(({ ratings, items, roles, ...s }) => ({
    ...s,
    aliases: aliases.get(s.skillId) ?? [],
    uses: { ratings, items, roles },
  }))
}

function skill(db: WorkspaceDb, skillId: number): SkillEntry {
  const found = listSkills(db).find((s) => s.skillId === skillId)
  if (!found)
    throw new AppError('NOT_FOUND', message('succession.errors.noSkill', { id: String(skillId) }), {
      skillId,
    })
  return found
}

export function updateSkill(
  input: ParsedInput<'skills.update'>,
  ctx: SkillsContext,
): MethodOutput<'skills.update'> {
  const { db } = ctx
  const before = skill(db, input.skillId)
  if (input.name && input.name.toLowerCase() !== before.name.toLowerCase()) {
    const clash = db.prepare('SELECT 1 FROM skills WHERE name = ? AND id <> ?').get(input.name, input.skillId)
    if (clash)
      throw new AppError('INVALID_INPUT', message('succession.errors.skillExists', { name: input.name }), {})
  }
  db.transaction(() => {
    db.prepare(
      'UPDATE skills SET name = coalesce(?, name), category = ?, description = ?, status = coalesce(?, status) WHERE id = ?',
    ).run(
      input.name ?? null,
      input.category === undefined ? before.category : input.category,
      input.description === undefined ? before.description : input.description,
      input.status ?? null,
      input.skillId,
    )
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'skills.update',
        entityType: 'skill',
        entityId: String(input.skillId),
        before,
        after: input,
      },
      ctx.now,
    )
  })()
  return skill(db, input.skillId)
}

export function addAlias(
  input: ParsedInput<'skills.addAlias'>,
  ctx: SkillsContext,
): MethodOutput<'skills.addAlias'> {
  const { db } = ctx
  skill(db, input.skillId)
  const owner = db
    .prepare('SELECT s.name FROM skill_aliases a JOIN skills s ON s.id = a.skill_id WHERE a.alias = ?')
    .get(input.alias) as { name: string } | undefined
  if (owner)
    throw new AppError(
      'INVALID_INPUT',
      message('succession.errors.aliasTaken', { alias: input.alias, skill: owner.name }),
      {},
    )
  const named = db.prepare('SELECT name FROM skills WHERE name = ?').get(input.alias) as
    { name: string } | undefined
  if (named)
    throw new AppError('INVALID_INPUT', message('succession.errors.aliasIsSkill', { alias: input.alias }), {})
  db.transaction(() => {
    db.prepare('INSERT INTO skill_aliases (alias, skill_id) VALUES (?, ?)').run(input.alias, input.skillId)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'skills.addAlias',
        entityType: 'skill',
        entityId: String(input.skillId),
        after: { alias: input.alias },
      },
      ctx.now,
    )
  })()
  return { aliases: skill(db, input.skillId).aliases }
}

/** Alike names among active skills, most alike first: a person decides (merge, or keep apart by doing nothing). */
export function suggestMerges(db: WorkspaceDb): MethodOutput<'skills.suggestMerges'> {
  const active = listSkills(db).filter((s) => s.status === 'active')
  const pairs: MethodOutput<'skills.suggestMerges'> = []
  for (let i = 0; i < active.length; i++)
    for (let j = i + 1; j < active.length; j++) {
      const a = active[i] as SkillEntry
      const b = active[j] as SkillEntry
      const score = skillSimilarity(a.name, b.name)
      if (score >= SUGGESTION_THRESHOLD + 0.15)
        pairs.push({
          a: a.name,
          aId: a.skillId,
          b: b.name,
          bId: b.skillId,
          score: Math.round(score * 100) / 100,
        })
    }
  return pairs.sort((x, y) => y.score - x.score).slice(0, 50)
}
