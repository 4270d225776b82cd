import type { MethodOutput } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import {
  english,
  LOCALES,
  message,
  translator,
  type Locale,
  type Message,
} from '../../../shared/i18n/translate'
import { displayCell, isBlank } from '../../../core/import/cells'
import { matchSkill } from '../../../core/skills/normalise'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { writeXlsx } from '../../export/xlsxWriter'
import { parseInWorker } from '../../import/parseInWorker'
import { openXlsxFile } from '../../import/readers/xlsxFile'
import { appendAudit } from '../auditLog'
import { ontologySkills } from '../succession/skillProfiles'
import type { SkillsContext } from './ontology'

/** The workbook's sheet and column names, and its status words, in one language. */
interface Layout {
  skills: string
  items: string
  skillColumns: readonly string[]
  itemColumns: readonly string[]
  status: { active: string; retired: string }
}

function layoutFor(locale: Locale): Layout {
  const { t } = translator(locale)
  return {
    skills: t('succession.export.ontology.skills'),
    items: t('succession.export.ontology.items'),
    skillColumns: [
      t('succession.export.ontology.col.name'),
      t('succession.export.ontology.col.category'),
      t('succession.export.ontology.col.description'),
      t('succession.export.ontology.col.status'),
      t('succession.export.ontology.col.aliases'),
    ],
    itemColumns: [
      t('succession.export.ontology.col.itemId'),
      t('succession.export.ontology.col.title'),
      t('succession.export.ontology.col.skill'),
      t('succession.export.ontology.col.level'),
    ],
    status: { active: t('succession.skills.status.active'), retired: t('succession.skills.status.retired') },
  }
}

/** Every language's layout, English first: an import reads a workbook exported in any of them. */
const LAYOUTS: readonly Layout[] = (Object.keys(LOCALES) as Locale[])
  .sort((a, b) => Number(b === 'en') - Number(a === 'en'))
  .map(layoutFor)

export async function exportOntology(db: WorkspaceDb, path: string, locale: Locale = 'en'): Promise<void> {
  const layout = layoutFor(locale)
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
      name: layout.skills,
      columns: layout.skillColumns.map((header, i) => ({ header, width: [28, 20, 50, 10, 50][i] ?? 20 })),
      rows: skills.map((s) => [
        s.name,
        s.category,
        descriptions.get(s.id) ?? null,
        layout.status[s.status],
        s.aliases.join('; ') || null,
      ]),
    },
    {
      name: layout.items,
      columns: layout.itemColumns.map((header, i) => ({ header, width: [26, 40, 28, 8][i] ?? 20 })),
      rows: items.map((i) => [i.activityId, i.title, i.skill, i.level]),
    },
  ])
}

type ImportResult = MethodOutput<'skills.importOntology'>

/** A problem in the workbook: in English for the CLI and tests, and as a message for the user's language. */
const problem = (text: Message): { message: string; text: Message } => ({ message: english(text), text })

const sheetNames = (path: string): string[] => openXlsxFile(path).sheets.map((s) => s.name)

async function readSheet(
  path: string,
  sheet: string,
  expected: readonly string[],
  errors: ImportResult['errors'],
  spoolRoot: string,
): Promise<string[][]> {
  if (!sheetNames(path).includes(sheet)) {
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
  // The layout of the language the workbook was exported in (English when no language's sheet is there).
  let layout = LAYOUTS[0] as Layout
  try {
    const names = sheetNames(path)
    layout = LAYOUTS.find((l) => names.includes(l.skills)) ?? layout
    skillRows = await readSheet(path, layout.skills, layout.skillColumns, errors, spoolRoot)
    itemRows = await readSheet(path, layout.items, layout.itemColumns, errors, spoolRoot)
  } catch (error) {
    throw new AppError(
      'FILE_UNREADABLE',
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
      { file: path },
    )
  }
  const [nameColumn, , , statusColumn, aliasesColumn] = layout.skillColumns
  const [itemColumn, , skillColumn, levelColumn] = layout.itemColumns
  // A status word in the workbook's language, or the code itself.
  const statusOf = (word: string): 'active' | 'retired' | null =>
    word === 'active' || word === layout.status.active
      ? 'active'
      : word === 'retired' || word === layout.status.retired
        ? 'retired'
        : null
  for (const [row, name, , , status] of skillRows) {
    if (!name)
      errors.push({
        sheet: layout.skills,
        row: Number(row),
        column: nameColumn ?? '',
        value: null,
        ...problem(message('succession.ontology.noName')),
      })
    if (status && statusOf(status) === null)
      errors.push({
        sheet: layout.skills,
        row: Number(row),
        column: statusColumn ?? '',
        value: status,
        ...problem(message('succession.ontology.status')),
      })
  }
  for (const [row, , , , level] of itemRows) {
    const n = Number(level)
    if (!Number.isInteger(n) || n < 1 || n > 5)
      errors.push({
        sheet: layout.items,
        row: Number(row),
        column: levelColumn ?? '',
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
          (status && statusOf(status)) || 'active',
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
              sheet: layout.skills,
              row: 0,
              column: aliasesColumn ?? '',
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
            sheet: layout.items,
            row: Number(row),
            column: itemColumn ?? '',
            value: activityId,
            ...problem(message('succession.ontology.noItem')),
          })
        if (match.kind === 'unknown')
          errors.push({
            sheet: layout.items,
            row: Number(row),
            column: skillColumn ?? '',
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
