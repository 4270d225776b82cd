import type { Message } from '../../shared/i18n/translate'
import type { SourceRow } from './readers/types'

export interface ParseRequest {
  path: string
  format: 'csv' | 'xlsx'
  sheet: string | null
  delimiter: string | null
  encoding: string | null
  /** A private folder (mode 700) that the reader's libraries may spool into; the importer removes it when the read ends. */
  spoolDirectory: string
}

export type ParseMessage =
  | { type: 'rows'; rows: SourceRow[] }
  | { type: 'end' }
  | { type: 'error'; code: string; message: string; text?: Message }
