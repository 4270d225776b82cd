import { readWorkbookMeta } from '../import/readers/workbookMeta'
import type { ZipEntry } from '../import/readers/zipInspector'
import { readSharedStrings, readSheetRows, type SheetRow } from './sheetXml'
import { readZipEntry } from './zipRewrite'

/**
 * A workbook to be patched, as far as a patch needs it: its sheets, the XML part of each, and a sheet's rows (each
 * sheet inflated and read once, on first use; the shared strings likewise).
 */
export class SourceWorkbook {
  private readonly byName: Map<string, ZipEntry>
  private readonly partOf = new Map<string, string>()
  private readonly parsed = new Map<string, { xml: string; rows: SheetRow[] }>()
  private shared: string[] | null = null
  readonly sheets: { name: string; hidden: boolean }[]

  constructor(
    private readonly path: string,
    readonly entries: ZipEntry[],
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]))
    const meta = readWorkbookMeta(path, entries)
    const targets = new Map(meta.relationships.map((r) => [r.Id, r.Target]))
    for (const sheet of meta.sheetModels) {
      const target = targets.get(sheet.rId)
      if (target) this.partOf.set(sheet.name, `xl/${target}`)
    }
    this.sheets = meta.sheets.map((s) => ({ name: s.name, hidden: s.hidden }))
  }

  private sharedStrings(): string[] {
    if (this.shared === null) {
      const entry =
        this.byName.get('xl/sharedStrings.xml') ??
        this.entries.find((e) => /^xl\/[^/]*sharedStrings[^/]*\.xml$/i.test(e.name))
      this.shared = entry ? readSharedStrings(readZipEntry(this.path, entry).toString('utf8')) : []
    }
    return this.shared
  }

  part(sheet: string): string | null {
    const part = this.partOf.get(sheet)
    return part && this.byName.has(part) ? part : null
  }

  sheet(name: string): { xml: string; rows: SheetRow[] } | null {
    const cached = this.parsed.get(name)
    if (cached) return cached
    const part = this.part(name)
    const entry = part ? this.byName.get(part) : undefined
    if (!entry) return null
    const xml = readZipEntry(this.path, entry).toString('utf8')
    const sheet = { xml, rows: readSheetRows(xml, this.sharedStrings()) }
    this.parsed.set(name, sheet)
    return sheet
  }
}
