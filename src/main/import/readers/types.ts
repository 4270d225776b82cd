import { english, type Message } from '../../../shared/i18n/translate'
import type { Cell } from '../../../core/import/cells'

export interface SheetInfo {
  name: string
  /** Rows as the file declares them (xlsx dimension); null where only a full read could tell. */
  rowCount: number | null
  hidden: boolean
}

export interface SourceRow {
  /** 1-based, as a spreadsheet shows it. */
  row: number
  cells: Cell[]
}

/** A tabular file opened for reading: CSV/TSV or one sheet of a workbook. Rows stream; nothing holds the file. */
export interface TableFile {
  format: 'csv' | 'xlsx'
  sheets: SheetInfo[]
  /** CSV: the detected or chosen encoding and delimiter. */
  encoding: string | null
  delimiter: string | null
  /** xlsx: whether the workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean | null
  /** xlsx: the shared strings part's inflated size, which the reader holds in memory whole (0 for CSV). */
  sharedStringsBytes?: number
  rows(sheet: string | null, signal?: AbortSignal): AsyncIterable<SourceRow>
}

/** A file that cannot be read as what it claims to be; `text` carries the reason for the user's language. */
export class FileFormatError extends Error {
  readonly text?: Message

  constructor(
    readonly code: string,
    message: string | Message,
  ) {
    super(typeof message === 'string' ? message : english(message))
    if (typeof message !== 'string') this.text = message
  }
}
