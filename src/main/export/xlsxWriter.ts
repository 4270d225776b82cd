import ExcelJS from 'exceljs'
import { looksLikeFormula, safeCellText, tooLongForExcel } from './neutralise'

/**
 * Our one door to exceljs for writing (it is unmaintained, so nothing else imports it): a workbook streamed to disk
 * sheet by sheet, with frozen headers, filters, readable widths and conditional colours. Every string is written as
 * a string, and one that a spreadsheet or a CSV round trip could take for a formula is neutralised first.
 */
export type CellValue = string | number | boolean | null

export interface ColumnSpec {
  header: string
  width: number
  /** Documents the column (numbers are written as numbers, text always as a string cell). */
  kind?: 'text' | 'number'
  /** Cells someone fills in: unlocked (on a protected sheet) and tinted so they stand out. */
  editable?: boolean
  /** What the column takes, offered as a drop-down and checked by Excel: a box 1–9, or one of a few words. */
  choices?: 'box' | readonly string[]
}

export interface ColourRule {
  /** An Excel formula over the first data row (e.g. `$F2<>$E2`), applied to the given columns of every row. */
  formula: string
  columns: { from: number; to: number }
  argb: string
}

export interface SheetSpec {
  name: string
  /** Lines above the table (a title, notes); the table's header row follows them. */
  preamble?: CellValue[][]
  columns: ColumnSpec[]
  rows: Iterable<CellValue[]>
  colours?: ColourRule[]
  /** Printed landscape, fitted to one page wide (tables with many columns). */
  landscape?: boolean
  /**
   * Protected without a password: only the editable columns' cells can be changed (Excel's Review › Unprotect lifts
   * it; this guards against slips, not people). Filters and sorting still work.
   */
  protect?: boolean
  /** The sheet the workbook opens on (the first one when none says so). */
  opensHere?: boolean
}

/** An editable cell: unlocked, on a pale yellow that says "fill me in". */
const EDITABLE: Partial<ExcelJS.Style> = Object.freeze({
  protection: { locked: false },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } },
  border: {
    top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  },
}) as Partial<ExcelJS.Style>

const HEADER: Partial<ExcelJS.Style> = Object.freeze({
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF33415C' } },
}) as Partial<ExcelJS.Style>

/**
 * The row as written: the same array unless a cell needs neutralising or cutting to Excel's limit (almost never),
 * so no copy per row.
 */
function neutraliseRow(values: CellValue[]): CellValue[] {
  const risky = values.some((v) => typeof v === 'string' && (looksLikeFormula(v) || tooLongForExcel(v)))
  return risky ? values.map((v) => (typeof v === 'string' ? safeCellText(v) : v)) : values
}

const columnLetter = (n: number): string => {
  let s = ''
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s
  return s
}

/** The streaming sheet keeps its data validations as the in-memory one does (its typings leave them out). */
interface DataValidationsHolder {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void }
}

interface StyleRegistry {
  addStyleModel(model: Partial<ExcelJS.Style> | undefined, cellType?: number): number
}

const isEmptyStyle = (model: object | undefined): boolean => {
  for (const _key in model) return false
  return true
}

/**
 * exceljs files every cell's style in its registry, and a cell without one gets a fresh empty object, so each lookup
 * missed its cache and built the style's XML again: a sixth of the report's write time. For the values we write
 * (text, numbers, booleans; never dates) an empty style always resolves to the default format, id 0, so the
 * registry answers that at once. (exceljs is unmaintained: this internal will not move under us.)
 */
function answerDefaultStyleAtOnce(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (workbook as unknown as { styles: StyleRegistry }).styles
  const addStyleModel = styles.addStyleModel.bind(styles)
  addStyleModel({}) // registers the default font, as the first lookup would
  styles.addStyleModel = (model, cellType) => (isEmptyStyle(model) ? 0 : addStyleModel(model, cellType))
}

export async function writeXlsx(path: string, sheets: readonly SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  })
  workbook.creator = 'Ninefold'
  answerDefaultStyleAtOnce(workbook)
  const opening = sheets.findIndex((s) => s.opensHere)
  if (opening > 0)
    workbook.views = [
      { activeTab: opening, x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, visibility: 'visible' },
    ]
  for (const spec of sheets) {
    const headerRow = (spec.preamble?.length ?? 0) + 1
    const sheet = workbook.addWorksheet(spec.name, {
      views: [
        {
          state: 'frozen',
          ySplit: headerRow,
          // The tab shown selected is the one the workbook opens on (Excel expects the two to agree).
          ...(opening > 0 ? { tabSelected: spec.opensHere === true } : {}),
        },
      ],
      pageSetup: spec.landscape
        ? {
            orientation: 'landscape',
            fitToPage: true,
            fitToWidth: 1,
            fitToHeight: 0,
            printTitlesRow: `${headerRow}:${headerRow}`,
          }
        : { printTitlesRow: `${headerRow}:${headerRow}` },
    })
    // Numbers keep Excel's General format: a number format is a style per cell, which cost half the report's
    // write time, and General already shows our whole numbers and one-decimal values as they are.
    sheet.columns = spec.columns.map((c, i) => ({ key: `c${i}`, width: c.width }))
    for (const line of spec.preamble ?? []) {
      const row = sheet.addRow(neutraliseRow(line))
      row.commit()
    }
    // Headers carry user text too (skill names, periods, role titles).
    const header = sheet.addRow(neutraliseRow(spec.columns.map((c) => c.header)))
    header.eachCell((cell) => {
      cell.style = HEADER
    })
    header.commit()
    const lastColumn = columnLetter(spec.columns.length)
    sheet.autoFilter = `A${headerRow}:${lastColumn}${headerRow}`
    // 1-based positions of the columns someone fills in.
    const editable = spec.columns.flatMap((c, i) => (c.editable ? [i + 1] : []))
    let count = 0
    for (const values of spec.rows) {
      const row = sheet.addRow(neutraliseRow(values))
      for (const column of editable) row.getCell(column).style = EDITABLE
      row.commit()
      count++
    }
    const lastRow = headerRow + Math.max(1, count)
    spec.columns.forEach((c, i) => {
      if (!c.choices) return
      const range = `${columnLetter(i + 1)}${headerRow + 1}:${columnLetter(i + 1)}${lastRow}`
      ;(sheet as unknown as DataValidationsHolder).dataValidations.add(
        range,
        c.choices === 'box'
          ? { type: 'whole', operator: 'between', allowBlank: true, showErrorMessage: true, formulae: [1, 9] }
          : {
              type: 'list',
              allowBlank: true,
              showErrorMessage: true,
              // A list validation's words in one quoted, comma-separated formula.
              formulae: [`"${c.choices.map((w) => w.replace(/[",]/g, '')).join(',')}"`],
            },
      )
    })
    if (spec.protect)
      await sheet.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        autoFilter: true,
        sort: true,
      })
    for (const rule of spec.colours ?? []) {
      sheet.addConditionalFormatting({
        ref: `${columnLetter(rule.columns.from)}${headerRow + 1}:${columnLetter(rule.columns.to)}${lastRow}`,
        rules: [
          {
            type: 'expression',
            priority: 1,
            formulae: [rule.formula],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: rule.argb } } },
          },
        ],
      })
    }
    sheet.commit()
  }
  await workbook.commit()
}
