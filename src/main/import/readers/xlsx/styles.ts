import type { ZipEntry } from '../zipInspector'
import { partText } from './partText'
import { attribute, XmlScanner, type XmlHandler } from './xmlScanner'

/** Excel's built-in number formats that show a date or time (ECMA-376 §18.8.30 plus the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
])

/**
 * Whether a number format code shows a date or time: a y, m, d, h or s token outside quoted text ("…"), brackets
 * (colours, conditions, locales such as [$-409]), escaped characters (\d) and padding/fill characters (_x, *x).
 * Elapsed time ([h]:mm) still counts through its :mm.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
  return /[ymdhs]/i.test(bare)
}

/** xl/styles.xml → for each cell format (the `s` index of a cell), whether its number format shows a date. */
class StylesHandler implements XmlHandler {
  readonly capturing = false
  readonly customFormats = new Map<number, string>()
  readonly cellFormatIds: number[] = []
  private inNumFmts = false
  private inCellXfs = false

  constructor(private readonly part: string) {}

  open(name: string, attributes: string, selfClosing: boolean): void {
    if (name === 'numFmts') this.inNumFmts = !selfClosing
    else if (name === 'cellXfs') this.inCellXfs = !selfClosing
    else if (name === 'numFmt' && this.inNumFmts) {
      const id = Number(attribute(attributes, 'numFmtId', this.part))
      const code = attribute(attributes, 'formatCode', this.part)
      if (Number.isInteger(id) && code !== undefined) this.customFormats.set(id, code)
    } else if (name === 'xf' && this.inCellXfs) {
      this.cellFormatIds.push(Number(attribute(attributes, 'numFmtId', this.part) ?? 0))
    }
  }

  close(name: string): void {
    if (name === 'numFmts') this.inNumFmts = false
    else if (name === 'cellXfs') this.inCellXfs = false
  }

  text(): void {}
}

export async function readDateStyles(
  path: string,
  entry: ZipEntry,
  signal?: AbortSignal,
): Promise<boolean[]> {
  const handler = new StylesHandler(entry.name)
  const scanner = new XmlScanner(entry.name, handler)
  for await (const text of partText(path, entry, signal)) scanner.feed(text)
  scanner.end()
  return handler.cellFormatIds.map((id) => {
    const custom = handler.customFormats.get(id)
    return custom !== undefined ? isDateFormatCode(custom) : BUILT_IN_DATE_FORMATS.has(id)
  })
}
