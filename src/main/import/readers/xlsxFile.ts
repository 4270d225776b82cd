import ExcelJS from 'exceljs'
import type { Cell } from '../../../core/import/cells'
import { readWorkbookMeta, type WorkbookMeta } from './workbookMeta'
import { inspectZip, verifyInflatedSizes, type ZipEntry } from './zipInspector'
import { FileFormatError, type SourceRow, type TableFile } from './types'
import { message } from '../../../shared/i18n/translate'

/** Excel's own limits: more rows or longer cells mean the file was not written by a spreadsheet. */
export const EXCEL_MAX_ROWS = 1_048_576
export const EXCEL_MAX_CELL_CHARS = 32_767

type ExcelValue = ExcelJS.CellValue

/** exceljs cell values → our Cell: formulas give their cached result, rich text its plain text. */
export function toCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value
  if (typeof value === 'object') {
    if ('error' in value) return { error: String(value.error) }
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelValue }).result
      // A formula saved without its value (some generators do this) cannot be evaluated here: say so per cell.
      return result === undefined ? { error: 'formula without a saved value' } : toCell(result)
    }
    if ('text' in value) return String(value.text)
  }
  return String(value)
}

function errorFor(error: unknown): FileFormatError {
  if (error instanceof FileFormatError) return error
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
  if (/xml|sax|root node|close tag|attribute|unexpected|invalid/i.test(detail)) {
    return new FileFormatError('CORRUPT_FILE', message('import.errors.badXml', { detail }))
  }
  return new FileFormatError('CORRUPT_FILE', message('import.errors.unreadableWorkbook', { detail }))
}

/**
 * Streams one sheet's rows. Runs inside the parse worker (see ../parseWorker.ts), which points TMPDIR at a private
 * spool folder first: exceljs spools sheet XML through os.tmpdir() when the shared strings come later in the zip.
 */
async function* readSheet(
  path: string,
  sheetName: string,
  meta: WorkbookMeta,
  entries: readonly ZipEntry[],
  signal?: AbortSignal,
): AsyncIterable<SourceRow> {
  await verifyInflatedSizes(path, entries)
  signal?.throwIfAborted()
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  })
  // exceljs names a sheet from workbook.xml, and crashes if a sheet comes before it in the zip (exceljs's own
  // writer puts it last). Prime it with what we already read, so names resolve whatever the order.
  Object.assign(workbook, {
    model: { sheets: meta.sheetModels },
    workbookRels: meta.relationships,
    properties: { model: { date1904: meta.date1904 } },
  })
  try {
    for await (const sheet of workbook) {
      const isWanted = (sheet as unknown as { name: string }).name === sheetName
      for await (const raw of sheet) {
        if (!isWanted) continue
        signal?.throwIfAborted()
        const row = raw as ExcelJS.Row
        if (row.number > EXCEL_MAX_ROWS) {
          throw new FileFormatError(
            'TOO_MANY_ROWS',
            message('import.errors.tooManyRows', { sheet: sheetName, max: EXCEL_MAX_ROWS }),
          )
        }
        const values = row.values as ExcelValue[]
        const cells: Cell[] = []
        for (let i = 1; i < values.length; i++) {
          const cell = toCell(values[i])
          if (typeof cell === 'string' && cell.length > EXCEL_MAX_CELL_CHARS) {
            throw new FileFormatError(
              'CELL_TOO_LONG',
              message('import.errors.cellTooLong', {
                sheet: sheetName,
                row: String(row.number),
                column: String(i),
                length: cell.length,
                max: EXCEL_MAX_CELL_CHARS,
              }),
            )
          }
          cells.push(cell)
        }
        yield { row: row.number, cells }
      }
    }
  } catch (error) {
    if (signal?.aborted) throw error
    throw errorFor(error)
  }
}

/** Opens a workbook: checks the zip directory, then reads sheet names, sizes and the date system. */
export function openXlsxFile(path: string): TableFile {
  const entries = inspectZip(path)
  const meta = readWorkbookMeta(path, entries)
  const { sheets, date1904 } = meta
  if (sheets.length === 0) throw new FileFormatError('NO_SHEETS', message('import.errors.noSheets'))
  const defaultSheet =
    sheets.find((s) => !s.hidden && (s.rowCount ?? 1) > 0) ?? sheets.find((s) => !s.hidden) ?? sheets[0]
  return {
    format: 'xlsx',
    sheets,
    encoding: null,
    delimiter: null,
    date1904,
    rows(sheetName, signal) {
      const name = sheetName ?? defaultSheet?.name ?? ''
      if (!sheets.some((s) => s.name === name)) {
        throw new FileFormatError(
          'NO_SUCH_SHEET',
          message('import.errors.noSuchSheet', { sheet: name, sheets: sheets.map((s) => s.name).join(', ') }),
        )
      }
      return readSheet(path, name, meta, entries, signal)
    },
  }
}
