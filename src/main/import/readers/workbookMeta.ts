import type { SheetInfo } from './types'
import { FileFormatError } from './types'
import { message } from '../../../shared/i18n/translate'
import { readZipEntryHead, type ZipEntry } from './zipInspector'

const decodeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')

const attr = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return match?.[1] === undefined ? undefined : decodeXml(match[1])
}

/** Rows declared by a sheet's <dimension ref="A1:O1001">; null when the writer left it out. */
function declaredRows(sheetHead: string): number | null {
  const ref = /<(?:\w+:)?dimension\s+ref="([^"]+)"/.exec(sheetHead)?.[1]
  const last = ref?.split(':').at(-1)
  const row = last ? /\d+$/.exec(last)?.[0] : undefined
  return row ? Number(row) : null
}

/**
 * Sheet names, visibility, declared sizes and the date system, read from workbook.xml and each sheet's first
 * bytes — without parsing (or spooling) any sheet.
 */
export interface WorkbookMeta {
  sheets: SheetInfo[]
  date1904: boolean
  /** In exceljs's own shapes, so its streaming reader can be primed with them (see xlsxFile.ts). */
  relationships: { Id: string; Target: string }[]
  sheetModels: { id: number; name: string; state: string; rId: string }[]
}

export function readWorkbookMeta(path: string, entries: readonly ZipEntry[]): WorkbookMeta {
  const byName = new Map(entries.map((e) => [e.name, e]))
  const workbookEntry = byName.get('xl/workbook.xml')
  if (!workbookEntry) throw new FileFormatError('NOT_XLSX', message('import.errors.noWorkbookXml'))
  const workbook = readZipEntryHead(path, workbookEntry, 1024 * 1024)
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels')
  const rels = relsEntry ? readZipEntryHead(path, relsEntry, 1024 * 1024) : ''
  const targets = new Map<string, string>()
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id')
    const target = attr(tag, 'Target')
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''))
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="(1|true)"/.test(workbook)
  const sheets: SheetInfo[] = []
  const sheetModels: WorkbookMeta['sheetModels'] = []
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name')
    if (name === undefined) continue
    const state = attr(tag, 'state')
    const relId = /\s(?:\w+:)?id="([^"]*)"/.exec(tag)?.[1]
    const target = relId ? targets.get(relId) : undefined
    const entry = target ? byName.get(`xl/${target}`) : undefined
    sheetModels.push({
      id: Number(attr(tag, 'sheetId') ?? sheetModels.length + 1),
      name,
      state: state ?? 'visible',
      rId: relId ?? '',
    })
    sheets.push({
      name,
      hidden: state === 'hidden' || state === 'veryHidden',
      rowCount: entry ? declaredRows(readZipEntryHead(path, entry, 4096)) : null,
    })
  }
  return {
    sheets,
    date1904,
    relationships: [...targets].map(([Id, Target]) => ({ Id, Target })),
    sheetModels,
  }
}
