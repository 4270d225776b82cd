import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { message } from '../../../shared/i18n/translate'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import type { SkillsContext } from './ontology'

/**
 * Learning-item mappings and role requirements are both (owner, skill) → level links. Moving one onto a skill
 * that the owner already links to keeps the higher level; the level it replaced is remembered for undo.
 */
interface LinkTable {
  table: 'learning_item_skills' | 'role_skills'
  owner: 'item_id' | 'role_id'
  level: 'level' | 'min_level'
}
const ITEM_LINKS: LinkTable = { table: 'learning_item_skills', owner: 'item_id', level: 'level' }
const ROLE_LINKS: LinkTable = { table: 'role_skills', owner: 'role_id', level: 'min_level' }

interface MovedLink {
  owner: number
  level: number
  intoBefore: number | null
}

function moveLinks(db: WorkspaceDb, t: LinkTable, from: number, into: number): MovedLink[] {
  const moved: MovedLink[] = []
  const links = db
    .prepare(`SELECT ${t.owner} AS owner, ${t.level} AS level FROM ${t.table} WHERE skill_id = ?`)
    .all(from) as { owner: number; level: number }[]
  for (const link of links) {
    const existing = db
      .prepare(`SELECT ${t.level} AS level FROM ${t.table} WHERE ${t.owner} = ? AND skill_id = ?`)
      .get(link.owner, into) as { level: number } | undefined
    moved.push({ ...link, intoBefore: existing?.level ?? null })
    if (existing) {
      db.prepare(`DELETE FROM ${t.table} WHERE ${t.owner} = ? AND skill_id = ?`).run(link.owner, from)
      db.prepare(`UPDATE ${t.table} SET ${t.level} = ? WHERE ${t.owner} = ? AND skill_id = ?`).run(
        Math.max(link.level, existing.level),
        link.owner,
        into,
      )
    } else
      db.prepare(`UPDATE ${t.table} SET skill_id = ? WHERE ${t.owner} = ? AND skill_id = ?`).run(
        into,
        link.owner,
        from,
      )
  }
  return moved
}

function restoreLinks(
  db: WorkspaceDb,
  t: LinkTable,
  moved: readonly MovedLink[],
  from: number,
  into: number,
): void {
  for (const link of moved) {
    if (link.intoBefore === null) {
      db.prepare(`UPDATE ${t.table} SET skill_id = ? WHERE ${t.owner} = ? AND skill_id = ?`).run(
        from,
        link.owner,
        into,
      )
      continue
    }
    db.prepare(`INSERT INTO ${t.table} (${t.owner}, skill_id, ${t.level}) VALUES (?, ?, ?)`).run(
      link.owner,
      from,
      link.level,
    )
    db.prepare(`UPDATE ${t.table} SET ${t.level} = ? WHERE ${t.owner} = ? AND skill_id = ?`).run(
      link.intoBefore,
      link.owner,
      into,
    )
  }
}

/** What a merge changed, precisely enough to put every row back. */
interface Moved {
  ratings: number[]
  items: MovedLink[]
  roles: MovedLink[]
  aliases: string[]
  addedAlias: string | null
  statusBefore: string
}

export function mergeSkills(
  input: ParsedInput<'skills.merge'>,
  ctx: SkillsContext,
): MethodOutput<'skills.merge'> {
  const { db } = ctx
  if (input.fromId === input.intoId)
    throw new AppError('INVALID_INPUT', message('succession.errors.mergeSelf'), {})
  const named = db.prepare('SELECT id, name, status FROM skills WHERE id = ?')
  const from = named.get(input.fromId) as { id: number; name: string; status: string } | undefined
  const into = named.get(input.intoId) as { id: number; name: string; status: string } | undefined
  if (!from || !into) throw new AppError('NOT_FOUND', message('succession.errors.mergeMissing'), input)
  if (into.status !== 'active')
    throw new AppError('INVALID_INPUT', message('succession.errors.mergeRetired', { skill: into.name }), {})
  const moved: Moved = {
    ratings: [],
    items: [],
    roles: [],
    aliases: [],
    addedAlias: null,
    statusBefore: from.status,
  }
  let mergeId = 0
  db.transaction(() => {
    moved.ratings = (
      db.prepare('SELECT id FROM competency_ratings WHERE skill_id = ?').all(from.id) as { id: number }[]
    ).map((r) => r.id)
    db.prepare('UPDATE competency_ratings SET skill_id = ? WHERE skill_id = ?').run(into.id, from.id)
    moved.items = moveLinks(db, ITEM_LINKS, from.id, into.id)
    moved.roles = moveLinks(db, ROLE_LINKS, from.id, into.id)
    moved.aliases = (
      db.prepare('SELECT alias FROM skill_aliases WHERE skill_id = ?').all(from.id) as { alias: string }[]
    ).map((a) => a.alias)
    db.prepare('UPDATE skill_aliases SET skill_id = ? WHERE skill_id = ?').run(into.id, from.id)
    // The merged skill's name becomes an alias, so the next import of a file using it maps without asking.
    if (!db.prepare('SELECT 1 FROM skill_aliases WHERE alias = ?').get(from.name)) {
      db.prepare('INSERT INTO skill_aliases (alias, skill_id) VALUES (?, ?)').run(from.name, into.id)
      moved.addedAlias = from.name
    }
    db.prepare("UPDATE skills SET status = 'retired' WHERE id = ?").run(from.id)
    mergeId = Number(
      db
        .prepare('INSERT INTO skill_merges (from_id, into_id, moved_json, actor, at) VALUES (?, ?, ?, ?, ?)')
        .run(from.id, into.id, JSON.stringify(moved), ctx.actor, ctx.now.toISOString()).lastInsertRowid,
    )
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'skills.merge',
        entityType: 'skill',
        entityId: String(from.id),
        after: { into: into.name, mergeId },
      },
      ctx.now,
    )
  })()
  return {
    mergeId,
    moved: { ratings: moved.ratings.length, items: moved.items.length, roles: moved.roles.length },
  }
}

export function undoMerge(mergeId: number, ctx: SkillsContext): MethodOutput<'skills.undoMerge'> {
  const { db } = ctx
  const merge = db.prepare('SELECT * FROM skill_merges WHERE id = ?').get(mergeId) as
    { id: number; from_id: number; into_id: number; moved_json: string; undone_at: string | null } | undefined
  if (!merge)
    throw new AppError('NOT_FOUND', message('succession.errors.noMerge', { id: String(mergeId) }), {
      mergeId,
    })
  if (merge.undone_at) return { restored: false }
  const later = db
    .prepare(
      'SELECT 1 FROM skill_merges WHERE id > ? AND undone_at IS NULL AND (from_id IN (?, ?) OR into_id IN (?, ?))',
    )
    .get(mergeId, merge.from_id, merge.into_id, merge.from_id, merge.into_id)
  if (later)
    throw new AppError('INVALID_INPUT', message('succession.errors.laterMerge'), {
      mergeId,
    })
  const moved = JSON.parse(merge.moved_json) as Moved
  const from = merge.from_id
  const into = merge.into_id
  db.transaction(() => {
    const rating = db.prepare('UPDATE competency_ratings SET skill_id = ? WHERE id = ?')
    for (const id of moved.ratings) rating.run(from, id)
    restoreLinks(db, ITEM_LINKS, moved.items, from, into)
    restoreLinks(db, ROLE_LINKS, moved.roles, from, into)
    const alias = db.prepare('UPDATE skill_aliases SET skill_id = ? WHERE alias = ?')
    for (const a of moved.aliases) alias.run(from, a)
    if (moved.addedAlias) db.prepare('DELETE FROM skill_aliases WHERE alias = ?').run(moved.addedAlias)
    db.prepare('UPDATE skills SET status = ? WHERE id = ?').run(moved.statusBefore, from)
    db.prepare('UPDATE skill_merges SET undone_at = ? WHERE id = ?').run(ctx.now.toISOString(), mergeId)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'skills.undoMerge',
        entityType: 'skill',
        entityId: String(from),
        after: { mergeId },
      },
      ctx.now,
    )
  })()
  return { restored: true }
}

export function listMerges(db: WorkspaceDb): MethodOutput<'skills.merges'> {
  return (
    db
      .prepare(
        `SELECT m.id AS mergeId, f.name AS "from", i.name AS "into", m.at, m.actor, m.undone_at IS NOT NULL AS undone
         FROM skill_merges m JOIN skills f ON f.id = m.from_id JOIN skills i ON i.id = m.into_id ORDER BY m.id DESC`,
      )
      .all() as { mergeId: number; from: string; into: string; at: string; actor: string; undone: number }[]
  ).map((m) => ({ ...m, undone: m.undone === 1 }))
}
