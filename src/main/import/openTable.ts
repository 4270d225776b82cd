import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { openCsvFile } from './readers/csvFile'
import { FileFormatError, type SheetInfo, type SourceRow } from './readers/types'
import { openXlsxFile } from './readers/xlsxFile'
import { parseInWorker, workerHeapMb } from './parseInWorker'

export interface OpenedTable {
  path: string
  fileName: string
  format: 'csv' | 'xlsx'
  sheets: SheetInfo[]
  encoding: string | null
  delimiter: string | null
  date1904: boolean | null
  /** Streams rows from a worker thread. */
  rows(sheet: string | null, signal?: AbortSignal): AsyncGenerator<SourceRow>
}

/** Every file problem becomes the same user-facing error, naming the file. */
export function fileError(path: string, error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof FileFormatError) {
    const problem = error.text ?? error.message
    return new AppError('FILE_UNREADABLE', message('import.errors.file', { file: basename(path), problem }), {
      file: basename(path),
      reason: error.code,
    })
  }
  throw error
}

function magic(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(4)
    readSync(fd, buffer, 0, 4, 0)
    return buffer
  } finally {
    closeSync(fd)
  }
}

/**
 * Opens a spreadsheet for import. The format comes from the bytes, not the name: a CSV renamed .xlsx is read as
 * the text it is only if it is text, and a zip that is not a workbook is refused with that reason.
 */
export function openTable(
  path: string,
  options: { delimiter?: string | null; encoding?: string | null; spoolRoot: string },
): OpenedTable {
  if (!existsSync(path))
    throw new AppError('FILE_UNREADABLE', message('import.errors.noFile', { file: path }), {
      file: path,
      reason: 'NOT_FOUND',
    })
  try {
    if (statSync(path).size === 0) throw new FileFormatError('EMPTY_FILE', message('import.errors.empty'))
    const head = magic(path).readUInt32LE(0)
    const isZip = head === 0x04034b50
    // An Excel 97–2003 workbook (OLE2), whatever its name: the workbook reader refuses it saying how to convert it.
    const isOle2 = head === 0xe011cfd0
    const looksLikeXlsx = /\.xls[xm]$/i.test(path)
    if (!isZip && !isOle2 && looksLikeXlsx) {
      throw new FileFormatError('NOT_XLSX', message('import.errors.namedLikeXlsx'))
    }
    const meta =
      isZip || isOle2
        ? openXlsxFile(path)
        : openCsvFile(path, { delimiter: options.delimiter ?? null, encoding: options.encoding ?? null })
    return {
      path,
      fileName: basename(path),
      format: meta.format,
      sheets: meta.sheets,
      encoding: meta.encoding,
      delimiter: meta.delimiter,
      date1904: meta.date1904,
      rows: (sheet, signal) =>
        parseInWorker(
          {
            path,
            format: meta.format,
            sheet,
            delimiter: meta.delimiter,
            encoding: meta.encoding,
            spoolRoot: options.spoolRoot,
            heapLimitMb: workerHeapMb(meta.sharedStringsBytes ?? 0),
          },
          signal,
        ),
    }
  } catch (error) {
    throw fileError(path, error)
  }
}
