/**
 * Reading and patching one worksheet's XML as text: the cells that change are rewritten, everything else (other
 * cells, their styles, formulas, merged ranges, column widths, conditional formats) is copied character for character.
 * Going through a spreadsheet library's object model instead would re-serialise the whole sheet and its styles.
 */

/** A value written into a cell: numbers stay numbers, text is written as an inline string. */
export type CellWrite =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  /** No value (the cell keeps its style). */
  | { kind: 'blank' }

/** A cell as read: its text (shared strings resolved), whether it was a number, and its place in the XML. */
export interface SheetCell {
  column: number
  text: string | null
  isNumber: boolean
  /** The cell is computed: its value is the formula's, not one to overwrite. */
  formula: boolean
  style: string | null
  start: number
  end: number
}

export interface SheetRow {
  number: number
  /** The opening tag (or the whole element when it is empty, `<row …/>`). */
  openStart: number
  openEnd: number
  selfClosing: boolean
  /** Where the row's closing tag starts (= openEnd for an empty row). */
  closeStart: number
  prefix: string
  cells: SheetCell[]
}

const ROW = /<((?:[\w.-]+:)?)row\b([^>]*?)(\/?)>/g
const CELL = /<((?:[\w.-]+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g

export const decodeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')

/** A character XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF. */
const notInXml = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff

/** Characters XML 1.0 cannot hold are dropped; markup characters are escaped. */
const escapeXml = (text: string): string =>
  [...text]
    .filter((ch) => !notInXml(ch.codePointAt(0) ?? 0))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')

const ATTRIBUTES = new Map(['r', 's', 't'].map((name) => [name, new RegExp(`(?:^|\\s)${name}="([^"]*)"`)]))
/** One of the attributes a cell or row is read by (compiled once: a sheet has millions of cells). */
const attribute = (attributes: string, name: 'r' | 's' | 't'): string | null =>
  ATTRIBUTES.get(name)?.exec(attributes)?.[1] ?? null

/** The text of a run list (`<si>` or `<is>`): its `<t>` parts, phonetic readings left out. */
function runText(xml: string): string {
  const withoutPhonetic = xml.replace(/<((?:[\w.-]+:)?)rPh\b[\s\S]*?<\/\1rPh>/g, '')
  let text = ''
  for (const match of withoutPhonetic.matchAll(/<((?:[\w.-]+:)?)t\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1t>)/g))
    text += decodeXml(match[2] ?? '')
  return text
}

export function readSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<((?:[\w.-]+:)?)si\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1si>)/g)].map((m) =>
    runText(m[2] ?? ''),
  )
}

/** A row's cell in a column, if the row has one. */
export const cellAt = (row: SheetRow, column: number): SheetCell | null =>
  row.cells.find((c) => c.column === column) ?? null

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  let letters = ''
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

export function columnIndex(letters: string): number {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

function cellText(type: string | null, inner: string, shared: readonly string[]): string | null {
  if (type === 'inlineStr') return runText(inner)
  const value = /<((?:[\w.-]+:)?)v\b[^>]*>([\s\S]*?)<\/\1v>/.exec(inner)?.[2]
  if (value === undefined) return null
  if (type === 's') return shared[Number(value)] ?? null
  return decodeXml(value)
}

/** Where `<sheetData>`'s rows are: the rows of a sheet, parsed once, with their cells' places in the XML. */
export function readSheetRows(xml: string, shared: readonly string[]): SheetRow[] {
  const dataStart = xml.search(/<(?:[\w.-]+:)?sheetData\b/)
  if (dataStart < 0) return []
  const dataEnd = xml.search(/<\/(?:[\w.-]+:)?sheetData>/)
  const rows: SheetRow[] = []
  ROW.lastIndex = dataStart
  let previous = 0
  for (let match = ROW.exec(xml); match && (dataEnd < 0 || match.index < dataEnd); match = ROW.exec(xml)) {
    const prefix = match[1] ?? ''
    const attributes = match[2] ?? ''
    const number = Number(attribute(attributes, 'r') ?? previous + 1)
    previous = number
    const openStart = match.index
    const openEnd = ROW.lastIndex
    const selfClosing = match[3] === '/'
    const closeStart = selfClosing ? openEnd : xml.indexOf(`</${prefix}row>`, openEnd)
    const cells: SheetCell[] = []
    if (!selfClosing) {
      const body = xml.slice(openEnd, closeStart)
      let column = -1
      for (const cell of body.matchAll(CELL)) {
        const cellAttributes = cell[2] ?? ''
        const ref = attribute(cellAttributes, 'r')
        column = ref ? columnIndex(/^[A-Za-z]+/.exec(ref)?.[0] ?? 'A') : column + 1
        const type = attribute(cellAttributes, 't')
        const text = cellText(type, cell[3] ?? '', shared)
        cells.push({
          column,
          text,
          isNumber: text !== null && (type === null || type === 'n'),
          formula: /<(?:[\w.-]+:)?f\b/.test(cell[3] ?? ''),
          style: attribute(cellAttributes, 's'),
          start: openEnd + (cell.index ?? 0),
          end: openEnd + (cell.index ?? 0) + cell[0].length,
        })
      }
      ROW.lastIndex = closeStart
    }
    rows.push({ number, openStart, openEnd, selfClosing, closeStart, prefix, cells })
  }
  return rows
}

function cellXml(prefix: string, ref: string, style: string | null, write: CellWrite): string {
  const s = style === null ? '' : ` s="${style}"`
  if (write.kind === 'blank') return `<${prefix}c r="${ref}"${s}/>`
  if (write.kind === 'number')
    return `<${prefix}c r="${ref}"${s}><${prefix}v>${write.value}</${prefix}v></${prefix}c>`
  const text = escapeXml(write.value)
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''
  return `<${prefix}c r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t${space}>${text}</${prefix}t></${prefix}is></${prefix}c>`
}

/** A write into a cell; `style` is used only where the cell did not exist (an existing cell keeps its own). */
export interface CellPatch {
  write: CellWrite
  style?: string | null
}

/**
 * The sheet with the given cells written (row number → column → patch) and every other byte as it was. A written
 * cell keeps its style; new cells go in column order, so cells past the last used column end up at the end of the
 * row. `lastColumn` (0-based), when given, widens `<dimension ref>` to it.
 */
export function patchSheet(
  xml: string,
  rows: readonly SheetRow[],
  patches: ReadonlyMap<number, ReadonlyMap<number, CellPatch>>,
  lastColumn: number | null,
): string {
  const parts: string[] = []
  let copied = 0
  for (const row of rows) {
    const writes = patches.get(row.number)
    if (!writes || writes.size === 0) continue
    const pending = [...writes].sort((a, b) => a[0] - b[0])
    const ref = (column: number): string => `${columnLetters(column)}${row.number}`
    const fresh = (column: number, patch: CellPatch): string =>
      cellXml(row.prefix, ref(column), patch.style ?? null, patch.write)
    parts.push(xml.slice(copied, row.openStart))
    const open = xml.slice(row.openStart, row.openEnd)
    const widest = Math.max(pending.at(-1)?.[0] ?? 0, row.cells.at(-1)?.column ?? 0)
    // `spans` is a hint for readers; kept true when the row grows.
    const opened = open.replace(
      /(\sspans=")(\d+):\d+"/,
      (_m, lead: string, first: string) => `${lead}${first}:${widest + 1}"`,
    )
    parts.push(row.selfClosing ? opened.replace(/\s*\/>$/, '>') : opened)
    let at = row.openEnd
    for (const cell of row.cells) {
      while (pending.length > 0 && (pending[0]?.[0] ?? 0) < cell.column) {
        const [column, patch] = pending.shift() as [number, CellPatch]
        parts.push(xml.slice(at, cell.start), fresh(column, patch))
        at = cell.start
      }
      if (pending[0]?.[0] === cell.column) {
        const [, patch] = pending.shift() as [number, CellPatch]
        parts.push(xml.slice(at, cell.start), cellXml(row.prefix, ref(cell.column), cell.style, patch.write))
        at = cell.end
      }
    }
    parts.push(xml.slice(at, row.closeStart))
    for (const [column, patch] of pending) parts.push(fresh(column, patch))
    if (row.selfClosing) {
      parts.push(`</${row.prefix}row>`)
      copied = row.openEnd
    } else copied = row.closeStart
  }
  parts.push(xml.slice(copied))
  const patched = parts.join('')
  if (lastColumn === null) return patched
  return patched.replace(
    /(<(?:[\w.-]+:)?dimension\b[^>]*?\sref=")([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?"/,
    (whole, lead: string, c1: string, r1: string, c2?: string, r2?: string) => {
      const end = c2 ?? c1
      if (columnIndex(end) >= lastColumn) return whole
      return `${lead}${c1}${r1}:${columnLetters(lastColumn)}${r2 ?? r1}"`
    },
  )
}
