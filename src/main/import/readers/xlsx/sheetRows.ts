import type { Cell } from '../../../../core/import/cells'
import { message } from '../../../../shared/i18n/translate'
import { FileFormatError, type SourceRow } from '../types'
import type { ZipEntry } from '../zipInspector'
import { partText } from './partText'
import { unescapeOoxml } from './ooxmlText'
import { attribute, badXml, XmlScanner, type XmlHandler } from './xmlScanner'

/** Excel's own limits: more rows or longer cells mean the file was not written by a spreadsheet. */
export const EXCEL_MAX_ROWS = 1_048_576
export const EXCEL_MAX_CELL_CHARS = 32_767
const EXCEL_MAX_COLUMNS = 16_384
/** `_x000D_` is 7 characters for one: captured text longer than this cannot fit in a cell, whatever it escapes. */
const MAX_CAPTURED_CHARS = EXCEL_MAX_CELL_CHARS * 7

const MS_PER_DAY = 86_400_000
/** Day 25569 of the 1900 system is 1970-01-01; the 1904 system counts 1462 days fewer. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY))
}

/** `t="d"` cells hold ISO 8601 text; without a zone it is the workbook's wall-clock time, read as UTC like serials. */
function isoDate(text: string): Cell {
  const value = text.trim()
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(value) || !value.includes('T') ? value : `${value}Z`
  const date = new Date(/^\d{4}-\d\d-\d\d$/.test(zoned) ? `${zoned}T00:00:00Z` : zoned)
  return Number.isNaN(date.getTime()) ? value : date
}

export interface SheetContext {
  sheetName: string
  sharedStrings: readonly string[]
  /** Per cell format index (a cell's `s`), whether its number format shows a date. */
  dateStyles: readonly boolean[]
  date1904: boolean
}

/** Turns a sheet's XML events into rows: one <row> in, one SourceRow out, cells typed as the writer saved them. */
class SheetHandler implements XmlHandler {
  capturing = false
  readonly done: SourceRow[] = []
  private rowNumber = 0
  private cells: Cell[] | null = null
  private column = 0
  private inCell = false
  private cellColumn = 0
  private cellType = ''
  private cellStyle = 0
  private hasFormula = false
  private value: string | null = null
  private inline: string | null = null
  private inInline = false
  private phoneticDepth = 0
  private target: 'value' | 'inline' = 'value'

  constructor(
    private readonly part: string,
    private readonly context: SheetContext,
  ) {}

  open(name: string, attributes: string, selfClosing: boolean): void {
    switch (name) {
      case 'c':
        if (this.cells === null) return
        this.startCell(attributes)
        if (selfClosing) this.endCell()
        return
      case 'v':
        if (!this.inCell) return
        this.value = ''
        if (!selfClosing) {
          this.target = 'value'
          this.capturing = true
        }
        return
      case 'f':
        if (this.inCell) this.hasFormula = true
        return
      case 'is':
        if (!this.inCell || selfClosing) return
        this.inInline = true
        this.inline ??= ''
        return
      case 't':
        if (this.inInline && this.phoneticDepth === 0 && !selfClosing) {
          this.target = 'inline'
          this.capturing = true
        }
        return
      case 'rPh':
        if (this.inInline && !selfClosing) this.phoneticDepth++
        return
      case 'row':
        this.startRow(attributes)
        if (selfClosing) this.endRow()
        return
      default:
        return
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.capturing = false
        return
      case 'rPh':
        if (this.inInline) this.phoneticDepth--
        return
      case 'is':
        this.inInline = false
        return
      case 'c':
        if (this.inCell) this.endCell()
        return
      case 'row':
        if (this.cells !== null) this.endRow()
        return
      default:
        return
    }
  }

  text(text: string): void {
    if (this.target === 'value') this.value += text
    else this.inline += text
    if ((this.target === 'value' ? this.value : this.inline)!.length > MAX_CAPTURED_CHARS) {
      throw this.tooLong(MAX_CAPTURED_CHARS)
    }
  }

  private startRow(attributes: string): void {
    const r = attribute(attributes, 'r', this.part)
    const number = r === undefined ? NaN : parseInt(r, 10)
    this.rowNumber = Number.isInteger(number) && number > 0 ? number : this.rowNumber + 1
    if (this.rowNumber > EXCEL_MAX_ROWS) {
      throw new FileFormatError(
        'TOO_MANY_ROWS',
        message('import.errors.tooManyRows', { sheet: this.context.sheetName, max: EXCEL_MAX_ROWS }),
      )
    }
    this.cells = []
    this.column = 0
  }

  private endRow(): void {
    const cells = this.cells ?? []
    let length = cells.length
    while (length > 0 && cells[length - 1] === null) length--
    cells.length = length
    this.done.push({ row: this.rowNumber, cells })
    this.cells = null
  }

  /** A cell's r, s and t in one pass over its attributes (millions of cells: no object per cell). */
  private startCell(attributes: string): void {
    this.inCell = true
    this.cellType = ''
    this.cellStyle = 0
    this.hasFormula = false
    this.value = null
    this.inline = null
    this.inInline = false
    this.phoneticDepth = 0
    let column = -1
    const n = attributes.length
    let i = 0
    while (i < n) {
      const eq = attributes.indexOf('=', i)
      if (eq === -1) break
      let nameStart = i
      while (nameStart < eq && isSpace(attributes.charCodeAt(nameStart))) nameStart++
      let nameEnd = eq
      while (nameEnd > nameStart && isSpace(attributes.charCodeAt(nameEnd - 1))) nameEnd--
      let q = eq + 1
      while (q < n && isSpace(attributes.charCodeAt(q))) q++
      const quote = attributes.charCodeAt(q)
      if (quote !== 34 && quote !== 39) throw badXml(this.part, 'an attribute value without quotes')
      const end = attributes.indexOf(quote === 34 ? '"' : "'", q + 1)
      if (end === -1) throw badXml(this.part, 'an unterminated attribute value')
      if (nameEnd - nameStart === 1) {
        const which = attributes.charCodeAt(nameStart)
        if (which === 114 /* r */) column = columnOf(attributes, q + 1, end)
        else if (which === 116 /* t */) this.cellType = attributes.slice(q + 1, end)
        else if (which === 115 /* s */) this.cellStyle = parseInt(attributes.slice(q + 1, end), 10) || 0
      }
      i = end + 1
    }
    if (column === -1) column = this.column
    if (column >= EXCEL_MAX_COLUMNS) {
      throw badXml(this.part, `a cell in row ${this.rowNumber} past column XFD, Excel's last`)
    }
    this.cellColumn = column
    this.column = column + 1
  }

  private endCell(): void {
    this.inCell = false
    this.capturing = false
    const cell = this.cellValue()
    if (cell === null) return
    if (typeof cell === 'string' && cell.length > EXCEL_MAX_CELL_CHARS) throw this.tooLong(cell.length)
    const cells = this.cells!
    while (cells.length < this.cellColumn) cells.push(null)
    cells[this.cellColumn] = cell
  }

  private cellValue(): Cell {
    const value = this.value
    let cell: Cell
    switch (this.cellType) {
      case 's': {
        cell = value === null ? null : (this.context.sharedStrings[parseInt(value, 10)] ?? null)
        break
      }
      case 'inlineStr':
        cell =
          this.inline !== null ? unescapeOoxml(this.inline) : value !== null ? unescapeOoxml(value) : null
        break
      case 'str':
        cell = value === null ? null : unescapeOoxml(value)
        break
      case 'b':
        cell = value === null || value.trim() === '' ? null : value.trim() === '1' || value.trim() === 'true'
        break
      case 'e':
        cell = value === null ? null : { error: value.trim() }
        break
      case 'd':
        cell = value === null || value.trim() === '' ? null : isoDate(value)
        break
      default: {
        if (value === null || value.trim() === '') {
          // Some writers leave out t="inlineStr" and still write <is>: the text is what they meant.
          cell = this.inline !== null ? unescapeOoxml(this.inline) : null
          break
        }
        const number = Number(value)
        if (Number.isNaN(number)) cell = value
        else if (this.context.dateStyles[this.cellStyle] === true) {
          // A serial past year 275760 is no date (Excel shows ####); keep the number rather than an Invalid Date.
          const date = serialToDate(number, this.context.date1904)
          cell = Number.isNaN(date.getTime()) ? number : date
        } else cell = number
      }
    }
    // A formula saved without its value (some generators do this) cannot be evaluated here: say so per cell.
    if (cell === null && this.hasFormula && (this.cellType !== 'str' || value === null)) {
      return { error: 'formula without a saved value' }
    }
    return cell
  }

  private tooLong(length: number): FileFormatError {
    return new FileFormatError(
      'CELL_TOO_LONG',
      message('import.errors.cellTooLong', {
        sheet: this.context.sheetName,
        row: String(this.rowNumber),
        column: String(this.cellColumn + 1),
        length,
        max: EXCEL_MAX_CELL_CHARS,
      }),
    )
  }
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13

/** 0-based column of a reference such as `AB12` (its letters); -1 when it has none. */
function columnOf(text: string, from: number, to: number): number {
  let column = 0
  let i = from
  for (; i < to; i++) {
    const c = text.charCodeAt(i) | 0x20 // lower case
    if (c < 97 || c > 122) break
    column = column * 26 + (c - 96)
    if (column > EXCEL_MAX_COLUMNS) break
  }
  return i === from ? -1 : column - 1
}

/** Streams one sheet part's rows, inflating, decoding and scanning it once. */
export async function* readSheetRows(
  path: string,
  entry: ZipEntry,
  context: SheetContext,
  signal?: AbortSignal,
): AsyncGenerator<SourceRow> {
  const handler = new SheetHandler(entry.name, context)
  const scanner = new XmlScanner(entry.name, handler)
  for await (const text of partText(path, entry, signal)) {
    scanner.feed(text)
    if (handler.done.length > 0) {
      for (const row of handler.done.splice(0)) {
        signal?.throwIfAborted()
        yield row
      }
    }
  }
  scanner.end()
  for (const row of handler.done.splice(0)) {
    signal?.throwIfAborted()
    yield row
  }
}
