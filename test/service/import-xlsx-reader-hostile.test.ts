import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openXlsxFile } from '../../src/main/import/readers/xlsxFile'
import type { SourceRow } from '../../src/main/import/readers/types'
import { useTempDirs } from '../support/tempDir'
import { readZipParts, writeZip } from '../support/zipWriter'

const tempDir = useTempDirs()
const POI = join(import.meta.dirname, '..', 'fixtures', 'xlsx-writers', 'poi-inline-strings.xlsx')
const SHARED = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'xlsx-writers',
  'prefixed-shared-strings-1904.xlsx',
)

/** A copy of a fixture workbook with one part's XML rewritten. */
function rewrite(source: string, part: string, change: (xml: string) => string): string {
  const parts = readZipParts(source)
  const target = parts.find((p) => p.name === part)
  if (!target) throw new Error(`${part} is not in ${source}`)
  target.data = Buffer.from(change(target.data.toString('utf8')))
  const path = join(tempDir(), 'rewritten.xlsx')
  writeZip(path, parts)
  return path
}

async function read(path: string, signal?: AbortSignal): Promise<SourceRow[]> {
  const rows: SourceRow[] = []
  for await (const row of openXlsxFile(path).rows(null, signal)) rows.push(row)
  return rows
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('read without an error')
    },
    (error: unknown) => error as Error & { code: string },
  )

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'

describe('the xlsx reader on hostile and broken XML', () => {
  it('refuses an entity bomb in a sheet before expanding anything', async () => {
    const path = rewrite(POI, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('<worksheet', `${LAUGHS}<worksheet`).replace('<t>Ada Lovelace</t>', '<t>&lol2;</t>'),
    )
    const error = await failure(read(path))
    expect(error.code).toBe('SUSPICIOUS_XML')
    expect(error.message).toBe(
      'The workbook part xl/worksheets/sheet1.xml declares a DOCTYPE or entities, which spreadsheets never write (an XML attack?); refused.',
    )
  })

  it('refuses an external entity in the shared strings', async () => {
    const path = rewrite(SHARED, 'xl/sharedStrings.xml', (xml) =>
      xml
        .replace('<x:sst', '<!DOCTYPE x:sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x:sst')
        .replace('Ada Lovelace', '&xxe;'),
    )
    expect(await failure(read(path))).toMatchObject({ code: 'SUSPICIOUS_XML' })
  })

  it('refuses a DOCTYPE in workbook.xml when the workbook is opened', () => {
    const path = rewrite(POI, 'xl/workbook.xml', (xml) => xml.replace('<workbook', `${LAUGHS}<workbook`))
    expect(() => openXlsxFile(path)).toThrow(expect.objectContaining({ code: 'SUSPICIOUS_XML' }))
  })

  it('refuses malformed XML with the part and the problem', async () => {
    const cases: [string, (xml: string) => string, string][] = [
      ['mismatched', (xml) => xml.replace('</row><row r="2">', '</rows><row r="2">'), '</rows> closes <row>'],
      [
        'unknown entity',
        (xml) => xml.replace('Ada Lovelace', 'Ada &nbsp;Lovelace'),
        'the undeclared entity &nbsp;',
      ],
      ['truncated', (xml) => xml.slice(0, xml.indexOf('</sheetData>')), 'the part ends before </sheetData>'],
      ['second root', (xml) => `${xml}<worksheet/>`, 'a second root element <worksheet>'],
      [
        'nested too deep',
        (xml) => xml.replace('<sheetData>', `<sheetData>${'<a>'.repeat(300)}`),
        'elements nested more than 256 deep',
      ],
    ]
    for (const [what, change, detail] of cases) {
      const error = await failure(read(rewrite(POI, 'xl/worksheets/sheet1.xml', change)))
      expect({ what, code: error.code, message: error.message }).toEqual({
        what,
        code: 'CORRUPT_FILE',
        message: `The workbook is damaged: a part of it is not well-formed XML (xl/worksheets/sheet1.xml: ${detail}).`,
      })
    }
  })

  it('refuses an inline string longer than Excel allows, naming row and column, even split by entities', async () => {
    const long = 'x&amp;'.repeat(20_000)
    const path = rewrite(POI, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('<t>Ada Lovelace</t>', `<t>${long}</t>`),
    )
    const error = await failure(read(path))
    expect(error.code).toBe('CELL_TOO_LONG')
    expect(error.message).toBe('Sheet "People" row 2, column 1: 40,000 characters; Excel\'s limit is 32,767.')
  })

  it('stops reading when the signal aborts', async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `<row><c t="inlineStr"><is><t>E${i}</t></is></c></row>`,
    )
    const path = rewrite(POI, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${rows.join('')}</sheetData>`),
    )
    const controller = new AbortController()
    const seen: SourceRow[] = []
    const error = await failure(
      (async () => {
        for await (const row of openXlsxFile(path).rows(null, controller.signal)) {
          seen.push(row)
          if (seen.length === 3) controller.abort()
        }
      })(),
    )
    expect(error.name).toBe('AbortError')
    expect(seen.map((r) => [r.row, r.cells])).toEqual([
      [1, ['E0']],
      [2, ['E1']],
      [3, ['E2']],
    ])
  })
})

describe('the xlsx reader on lenient writers', () => {
  it('reads an inline string whose cell leaves out t="inlineStr", and a whitespace-only text kept', async () => {
    const path = rewrite(POI, 'xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace(
          '<c r="A2" t="inlineStr"><is><t>Ada Lovelace</t></is></c>',
          '<c r="A2"><is><t>Ada</t></is></c>',
        )
        .replace('<c r="I2" s="3"/>', '<c r="I2" t="inlineStr"><is><t xml:space="preserve">  </t></is></c>'),
    )
    const rows = await read(path)
    expect(rows[1]?.cells[0]).toBe('Ada')
    expect(rows[1]?.cells[8]).toBe('  ')
  })

  it('keeps a date-formatted number too large to be a date as the number', async () => {
    const path = rewrite(POI, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('<c r="E2" s="1" t="n"><v>45351.0</v></c>', '<c r="E2" s="1" t="n"><v>1e12</v></c>'),
    )
    expect((await read(path))[1]?.cells[4]).toBe(1e12)
  })
})
