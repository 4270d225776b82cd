import type { Level, MethodOutput } from '../../../shared/contract'
import { english, message, type Message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { displayCell, isBlank, type Cell } from '../../../core/import/cells'
import { placeInNineBox } from '../../../core/calibration/placement'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { parseInWorker } from '../../import/parseInWorker'
import { openXlsxFile } from '../../import/readers/xlsxFile'
import type { StoredProposal } from './proposals'

type Problem = MethodOutput<'calibration.importProposals'>['errors'][number]

import { LAYOUTS, type Layout } from './proposalsLayout'

/** Proposals longer than this are refused (a comment is a few sentences, not a review). */
const COMMENT_MAX = 2000

/** A member of the session by employee ID: people.id, and their manager (the default proposer). */
export interface Member {
  personId: number
  managerId: string | null
  managerName: string | null
}

const levelOf = (word: string, layout: Layout): Level | null => {
  const w = word.trim().toLowerCase()
  for (const l of ['low', 'moderate', 'high'] as const)
    if (w === l || w === layout.levels[l].toLowerCase()) return l
  return w === 'medium' ? 'moderate' : null
}

/** A proposed box: a whole number 1–9 (as a number cell, or text of just the digit); anything else is not a box. */
function boxOf(cell: Cell): number | null {
  const n =
    typeof cell === 'number'
      ? cell
      : typeof cell === 'string' && /^\s*[1-9]\s*$/.test(cell)
        ? Number(cell)
        : NaN
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null
}

/**
 * Reads the Proposals sheet of a pre-read managers sent back. Every cell is read as what it holds — a formula is
 * never evaluated (the reader takes the value Excel saved, or text as typed, `=…` included, which is then no box and
 * no level) — and each row that cannot be taken is one problem naming the file, sheet, row, column and value. The
 * proposals come back only when there is no problem at all: an import is all or nothing.
 */
export async function readProposals(
  path: string,
  file: string,
  members: ReadonlyMap<string, Member>,
  spoolRoot: string,
): Promise<{ proposals: StoredProposal[]; errors: Problem[] }> {
  const errors: Problem[] = []
  const problem = (
    sheet: string,
    row: number,
    column: string,
    value: string | null,
    code: string,
    text: Message,
  ): void => {
    errors.push({ file, sheet, row, column, value, code, message: english(text), text })
  }
  let sheets: string[]
  try {
    sheets = openXlsxFile(path).sheets.map((s) => s.name)
  } catch (error) {
    throw unreadable(file, error)
  }
  const layout = LAYOUTS.find((l) => sheets.includes(l.sheet))
  if (!layout) {
    problem(
      sheets[0] ?? '',
      0,
      '',
      null,
      'NO_PROPOSALS_SHEET',
      message('calibration.proposals.errors.noSheet', { file, sheet: LAYOUTS[0]?.sheet ?? '' }),
    )
    return { proposals: [], errors }
  }
  const sheet = layout.sheet
  const proposals: StoredProposal[] = []
  const seen = new Map<string, number>()
  let columns: Map<string, number> | null = null
  try {
    for await (const source of parseInWorker({
      path,
      format: 'xlsx',
      sheet,
      delimiter: null,
      encoding: null,
      spoolRoot,
    })) {
      const cells = source.cells
      const text = (i: number | undefined): string =>
        i === undefined ? '' : displayCell(cells[i] ?? null).trim()
      if (columns === null) {
        // The header row is the one that starts with the Employee ID column (the title and notes come before it).
        if (text(0) !== layout.employeeId) continue
        columns = new Map(cells.map((c, i) => [displayCell(c).trim(), i]))
        for (const needed of [
          layout.employeeId,
          layout.proposedBox,
          layout.proposedPerformance,
          layout.proposedPotential,
        ])
          if (!columns.has(needed))
            problem(
              sheet,
              source.row,
              needed,
              null,
              'MISSING_COLUMN',
              message('calibration.proposals.errors.noColumn', { column: needed }),
            )
        if (errors.length > 0) return { proposals: [], errors }
        continue
      }
      const at = (header: string): number | undefined => columns?.get(header)
      const cellAt = (header: string): Cell => {
        const i = at(header)
        return i === undefined ? null : (cells[i] ?? null)
      }
      const boxCell = cellAt(layout.proposedBox)
      const performanceCell = cellAt(layout.proposedPerformance)
      const potentialCell = cellAt(layout.proposedPotential)
      // A row nobody proposed anything for is no proposal (the comment alone says nothing about a box).
      if (isBlank(boxCell) && isBlank(performanceCell) && isBlank(potentialCell)) continue
      const row = source.row
      const before = errors.length
      const employeeId = text(at(layout.employeeId))
      const member = members.get(employeeId)
      if (employeeId === '')
        problem(
          sheet,
          row,
          layout.employeeId,
          null,
          'NO_EMPLOYEE',
          message('calibration.proposals.errors.noEmployee'),
        )
      else if (!member)
        problem(
          sheet,
          row,
          layout.employeeId,
          employeeId,
          'NOT_IN_SESSION',
          message('calibration.proposals.errors.notInSession', { id: employeeId }),
        )
      else if (seen.has(employeeId))
        problem(
          sheet,
          row,
          layout.employeeId,
          employeeId,
          'DUPLICATE',
          message('calibration.proposals.errors.duplicate', {
            id: employeeId,
            row: seen.get(employeeId) ?? 0,
          }),
        )
      seen.set(employeeId, seen.get(employeeId) ?? row)
      let box: number | null = null
      if (!isBlank(boxCell)) {
        box = boxOf(boxCell)
        if (box === null)
          problem(
            sheet,
            row,
            layout.proposedBox,
            displayCell(boxCell),
            'UNKNOWN_BOX',
            message('calibration.proposals.errors.unknownBox'),
          )
      }
      const words = { performance: null as Level | null, potential: null as Level | null }
      for (const [axis, cell, header] of [
        ['performance', performanceCell, layout.proposedPerformance],
        ['potential', potentialCell, layout.proposedPotential],
      ] as const) {
        if (isBlank(cell)) continue
        const level = typeof cell === 'string' ? levelOf(cell, layout) : null
        if (level === null)
          problem(
            sheet,
            row,
            header,
            displayCell(cell),
            'UNKNOWN_LEVEL',
            message('calibration.proposals.errors.unknownLevel', layout.levels),
          )
        words[axis] = level
      }
      const oneWord = isBlank(performanceCell) !== isBlank(potentialCell)
      if (oneWord && box === null && errors.length === before)
        problem(
          sheet,
          row,
          isBlank(performanceCell) ? layout.proposedPerformance : layout.proposedPotential,
          null,
          'HALF_LEVELS',
          message('calibration.proposals.errors.halfLevels'),
        )
      const fromWords =
        words.performance !== null && words.potential !== null
          ? placeInNineBox(words.performance, words.potential)
          : null
      if (box !== null && fromWords !== null && box !== fromWords)
        problem(
          sheet,
          row,
          layout.proposedBox,
          displayCell(boxCell),
          'BOX_AND_LEVELS_DIFFER',
          message('calibration.proposals.errors.boxAndLevels', {
            box,
            performance: layout.levels[words.performance as Level],
            potential: layout.levels[words.potential as Level],
            fromWords,
          }),
        )
      const comment = text(at(layout.comment))
      if (comment.length > COMMENT_MAX)
        problem(
          sheet,
          row,
          layout.comment,
          `${comment.slice(0, 40)}…`,
          'COMMENT_TOO_LONG',
          message('calibration.proposals.errors.commentTooLong', { max: COMMENT_MAX }),
        )
      if (errors.length > before || !member) continue
      const proposer = text(at(layout.proposedBy))
      // The manager proposed unless the sheet names someone else: then only the name is known.
      const byManager = proposer === '' || proposer === member.managerName || proposer === member.managerId
      proposals.push({
        personId: member.personId,
        box: (box ?? fromWords) as number,
        performance: words.performance,
        potential: words.potential,
        proposerId: byManager ? member.managerId : null,
        proposer: proposer === '' ? member.managerName : proposer,
        comment: comment === '' ? null : comment,
      })
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw unreadable(file, error)
  }
  if (columns === null)
    problem(
      sheet,
      0,
      layout.employeeId,
      null,
      'NO_HEADER',
      message('calibration.proposals.errors.noHeader', { sheet, column: layout.employeeId }),
    )
  return errors.length > 0 ? { proposals: [], errors } : { proposals, errors }
}

function unreadable(file: string, error: unknown): AppError {
  const detail = error instanceof Error ? error.message : String(error)
  return new AppError(
    'FILE_UNREADABLE',
    message('calibration.proposals.errors.unreadable', { file, detail }),
    { file },
  )
}

/** The session's members by employee ID, with their managers (the default proposer), for an import to check against. */
export function sessionMembersById(db: WorkspaceDb, sessionId: string): Map<string, Member> {
  const rows = db
    .prepare(
      `SELECT p.employee_id AS employeeId, p.id AS personId, p.manager_id AS managerId,
              coalesce(m.full_name, p.manager_name, p.manager_id) AS managerName
       FROM calibration_members c JOIN people p ON p.id = c.person_id
       LEFT JOIN people m ON m.employee_id = p.manager_id WHERE c.session_id = ?`,
    )
    .all(sessionId) as (Member & { employeeId: string })[]
  return new Map(rows.map(({ employeeId, ...m }) => [employeeId, m]))
}
