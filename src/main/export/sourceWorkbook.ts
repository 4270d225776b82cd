import { readWorkbookMeta, type WorkbookMeta } from '../import/readers/workbookMeta'
import type { ZipEntry } from '../import/readers/zipInspector'
import { readSharedStrings, readSheetRows, type SheetRow } from './sheetXml'
import { readZipEntry } from './zipRewrite'

/**
 * A workbook to be patched, as far as a patch needs it: its sheets, the XML part of each, and a sheet's rows (each
 * sheet inflated and read once, on first use; the shared strings likewise).
 */
export class SourceWorkbook {
  private readonly meta: WorkbookMeta
  private readonly parsed = new Map<string, { xml: string; rows: SheetRow[] }>()
  private shared: string[] | null = null
  readonly sheets: { name: string; hidden: boolean }[]

  constructor(
    private readonly path: string,
    readonly entries: ZipEntry[],
  ) {
    this.meta = readWorkbookMeta(path, entries)
    this.sheets = this.meta.sheets.map((s) => ({ name: s.name, hidden: s.hidden }))
  }

  private sharedStrings(): string[] {
    if (this.shared === null) {
      const entry = this.meta.sharedStrings
      this.shared = entry ? readSharedStrings(readZipEntry(this.path, entry).toString('utf8')) : []
    }
    return this.shared
  }

  /** The zip entry name of a sheet's XML. */
  part(sheet: string): string | null {
    return this.meta.sheetParts.get(sheet)?.name ?? null
  }

  sheet(name: string): { xml: string; rows: SheetRow[] } | null {
    const cached = this.parsed.get(name)
    if (cached) return cached
    const entry = this.meta.sheetParts.get(name)
    if (!entry) return null
    const xml = readZipEntry(this.path, entry).toString('utf8')
    const sheet = { xml, rows: readSheetRows(xml, this.sharedStrings()) }
    this.parsed.set(name, sheet)
    return sheet
  }
}
