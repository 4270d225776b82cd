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
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')

const attr = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)
  const value = match?.[1] ?? match?.[2]
  return value === undefined ? undefined : decodeXml(value)
}

/** Rows declared by a sheet's <dimension ref="A1:O1001">; null when the writer left it out. */
function declaredRows(sheetHead: string): number | null {
  const ref = /<(?:\w+:)?dimension\s+ref="([^"]+)"/.exec(sheetHead)?.[1]
  const last = ref?.split(':').at(-1)
  const row = last ? /\d+$/.exec(last)?.[0] : undefined
  return row ? Number(row) : null
}

/**
 * Sheet names, visibility, declared sizes, the date system and where each part lives, read from workbook.xml, its
 * relationships and each sheet's first bytes — without reading any sheet.
 */
export interface WorkbookMeta {
  sheets: SheetInfo[]
  date1904: boolean
  /** Sheet name → its part in the zip (null when the relationships do not lead to one). */
  sheetParts: Map<string, ZipEntry | null>
  sharedStrings: ZipEntry | null
  styles: ZipEntry | null
}

/** A relationship target resolved against xl/ (the workbook's folder), or from the package root when absolute. */
function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')
  const resolved: string[] = []
  for (const part of parts) {
    if (part === '..') resolved.pop()
    else if (part !== '.' && part !== '') resolved.push(part)
  }
  return resolved.join('/')
}

export function readWorkbookMeta(path: string, entries: readonly ZipEntry[]): WorkbookMeta {
  const byName = new Map(entries.map((e) => [e.name, e]))
  // Some writers differ from the relationships in letter case (xl/SharedStrings.xml); zip names are what count.
  const byLowerName = new Map(entries.map((e) => [e.name.toLowerCase(), e]))
  const find = (name: string): ZipEntry | null =>
    byName.get(name) ?? byLowerName.get(name.toLowerCase()) ?? null
  const workbookEntry = byName.get('xl/workbook.xml')
  if (!workbookEntry) throw new FileFormatError('NOT_XLSX', message('import.errors.noWorkbookXml'))
  const workbook = readZipEntryHead(path, workbookEntry, 1024 * 1024)
  if (/<!(DOCTYPE|ENTITY)/i.test(workbook)) {
    throw new FileFormatError(
      'SUSPICIOUS_XML',
      message('import.errors.doctype', { part: workbookEntry.name }),
    )
  }
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels')
  const rels = relsEntry ? readZipEntryHead(path, relsEntry, 1024 * 1024) : ''
  const targets = new Map<string, string>()
  let sharedStrings: ZipEntry | null = null
  let styles: ZipEntry | null = null
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id')
    const target = attr(tag, 'Target')
    const type = attr(tag, 'Type') ?? ''
    if (!id || !target) continue
    targets.set(id, resolveTarget(target))
    if (type.endsWith('/sharedStrings')) sharedStrings = find(resolveTarget(target))
    else if (type.endsWith('/styles')) styles = find(resolveTarget(target))
  }
  sharedStrings ??= find('xl/sharedStrings.xml')
  styles ??= find('xl/styles.xml')
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(workbook)
  const sheets: SheetInfo[] = []
  const sheetParts = new Map<string, ZipEntry | null>()
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name')
    if (name === undefined) continue
    const state = attr(tag, 'state')
    const relId = /\s(?:\w+:)?id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1]
    const target = relId ? targets.get(relId) : undefined
    const entry = target ? find(target) : null
    sheetParts.set(name, entry)
    sheets.push({
      name,
      hidden: state === 'hidden' || state === 'veryHidden',
      rowCount: entry ? declaredRows(readZipEntryHead(path, entry, 4096)) : null,
    })
  }
  return { sheets, date1904, sheetParts, sharedStrings, styles }
}
