import { closeSync, openSync, readSync } from 'node:fs'
import { message } from '../../../shared/i18n/translate'
import { FileFormatError, type SourceRow, type TableFile } from './types'
import { readWorkbookMeta, type WorkbookMeta } from './workbookMeta'
import { readSharedStrings } from './xlsx/sharedStrings'
import { readDateStyles } from './xlsx/styles'
import { readSheetRows } from './xlsx/sheetRows'
import { inspectZip, readZipEntryHead, type ZipEntry } from './zipInspector'

/** The first bytes of an OLE2 compound file: Excel 97–2003 (.xls) workbooks, and other old Office documents. */
const OLE2_MAGIC = 0xe011cfd0

function isOle2(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const head = Buffer.alloc(4)
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === OLE2_MAGIC
  } finally {
    closeSync(fd)
  }
}

/**
 * Workbooks we recognise but do not read, each refused with how to save it as .xlsx. No well-kept reader for them
 * is on npm (SheetJS's npm package stopped at 0.18.5), and a file that fails with a generic "not a workbook" leaves
 * the person with nothing to do.
 */
function refuseOtherWorkbooks(path: string, entries: readonly ZipEntry[] | null): void {
  if (entries === null) {
    if (isOle2(path)) throw new FileFormatError('LEGACY_XLS', message('import.errors.legacyXls'))
    return
  }
  if (entries.some((e) => e.name === 'xl/workbook.xml')) return
  const mimetype = entries.find((e) => e.name === 'mimetype')
  const kind = mimetype ? readZipEntryHead(path, mimetype, 256).trim() : ''
  if (kind === 'application/vnd.oasis.opendocument.spreadsheet') {
    throw new FileFormatError('ODS_WORKBOOK', message('import.errors.odsWorkbook'))
  }
  throw new FileFormatError('NOT_XLSX', message('import.errors.zipNotWorkbook'))
}

/**
 * Streams one sheet's rows: shared strings and styles first (small parts, read whole), then the sheet in a single
 * pass — inflated, counted against its declared size, decoded and scanned as it streams. Runs in the parse worker.
 */
async function* readSheet(
  path: string,
  sheetName: string,
  meta: WorkbookMeta,
  signal?: AbortSignal,
): AsyncGenerator<SourceRow> {
  const part = meta.sheetParts.get(sheetName)
  if (!part) {
    throw new FileFormatError(
      'CORRUPT_FILE',
      message('import.errors.partMissing', { part: `${sheetName} (xl/worksheets/…)` }),
    )
  }
  const sharedStrings = meta.sharedStrings ? await readSharedStrings(path, meta.sharedStrings, signal) : []
  signal?.throwIfAborted()
  const dateStyles = meta.styles ? await readDateStyles(path, meta.styles, signal) : []
  signal?.throwIfAborted()
  yield* readSheetRows(path, part, { sheetName, sharedStrings, dateStyles, date1904: meta.date1904 }, signal)
}

/** Opens a workbook: checks the zip directory, then reads sheet names, sizes and the date system. */
export function openXlsxFile(path: string): TableFile {
  refuseOtherWorkbooks(path, null)
  const entries = inspectZip(path)
  refuseOtherWorkbooks(path, entries)
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
    sharedStringsBytes: meta.sharedStrings?.uncompressedSize ?? 0,
    rows(sheetName, signal) {
      const name = sheetName ?? defaultSheet?.name ?? ''
      if (!sheets.some((s) => s.name === name)) {
        throw new FileFormatError(
          'NO_SUCH_SHEET',
          message('import.errors.noSuchSheet', { sheet: name, sheets: sheets.map((s) => s.name).join(', ') }),
        )
      }
      return readSheet(path, name, meta, signal)
    },
  }
}
