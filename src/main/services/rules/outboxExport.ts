import { writeFileSync } from 'node:fs'
import { safeCellText } from '../../export/neutralise'
import { writeXlsx } from '../../export/xlsxWriter'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { listOutbox } from './outbox'

/**
 * The columns an LMS bulk-enrolment upload maps by name: machine-readable, so English in every language of the app
 * (as is the sheet name). The file has no other words of ours: the cells are data, and a reason is stored as written.
 */
const HEADERS = ['Employee ID', 'Email', 'Item ID', 'Title', 'Due Date', 'Reason']

/** RFC 4180 quoting, with text that a spreadsheet could run as a formula neutralised first. */
function csvField(value: string | null): string {
  const text = safeCellText(value ?? '')
  // A semicolon or tab splits cells for spreadsheets set to those separators: quoted too.
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Open assignments in the layout LMS bulk-enrolment uploads expect: one row per person and item, with the due
 * date and why. Written as CSV (UTF-8 with BOM, so Excel reads accents) or xlsx.
 */
export async function exportOutbox(
  db: WorkspaceDb,
  path: string,
  format: 'csv' | 'xlsx',
  today: string,
): Promise<number> {
  const rows = listOutbox(db, { status: 'open' }, today)
    .filter((a) => a.kind === 'assign')
    .reverse()
    .map((a) => [a.employeeId, a.email, a.activityId, a.title, a.dueAt, a.reason])
  if (format === 'csv') {
    const lines = [HEADERS.join(','), ...rows.map((r) => r.map(csvField).join(','))]
    writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`)
  } else {
    await writeXlsx(path, [
      {
        name: 'Enrolments',
        columns: HEADERS.map((header, i) => ({ header, width: [14, 28, 26, 36, 12, 70][i] ?? 20 })),
        rows,
      },
    ])
  }
  return rows.length
}
