import ExcelJS from 'exceljs'
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  calibratedRating,
  performanceTierOf,
  potentialTierOf,
} from '../../src/core/calibration/calibratedRating'
import {
  patchSheet,
  readSheetRows,
  readSharedStrings,
  columnLetters,
  columnIndex,
} from '../../src/main/export/sheetXml'
import { readZipEntry, rewriteZip } from '../../src/main/export/zipRewrite'
import { withFullCalcOnLoad } from '../../src/main/export/workbookXml'
import { dataStartOf, inspectZip, type ZipEntry } from '../../src/main/import/readers/zipInspector'
import { readZipParts, type ZipPart } from '../support/zipWriter'
import { useTempDirs } from '../support/tempDir'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { workbookCells, zipParts } from '../support/hrisWorkbook'
import { SourceWorkbook } from '../../src/main/export/sourceWorkbook'

const tempDir = useTempDirs()
const cuts = { lowMax: 2, highMin: 4 }

describe('a calibrated tier back on the file’s rating scale', () => {
  const oneToFive = [1, 2, 3, 4, 5]
  const tierOf = performanceTierOf({ min: 1, max: 5 }, cuts, oneToFive)

  it('keeps a value already in the tier, else takes the nearest value of the tier', () => {
    expect(calibratedRating(4, 'high', oneToFive, tierOf)).toBe(4)
    expect(calibratedRating(5, 'high', oneToFive, tierOf)).toBe(5)
    expect(calibratedRating(3, 'high', oneToFive, tierOf)).toBe(4)
    expect(calibratedRating(3, 'low', oneToFive, tierOf)).toBe(2)
    expect(calibratedRating(5, 'low', oneToFive, tierOf)).toBe(2)
    expect(calibratedRating(1, 'moderate', oneToFive, tierOf)).toBe(3)
    expect(calibratedRating(null, 'high', oneToFive, tierOf)).toBe(4)
  })

  it('maps a three-word scale straight to its words, whatever the cuts', () => {
    const lowMediumHigh = [1, 2, 3]
    const tiers = performanceTierOf({ min: 1, max: 3 }, { lowMax: 1.5, highMin: 4.5 }, lowMediumHigh)
    expect([1, 2, 3].map(tiers)).toEqual(['low', 'moderate', 'high'])
    expect(calibratedRating(1, 'high', lowMediumHigh, tiers)).toBe(3)
    expect(calibratedRating(3, 'moderate', lowMediumHigh, tiers)).toBe(2)
  })

  it('cuts a potential rating by the session’s fixed cuts, or by thirds of its scale for percentile cuts', () => {
    const fixed = potentialTierOf({ min: 1, max: 5 }, { mode: 'fixed', low: 50, high: 90 }, [1, 2, 3, 4, 5])
    expect([1, 2, 3, 4, 5].map(fixed)).toEqual(['low', 'low', 'moderate', 'moderate', 'high'])
    const thirds = potentialTierOf(
      { min: 1, max: 5 },
      { mode: 'percentile', low: 30, high: 80 },
      [1, 2, 3, 4, 5],
    )
    expect([1, 2, 3, 4, 5].map(thirds)).toEqual(['low', 'low', 'moderate', 'high', 'high'])
  })

  it('takes the scale’s end when no value of the scale falls in the tier', () => {
    const oneToFour = [1, 2, 3, 4]
    const tiers = performanceTierOf({ min: 1, max: 4 }, { lowMax: 0.5, highMin: 4.5 }, oneToFour)
    expect(calibratedRating(3, 'low', oneToFour, tiers)).toBe(1)
  })
})

describe('patching a sheet’s XML', () => {
  const shared = readSharedStrings(
    '<sst><si><t>Employee ID</t></si><si><r><t>Rat</t></r><r><t>ing</t></r><rPh><t>x</t></rPh></si></sst>',
  )

  it('rewrites only the cells that change, keeps their style, inserts missing cells in order and appends at the end', () => {
    const xml =
      '<worksheet><dimension ref="A1:C3"/><sheetData>' +
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="4"><f>1+1</f><v>2</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>E1</t></is></c><c r="C2" s="7"><v>3</v></c></row>' +
      '<row r="3"/>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A3:C3"/></mergeCells></worksheet>'
    const rows = readSheetRows(xml, shared)
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Employee ID', 'Rating', '2'],
      ['E1', '3'],
      [],
    ])
    const patched = patchSheet(
      xml,
      rows,
      new Map([
        [1, new Map([[3, { write: { kind: 'text' as const, value: 'Calibrated box' }, style: '4' }]])],
        [
          2,
          new Map([
            [1, { write: { kind: 'text' as const, value: 'a & <b>' } }],
            [2, { write: { kind: 'number' as const, value: 4 } }],
            [3, { write: { kind: 'number' as const, value: 9 } }],
          ]),
        ],
        [3, new Map([[4, { write: { kind: 'text' as const, value: ' x ' } }]])],
      ]),
      4,
    )
    expect(patched).toBe(
      '<worksheet><dimension ref="A1:E3"/><sheetData>' +
        '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="4"><f>1+1</f><v>2</v></c><c r="D1" s="4" t="inlineStr"><is><t>Calibrated box</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>E1</t></is></c><c r="B2" t="inlineStr"><is><t>a &amp; &lt;b&gt;</t></is></c><c r="C2" s="7"><v>4</v></c><c r="D2"><v>9</v></c></row>' +
        '<row r="3"><c r="E3" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c></row>' +
        '</sheetData><mergeCells count="1"><mergeCell ref="A3:C3"/></mergeCells></worksheet>',
    )
  })

  it('reads cells without references and prefixed elements', () => {
    const xml =
      '<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>'
    const rows = readSheetRows(xml, shared)
    expect(rows[0]?.cells.map((c) => [c.column, c.text, c.isNumber])).toEqual([
      [0, '1', true],
      [1, 'Employee ID', false],
    ])
    expect(
      patchSheet(
        xml,
        rows,
        new Map([[1, new Map([[1, { write: { kind: 'number' as const, value: 2 } }]])]]),
        null,
      ),
    ).toBe('<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData>')
  })

  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA'])
    expect(['A', 'Z', 'AA', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702])
  })
})

/** A zip whose entries put their sizes and CRC in data descriptors after the data, as streaming writers do. */
function writeZipWithDescriptors(path: string, parts: readonly ZipPart[]): void {
  const chunks: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8')
    const data = deflateRawSync(part.data)
    const crc = crc32(part.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0808, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt16LE(name.length, 26)
    const descriptor = Buffer.alloc(16)
    descriptor.writeUInt32LE(0x08074b50, 0)
    descriptor.writeUInt32LE(crc, 4)
    descriptor.writeUInt32LE(data.length, 8)
    descriptor.writeUInt32LE(part.data.length, 12)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0808, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(part.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    chunks.push(local, name, data, descriptor)
    centrals.push(central, name)
    offset += 30 + name.length + data.length + 16
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  writeFileSync(path, Buffer.concat([...chunks, directory, end]))
}

function compressedBytes(path: string, entry: ZipEntry): Buffer {
  const fd = openSync(path, 'r')
  try {
    const bytes = Buffer.alloc(entry.compressedSize)
    readSync(fd, bytes, 0, bytes.length, dataStartOf(fd, entry))
    return bytes
  } finally {
    closeSync(fd)
  }
}

describe('rewriting one entry of a zip', () => {
  it('copies every other entry’s compressed bytes unchanged, also from a zip with data descriptors', async () => {
    const dir = tempDir()
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('One').getCell('A1').value = 'kept'
    workbook.addWorksheet('Two').getCell('B2').value = 42
    const plain = join(dir, 'plain.xlsx')
    await workbook.xlsx.writeFile(plain)
    const source = join(dir, 'descriptors.xlsx')
    writeZipWithDescriptors(source, readZipParts(plain))

    const entries = inspectZip(source)
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml') as ZipEntry
    const xml = readZipEntry(source, sheet).toString('utf8').replace('<v>42</v>', '<v>43</v>')
    const out = join(dir, 'out.xlsx')
    rewriteZip(source, entries, out, new Map([[sheet.name, Buffer.from(xml, 'utf8')]]))

    const written = inspectZip(out)
    expect(written.map((e) => e.name)).toEqual(entries.map((e) => e.name))
    for (const entry of entries) {
      const copy = written.find((e) => e.name === entry.name) as ZipEntry
      expect(copy.flags & 0x0008, entry.name).toBe(0)
      if (entry.name === sheet.name) expect(readZipEntry(out, copy).toString('utf8')).toBe(xml)
      else expect(compressedBytes(out, copy).equals(compressedBytes(source, entry)), entry.name).toBe(true)
    }
    const back = new ExcelJS.Workbook()
    await back.xlsx.readFile(out)
    expect(back.getWorksheet('Two')?.getCell('B2').value).toBe(43)
    expect(back.getWorksheet('One')?.getCell('A1').value).toBe('kept')
  })
})

describeWithSharedData('patching real HRIS-style workbooks (9Boxer’s, written with inline strings)', () => {
  const files = [
    'sample-employees.xlsx',
    'merged_cells.xlsx',
    'formulas.xlsx',
    'special_characters.xlsx',
    'unicode_characters.xlsx',
  ]

  it.each(files)(
    '%s: one rating rewritten and three cells appended; every other cell and part as it was',
    async (name) => {
      const path = sharedFile(`xlsx/9boxer/${name}`)
      const entries = inspectZip(path)
      const workbook = new SourceWorkbook(path, entries)
      const found = workbook.sheets
        .map((s) => ({ name: s.name, sheet: workbook.sheet(s.name) }))
        .find(({ sheet }) => sheet?.rows[0]?.cells.some((c) => c.text === 'Employee ID'))
      if (!found?.sheet) throw new Error(`${name} has no sheet with an Employee ID header`)
      const [header, first] = found.sheet.rows
      const performance = header?.cells.find((c) => /performance/i.test(c.text ?? ''))
      if (!header || !first || !performance) throw new Error(`${name} has no performance column`)
      const before = first.cells.find((c) => c.column === performance.column)?.text
      const after = before === 'Low' ? 'High' : 'Low'
      const last = Math.max(...found.sheet.rows.flatMap((r) => r.cells.map((c) => c.column)))
      const patches = new Map([
        [header.number, new Map([[last + 1, { write: { kind: 'text' as const, value: 'Calibrated box' } }]])],
        [
          first.number,
          new Map([
            [performance.column, { write: { kind: 'text' as const, value: after } }],
            [last + 1, { write: { kind: 'number' as const, value: 9 } }],
          ]),
        ],
      ])
      const part = workbook.part(found.name) ?? ''
      const out = join(tempDir(), name)
      rewriteZip(
        path,
        entries,
        out,
        new Map([
          [part, Buffer.from(patchSheet(found.sheet.xml, found.sheet.rows, patches, last + 1), 'utf8')],
        ]),
      )

      const cellOf = (row: number, column: number): string => `${found.name}!${columnLetters(column)}${row}`
      const expected = new Map<string, unknown>([
        [cellOf(first.number, performance.column), after],
        [cellOf(header.number, last + 1), 'Calibrated box'],
        [cellOf(first.number, last + 1), 9],
      ])
      const source = await workbookCells(path)
      const copy = await workbookCells(out)
      expect(source.values.get(cellOf(first.number, performance.column))).toBe(before)
      // A row that now reaches further lists the blank cells on its way (null), where the source had none.
      for (const [key, value] of copy.values)
        expect(value ?? null, key).toEqual(
          expected.has(key) ? expected.get(key) : (source.values.get(key) ?? null),
        )
      for (const key of source.values.keys()) expect(copy.values.has(key), key).toBe(true)
      for (const [key, style] of source.styles) expect(copy.styles.get(key), key).toBe(style)
      const sourceParts = zipParts(path)
      for (const [partName, data] of zipParts(out))
        if (partName !== part)
          expect(data.equals(sourceParts.get(partName) ?? Buffer.alloc(0)), partName).toBe(true)
    },
  )
})

describe('asking for a recalculation on open', () => {
  it('sets fullCalcOnLoad on an existing calcPr, or adds one where the schema puts it', () => {
    expect(
      withFullCalcOnLoad('<workbook><sheets><sheet/></sheets><calcPr calcId="191029"/></workbook>'),
    ).toBe('<workbook><sheets><sheet/></sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>')
    expect(withFullCalcOnLoad('<workbook><sheets/><calcPr fullCalcOnLoad="0"></calcPr></workbook>')).toBe(
      '<workbook><sheets/><calcPr fullCalcOnLoad="1"></calcPr></workbook>',
    )
    expect(
      withFullCalcOnLoad(
        '<x:workbook><x:sheets><x:sheet/></x:sheets><x:definedNames/><x:extLst/></x:workbook>',
      ),
    ).toBe(
      '<x:workbook><x:sheets><x:sheet/></x:sheets><x:definedNames/><x:calcPr fullCalcOnLoad="1"/><x:extLst/></x:workbook>',
    )
  })
})
