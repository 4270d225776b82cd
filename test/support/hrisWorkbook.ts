import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readZipParts } from './zipWriter'

/** One person of an HRIS review export: their id and the ratings as the HRIS writes them. */
export interface HrisPerson {
  id: string
  name: string
  rating: number | string
  potential: number | string
  box: number | string
}

/**
 * A people file (everyone hired long enough ago to be calibrated, one department) and an HRIS-style reviews workbook
 * with more than the import reads: a styled header, a "Notes" sheet first with a merged title and a formula, a
 * bonus column computed by a formula, dates, a 9-box column and a comment column.
 */
export async function writeHrisFiles(
  dir: string,
  people: readonly HrisPerson[],
  options: { cycle?: string; fileName?: string } = {},
): Promise<{ peopleCsv: string; reviews: string }> {
  const peopleCsv = join(dir, 'people.csv')
  writeFileSync(
    peopleCsv,
    'Employee ID,Full name,Department,Hire date\n' +
      people.map((p) => `${p.id},${p.name},Engineering,2019-03-01`).join('\n') +
      '\n',
  )
  const workbook = new ExcelJS.Workbook()
  const notes = workbook.addWorksheet('Notes')
  notes.mergeCells('A1:D1')
  notes.getCell('A1').value = 'Talent review 2025 — upload template'
  notes.getCell('A1').font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } }
  notes.getCell('A3').value = 'People'
  notes.getCell('B3').value = { formula: `COUNTA(Reviews!A2:A${people.length + 1})`, result: people.length }
  notes.getCell('A4').value = 'Exported'
  notes.getCell('B4').value = new Date('2025-12-01T00:00:00Z')
  notes.getCell('B4').numFmt = 'yyyy-mm-dd'

  const sheet = workbook.addWorksheet('Reviews')
  sheet.columns = [
    { header: 'Employee ID', width: 12 },
    { header: 'Name', width: 20 },
    { header: 'Review cycle', width: 12 },
    { header: 'Overall rating', width: 14 },
    { header: 'Potential', width: 10 },
    { header: '9-Box', width: 8 },
    { header: 'Bonus factor', width: 12 },
    { header: 'Review date', width: 12 },
    { header: 'Comment', width: 30 },
  ]
  const header = sheet.getRow(1)
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } }
  people.forEach((p, i) => {
    const r = i + 2
    const row = sheet.getRow(r)
    row.values = [p.id, p.name, options.cycle ?? '2025', p.rating, p.potential, p.box]
    row.getCell(7).value = {
      formula: `IF(ISNUMBER(D${r}),D${r}/5,0)`,
      result: typeof p.rating === 'number' ? p.rating / 5 : 0,
    }
    row.getCell(7).numFmt = '0.00'
    row.getCell(8).value = new Date('2025-11-15T00:00:00Z')
    row.getCell(8).numFmt = 'dd.mm.yyyy'
    row.getCell(9).value = `Comment for ${p.name}`
    row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }
    row.getCell(4).alignment = { horizontal: 'center' }
  })
  const reviews = join(dir, options.fileName ?? 'HRIS reviews 2025.xlsx')
  await workbook.xlsx.writeFile(reviews)
  return { peopleCsv, reviews }
}

/** Every part of a workbook's zip, inflated, by name. */
export function zipParts(path: string): Map<string, Buffer> {
  return new Map(readZipParts(path).map((p) => [p.name, p.data]))
}

export type CellValues = Map<string, unknown>

/** Every cell of every sheet as exceljs reads it: sheet!A1 → value (and its style, serialised). */
export async function workbookCells(
  path: string,
): Promise<{ values: CellValues; styles: Map<string, string> }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  const values: CellValues = new Map()
  const styles = new Map<string, string>()
  for (const sheet of workbook.worksheets)
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const key = `${sheet.name}!${cell.address}`
        values.set(key, cell.value)
        styles.set(key, JSON.stringify(cell.style))
      }),
    )
  return { values, styles }
}
