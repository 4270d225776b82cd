import type { MethodOutput } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { english, message, type Message } from '../../../shared/i18n/translate'
import { displayCell, isBlank } from '../../../core/import/cells'
import { matchSkill } from '../../../core/skills/normalise'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { writeXlsx } from '../../export/xlsxWriter'
import { parseInWorker } from '../../import/parseInWorker'
import { openXlsxFile } from '../../import/readers/xlsxFile'
import { appendAudit } from '../auditLog'
import { ontologySkills } from '../succession/skillProfiles'
import type { SkillsContext } from './ontology'

const SKILLS = 'Skills'
const ITEMS = 'Learning items'
const SKILL_COLUMNS = ['Name', 'Category', 'Description', 'Status', 'Aliases']
const ITEM_COLUMNS = ['Item ID', 'Title', 'Skill', 'Level']

export async function exportOntology(db: WorkspaceDb, path: string): Promise<void> {
  const skills = ontologySkills(db)
  const descriptions = new Map(
    (
      db.prepare('SELECT id, description FROM skills').all() as { id: number; description: string | null }[]
    ).map((s) => [s.id, s.description]),
  )
  const items = db
    .prepare(
      `SELECT i.activity_id AS activityId, i.title, s.name AS skill, m.level FROM learning_item_skills m
       JOIN learning_items i ON i.id = m.item_id JOIN skills s ON s.id = m.skill_id ORDER BY i.activity_id, s.name`,
    )
    .all() as { activityId: string; title: string; skill: string; level: number }[]
  await writeXlsx(path, [
    {
      name: SKILLS,
      columns: SKILL_COLUMNS.map((header, i) => ({ header, width: [28, 20, 50, 10, 50][i] ?? 20 })),
      rows: skills.map((s) => [
        s.name,
        s.category,
        descriptions.get(s.id) ?? null,
        s.status,
        s.aliases.join('; ') || null,
      ]),
    },
    {
      name: ITEMS,
      columns: ITEM_COLUMNS.map((header, i) => ({ header, width: [26, 40, 28, 8][i] ?? 20 })),
      rows: items.map((i) => [i.activityId, i.title, i.skill, i.level]),
    },
  ])
}

type ImportResult = MethodOutput<'skills.importOntology'>

/** A problem in the workbook: in English for the CLI and tests, and as a message for the user's language. */
const problem = (text: Message): { message: string; text: Message } => ({ message: english(text), text })

async function readSheet(
  path: string,
  sheet: string,
  expected: readonly string[],
  errors: ImportResult['errors'],
  spoolRoot: string,
): Promise<string[][]> {
  if (!openXlsxFile(path).sheets.some((s) => s.name === sheet)) {
    errors.push({
      sheet,
      row: 0,
      column: '',
      value: null,
      ...problem(message('succession.ontology.noSheet', { sheet })),
    })
    return []
  }
  const rows: string[][] = []
  // Read like every import: on the parse worker, with exceljs's spool files in the private folder.
  const sourceRows = parseInWorker({
    path,
    format: 'xlsx',
    sheet,
    delimiter: null,
    encoding: null,
    spoolRoot,
  })
  for await (const source of sourceRows) {
    const cells = source.cells.map((c) => (isBlank(c) ? '' : displayCell(c).trim()))
    if (source.row === 1) {
      expected.forEach((header, i) => {
        if ((cells[i] ?? '') !== header)
          errors.push({
            sheet,
            row: 1,
            column: header,
            value: cells[i] ?? null,
            ...problem(message('succession.ontology.header', { header, column: i + 1 })),
          })
      })
      continue
    }
    if (cells.every((c) => c === '')) continue
    rows.push([String(source.row), ...cells])
  }
  return rows
}

/**
 * Reads an ontology workbook in the export's layout and applies it in one transaction: new skills are created,
 * existing ones (by name or alias) updated, aliases added, learning items mapped. Any problem → nothing changes.
 */
export async function importOntology(
  path: string,
  ctx: SkillsContext,
  spoolRoot: string,
): Promise<ImportResult> {
  const { db } = ctx
  const errors: ImportResult['errors'] = []
  const result: ImportResult = {
    stored: false,
    skills: { created: 0, updated: 0 },
    aliases: 0,
    mappings: 0,
    errors,
  }
  let skillRows: string[][]
  let itemRows: string[][]
  try {
    skillRows = await readSheet(path, SKILLS, SKILL_COLUMNS, errors, spoolRoot)
    itemRows = await readSheet(path, ITEMS, ITEM_COLUMNS, errors, spoolRoot)
  } catch (error) {
    throw new AppError(
      'FILE_UNREADABLE',
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
      { file: path },
    )
  }
  for (const [row, name, , , status] of skillRows) {
    if (!name)
      errors.push({
        sheet: SKILLS,
        row: Number(row),
        column: 'Name',
        value: null,
        ...problem(message('succession.ontology.noName')),
      })
    if (status && status !== 'active' && status !== 'retired')
      errors.push({
        sheet: SKILLS,
        row: Number(row),
        column: 'Status',
        value: status,
        ...problem(message('succession.ontology.status')),
      })
  }
  for (const [row, , , , level] of itemRows) {
    const n = Number(level)
    if (!Number.isInteger(n) || n < 1 || n > 5)
      errors.push({
        sheet: ITEMS,
        row: Number(row),
        column: 'Level',
        value: level ?? null,
        ...problem(message('succession.ontology.level')),
      })
  }
  if (errors.length > 0) return result
  const rollback = new Error('rollback')
  try {
    db.transaction(() => {
      // Rows match skills by their exact name (retired ones included), never through an alias: a row for a merged
      // skill must not retire or relabel the skill it was merged into.
      const byName = new Map(
        (db.prepare('SELECT id, name FROM skills').all() as { id: number; name: string }[]).map((x) => [
          x.name.toLowerCase(),
          x.id,
        ]),
      )
      for (const [, name = '', category, description, status, aliases] of skillRows) {
        let skillId = byName.get(name.toLowerCase())
        if (skillId === undefined) {
          skillId = Number(db.prepare('INSERT INTO skills (name) VALUES (?)').run(name).lastInsertRowid)
          byName.set(name.toLowerCase(), skillId)
          result.skills.created++
        } else result.skills.updated++
        db.prepare('UPDATE skills SET category = ?, description = ?, status = ? WHERE id = ?').run(
          category || null,
          description || null,
          status || 'active',
          skillId,
        )
        for (const alias of (aliases ?? '')
          .split(';')
          .map((a) => a.trim())
          .filter((a) => a !== '')) {
          const owner = db
            .prepare('SELECT skill_id AS skillId FROM skill_aliases WHERE alias = ?')
            .get(alias) as { skillId: number } | undefined
          if (owner && owner.skillId !== skillId)
            errors.push({
              sheet: SKILLS,
              row: 0,
              column: 'Aliases',
              value: alias,
              ...problem(message('succession.ontology.aliasTaken', { alias })),
            })
          if (!owner) {
            db.prepare('INSERT INTO skill_aliases (alias, skill_id) VALUES (?, ?)').run(alias, skillId)
            result.aliases++
          }
        }
      }
      for (const [row, activityId = '', , skill = '', level] of itemRows) {
        const item = db.prepare('SELECT id FROM learning_items WHERE activity_id = ?').get(activityId) as
          { id: number } | undefined
        const match = matchSkill(skill, ontologySkills(db))
        if (!item)
          errors.push({
            sheet: ITEMS,
            row: Number(row),
            column: 'Item ID',
            value: activityId,
            ...problem(message('succession.ontology.noItem')),
          })
        if (match.kind === 'unknown')
          errors.push({
            sheet: ITEMS,
            row: Number(row),
            column: 'Skill',
            value: skill,
            ...problem(message('succession.ontology.noSkill')),
          })
        if (!item || match.kind === 'unknown') continue
        db.prepare(
          'INSERT INTO learning_item_skills (item_id, skill_id, level) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET level = excluded.level',
        ).run(item.id, match.skillId, Number(level))
        result.mappings++
      }
      if (errors.length > 0) throw rollback
      appendAudit(
        db,
        {
          actor: ctx.actor,
          action: 'skills.importOntology',
          entityType: 'skill',
          after: { ...result, errors: undefined },
        },
        ctx.now,
      )
    })()
  } catch (error) {
    if (error !== rollback) throw error
    return { ...result, skills: { created: 0, updated: 0 }, aliases: 0, mappings: 0 }
  }
  result.stored = true
  return result
}

export function mapItem(
  input: { activityId: string; skill: string; level: number | null },
  ctx: SkillsContext,
): MethodOutput<'skills.mapItem'> {
  const { db } = ctx
  const item = db.prepare('SELECT id FROM learning_items WHERE activity_id = ?').get(input.activityId) as
    { id: number } | undefined
  if (!item)
    throw new AppError(
      'INVALID_INPUT',
      message('succession.errors.noLearningItem', { id: input.activityId }),
      {
        activityId: input.activityId,
      },
    )
  const match = matchSkill(input.skill, ontologySkills(db))
  if (match.kind === 'unknown')
    throw new AppError('INVALID_INPUT', message('succession.errors.unknownSkill', { skill: input.skill }), {
      skill: input.skill,
    })
  db.transaction(() => {
    if (input.level === null)
      db.prepare('DELETE FROM learning_item_skills WHERE item_id = ? AND skill_id = ?').run(
        item.id,
        match.skillId,
      )
    else
      db.prepare(
        'INSERT INTO learning_item_skills (item_id, skill_id, level) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET level = excluded.level',
      ).run(item.id, match.skillId, input.level)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'skills.mapItem',
        entityType: 'learning_item',
        entityId: input.activityId,
        after: input,
      },
      ctx.now,
    )
  })()
  return { activityId: input.activityId, skill: match.name, level: input.level }
}
