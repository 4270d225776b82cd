import ExcelJS from 'exceljs'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { translate, type MessageKey } from '../../src/shared/i18n/translate'
import { workbookCells, writeHrisFiles, zipParts, type HrisPerson } from '../support/hrisWorkbook'

const tempDir = useTempDirs()

const NUMERIC: HrisPerson[] = [
  { id: 'E1', name: 'Ada', rating: 3, potential: 2, box: 5 },
  { id: 'E2', name: 'Ben', rating: 5, potential: 3, box: 9 },
  { id: 'E3', name: 'Cleo', rating: 1, potential: 1, box: 1 },
  { id: 'E4', name: 'Dan', rating: 4, potential: 2, box: 6 },
  { id: 'E5', name: 'Eve', rating: 2, potential: 3, box: 7 },
  { id: 'E6', name: 'Finn', rating: 3, potential: 1, box: 2 },
]

describe('calibration export into the imported reviews workbook', () => {
  let services: Services
  let client: Client
  let dir: string

  beforeEach(async () => {
    dir = tempDir()
    services = testServices(join(dir, 'data'))
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'HRIS', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  async function importFiles(people: readonly HrisPerson[], mapping: Record<string, unknown> = {}) {
    const files = await writeHrisFiles(dir, people)
    expect((await client.call('import.commit', { path: files.peopleCsv, kind: 'people' })).outcome).toBe(
      'stored',
    )
    const reviews = await client.call('import.commit', {
      path: files.reviews,
      kind: 'reviews',
      mapping: {
        sheet: 'Reviews',
        columns: {
          'Employee ID': 'employeeId',
          'Review cycle': 'cycle',
          'Overall rating': 'overallRating',
          Potential: 'potentialRating',
        },
        ...mapping,
      },
    })
    expect(reviews.errors).toEqual([])
    expect(reviews.outcome).toBe('stored')
    const { sessionId } = await client.call('calibration.create', { name: 'Engineering 2025', cycle: '2025' })
    return { ...files, sessionId }
  }

  /** A batch imported before imports recorded their layout: only the mapping it applied is on record. */
  function forgetLayouts(): void {
    const db = services.session.db
    for (const row of db
      .prepare("SELECT id, mapping_json FROM import_batches WHERE kind = 'reviews'")
      .all() as {
      id: string
      mapping_json: string
    }[]) {
      const { layout, ...rest } = JSON.parse(row.mapping_json) as Record<string, unknown>
      expect(layout).toBeDefined()
      db.prepare('UPDATE import_batches SET mapping_json = ? WHERE id = ?').run(JSON.stringify(rest), row.id)
    }
  }

  it.each(['recorded', 'derived'] as const)(
    'writes the calibrated ratings in the file’s own numbers, appends box, change and reason, and leaves the rest byte for byte (layout %s)',
    async (layout) => {
      const { reviews, sessionId } = await importFiles(NUMERIC, {
        scale: { min: 1, max: 5 },
        potentialScale: { min: 1, max: 3 },
      })
      const before = await client.call('calibration.show', { sessionId })
      const ada = before.placements.find((p) => p.employeeId === 'E1')
      // Rating 3 of 1–5 and potential 2 of 1–3: the middle box, from which box 9 moves both axes up a tier.
      expect(ada).toMatchObject({
        computedBox: 5,
        performance: { level: 'moderate' },
        potential: { level: 'moderate' },
      })
      expect(before.holding).toEqual([])
      const target = 9
      await client.call('calibration.move', {
        sessionId,
        employeeIds: ['E1'],
        box: target,
        reasonCode: 'evidence-not-in-system',
        reason: '=HYPERLINK("http://evil.example","led the migration")',
      })

      const out = join(dir, 'calibrated.xlsx')
      if (layout === 'derived') forgetLayouts()
      const result = await client.call('calibration.exportInto', {
        sessionId,
        sourcePath: reviews,
        path: out,
      })
      expect(result).toMatchObject({ path: out, sheet: 'Reviews', people: 6, changed: 1 })

      const source = await workbookCells(reviews)
      const copy = await workbookCells(out)
      const expected = new Map<string, unknown>([
        ['Reviews!J1', 'Calibrated box'],
        ['Reviews!K1', 'Changed in calibration'],
        ['Reviews!L1', 'Reason'],
        ['Reviews!F2', 9],
        // The reason as typed, neutralised: a spreadsheet shows it as text and never runs it.
        ['Reviews!L2', '\'=HYPERLINK("http://evil.example","led the migration")'],
      ])
      // Performance 3 (moderate on 1–5 with cuts 2/4) becomes the nearest high value, 4; potential 2 on 1–3 becomes 3.
      expected.set('Reviews!D2', 4)
      expected.set('Reviews!E2', 3)
      const after = await client.call('calibration.show', { sessionId })
      for (const [i, person] of NUMERIC.entries()) {
        const placed = after.placements.find((p) => p.employeeId === person.id)
        expect(copy.values.get(`Reviews!J${i + 2}`)).toBe(placed?.box)
        expect(copy.values.get(`Reviews!K${i + 2}`)).toBe(person.id === 'E1' ? 'Yes' : 'No')
        if (person.id !== 'E1') expect(copy.values.has(`Reviews!L${i + 2}`)).toBe(false)
      }
      for (const [key, value] of copy.values) {
        if (/^Reviews!(J|K)\d+$/.test(key) && key !== 'Reviews!J1' && key !== 'Reviews!K1') continue
        if (expected.has(key)) expect(value, key).toEqual(expected.get(key))
        else expect(value, key).toEqual(source.values.get(key))
      }
      for (const key of source.values.keys()) expect(copy.values.has(key), key).toBe(true)
      // Every original cell keeps its style, the rewritten ones included.
      for (const [key, style] of source.styles) expect(copy.styles.get(key), key).toBe(style)
      expect(copy.styles.get('Reviews!J1')).toBe(source.styles.get('Reviews!I1'))

      // Every part but the one sheet is byte for byte the source's (shared strings and styles included), except
      // that the workbook, which has formulas, asks to be recalculated on open.
      const sourceParts = zipParts(reviews)
      const copyParts = zipParts(out)
      expect([...copyParts.keys()].sort()).toEqual([...sourceParts.keys()].sort())
      const changedParts = [...sourceParts].filter(
        ([name, data]) => !data.equals(copyParts.get(name) ?? Buffer.alloc(0)),
      )
      expect(changedParts.map(([name]) => name).sort()).toEqual([
        'xl/workbook.xml',
        'xl/worksheets/sheet2.xml',
      ])
      const workbookXml = (name: Map<string, Buffer>): string =>
        name.get('xl/workbook.xml')?.toString('utf8') ?? ''
      expect(workbookXml(copyParts)).toContain('fullCalcOnLoad="1"')
      expect(workbookXml(copyParts).replace(/ fullCalcOnLoad="1"/, '')).toBe(
        workbookXml(sourceParts).replace(/ fullCalcOnLoad="[^"]*"/, ''),
      )
      const sheetXml = copyParts.get('xl/worksheets/sheet2.xml')?.toString('utf8') ?? ''
      expect(sheetXml).toMatch(/<dimension ref="A1:L7"\/>/)
      expect(sheetXml).toContain('t="inlineStr"')
    },
  )

  it('writes text ratings in the file’s own words and the 9-box as the session’s label', async () => {
    const people: HrisPerson[] = [
      { id: 'T1', name: 'Ada', rating: 'Fully Meets', potential: 2, box: 'Core player' },
      { id: 'T2', name: 'Ben', rating: 'Exceeds', potential: 3, box: 'Star' },
      { id: 'T3', name: 'Cleo', rating: 'PIP', potential: 1, box: 'Risk' },
      { id: 'T4', name: 'Dan', rating: 'Needs Improvement', potential: 2, box: 'Core player' },
    ]
    const { reviews, sessionId } = await importFiles(people)
    const view = await client.call('calibration.show', { sessionId })
    const ada = view.placements.find((p) => p.employeeId === 'T1')
    expect(ada?.performance.level).toBe('moderate')
    const box = ada?.potential.level === 'low' ? 3 : ada?.potential.level === 'high' ? 9 : 6
    await client.call('calibration.move', {
      sessionId,
      employeeIds: ['T1'],
      box,
      reasonCode: 'evidence-not-in-system',
      reason: 'Led the platform migration',
    })
    const out = join(dir, 'calibrated.xlsx')
    await client.call('calibration.exportInto', { sessionId, sourcePath: reviews, path: out, locale: 'pl' })
    const copy = await workbookCells(out)
    const source = await workbookCells(reviews)
    expect(copy.values.get('Reviews!D2')).toBe('Exceeds')
    expect(copy.values.get('Reviews!E2')).toBe(2)
    // The file's 9-box column holds words, so the final box is written as its label, in the export's language.
    expect(copy.values.get('Reviews!F2')).toBe(translate('pl', `calibration.boxLabels.${box}` as MessageKey))
    expect(copy.values.get('Reviews!J1')).toBe('Pole po kalibracji')
    expect(copy.values.get('Reviews!K2')).toBe('Tak')
    expect(copy.values.get('Reviews!K3')).toBe('Nie')
    for (const row of [3, 4, 5])
      for (const column of 'ABCDEFGHI') {
        const key = `Reviews!${column}${row}`
        expect(copy.values.get(key), key).toEqual(source.values.get(key))
      }
  })

  it('refuses a file that was never imported as reviews, and one that changed since its import', async () => {
    const { reviews, sessionId } = await importFiles(NUMERIC, { scale: { min: 1, max: 5 } })
    const stranger = join(dir, 'other.xlsx')
    writeFileSync(stranger, 'not the imported file')
    await expect(
      client.call('calibration.exportInto', { sessionId, sourcePath: stranger, path: join(dir, 'x.xlsx') }),
    ).rejects.toMatchObject({ code: 'SOURCE_NOT_IMPORTED', message: expect.stringContaining('"other.xlsx"') })

    // Writing the copy over the source itself would lose the file as it was imported.
    await expect(
      client.call('calibration.exportInto', { sessionId, sourcePath: reviews, path: reviews }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('another file than') })

    const edited = join(dir, 'edited', 'HRIS reviews 2025.xlsx')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(dir, 'edited'))
    copyFileSync(reviews, edited)
    writeFileSync(edited, Buffer.concat([Buffer.from(' '), Buffer.alloc(0)]), { flag: 'a' })
    await expect(
      client.call('calibration.exportInto', { sessionId, sourcePath: edited, path: join(dir, 'x.xlsx') }),
    ).rejects.toMatchObject({
      code: 'SOURCE_CHANGED',
      message:
        '"HRIS reviews 2025.xlsx" has changed since it was imported on 2026-11-01: choose the file exactly as it was imported (its contents, not only its name, must match).',
    })
  })

  it('refuses to write into a reviews file that was imported from CSV', async () => {
    const { sessionId } = await importFiles(NUMERIC, {
      scale: { min: 1, max: 5 },
      potentialScale: { min: 1, max: 3 },
    })
    const csv = join(dir, 'reviews 2025.csv')
    writeFileSync(csv, 'Employee ID,Review cycle,Overall rating\nE1,2025,3\n')
    expect(
      (
        await client.call('import.commit', {
          path: csv,
          kind: 'reviews',
          mapping: { scale: { min: 1, max: 5 } },
        })
      ).outcome,
    ).toBe('stored')
    await expect(
      client.call('calibration.exportInto', { sessionId, sourcePath: csv, path: join(dir, 'x.xlsx') }),
    ).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message:
        '"reviews 2025.csv" was imported as reviews but is not an Excel workbook (.xlsx): results can be written back only into a workbook.',
    })
  })

  it('takes an uploaded workbook and hands the copy back as bytes', async () => {
    const { reviews, sessionId } = await importFiles(NUMERIC, { scale: { min: 1, max: 5 } })
    const { readFileSync } = await import('node:fs')
    const result = await client.call('calibration.exportInto', {
      sessionId,
      fileName: 'HRIS reviews 2025.xlsx',
      bytes: new Uint8Array(readFileSync(reviews)),
    })
    expect(result).toMatchObject({
      fileName: 'HRIS reviews 2025 calibrated.xlsx',
      path: null,
      people: 6,
      changed: 0,
    })
    const back = join(dir, 'back.xlsx')
    writeFileSync(back, result.bytes ?? new Uint8Array())
    const copy = await workbookCells(back)
    expect(copy.values.get('Reviews!K2')).toBe('No')
  })

  it('picks the session’s cycle among several, keeps a computed 9-box and reuses the columns of an earlier calibration', async () => {
    const ids = ['W1', 'W2', 'W3', 'W4']
    const peopleCsv = join(dir, 'people.csv')
    writeFileSync(
      peopleCsv,
      `Employee ID,Full name,Department,Hire date\n${ids.map((id) => `${id},Person ${id},Sales,2018-01-01`).join('\n')}\n`,
    )
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Employee Data')
    sheet.addRow([
      'Employee ID',
      '2024 Performance',
      '2025 Performance',
      '2025 Potential',
      'Talent mapping position',
      'Calibrated box',
      'Changed in calibration',
      'Reason',
    ])
    const rows: [string, string, string, string][] = [
      ['W1', 'High', 'Medium', 'Medium'],
      ['W2', 'Low', 'High', 'High'],
      ['W3', 'Medium', 'Low', 'Low'],
      ['W4', 'Medium', 'Medium', 'High'],
    ]
    rows.forEach(([id, before, now, potential], i) => {
      const r = i + 2
      sheet.addRow([id, before, now, potential])
      sheet.getCell(`E${r}`).value = {
        formula: `C${r}&"/"&D${r}`,
        result: `${now}/${potential}`,
      }
      sheet.getCell(`F${r}`).value = 5
      sheet.getCell(`G${r}`).value = 'No'
      sheet.getCell(`H${r}`).value = r === 3 ? 'Reason from last year' : null
    })
    const reviews = join(dir, 'talent review.xlsx')
    await workbook.xlsx.writeFile(reviews)
    await client.call('import.commit', { path: peopleCsv, kind: 'people' })
    const imported = await client.call('import.commit', {
      path: reviews,
      kind: 'reviews',
      mapping: {
        columns: {
          'Employee ID': 'employeeId',
          '2024 Performance': { field: 'overallRating', cycle: '2024' },
          '2025 Performance': { field: 'overallRating', cycle: '2025' },
          '2025 Potential': { field: 'potentialRating', cycle: '2025' },
        },
      },
    })
    expect(imported.errors).toEqual([])
    expect(imported.outcome).toBe('stored')
    const { sessionId } = await client.call('calibration.create', { name: 'Sales 2025', cycle: '2025' })
    const view = await client.call('calibration.show', { sessionId })
    expect(view.placements.find((p) => p.employeeId === 'W1')).toMatchObject({
      performance: { level: 'moderate' },
      potential: { level: 'moderate' },
    })
    await client.call('calibration.move', {
      sessionId,
      employeeIds: ['W1'],
      box: 9,
      reasonCode: 'evidence-not-in-system',
      reason: 'Closed the two largest deals of the year',
    })
    const out = join(dir, 'talent review calibrated.xlsx')
    const result = await client.call('calibration.exportInto', { sessionId, sourcePath: reviews, path: out })
    expect(result).toMatchObject({ sheet: 'Employee Data', people: 4, changed: 1 })

    const source = await workbookCells(reviews)
    const copy = await workbookCells(out)
    const final = new Map(
      (await client.call('calibration.show', { sessionId })).placements.map((p) => [p.employeeId, p.box]),
    )
    const expected = new Map<string, unknown>([
      // This year's words change; last year's stay.
      ['Employee Data!C2', 'High'],
      ['Employee Data!D2', 'High'],
      ['Employee Data!F2', 9],
      ['Employee Data!G2', 'Yes'],
      ['Employee Data!H2', 'Closed the two largest deals of the year'],
      ['Employee Data!F3', final.get('W2')],
      ['Employee Data!F4', final.get('W3')],
      ['Employee Data!F5', final.get('W4')],
      // Last year's reason goes: this calibration did not move W3.
      ['Employee Data!H3', null],
    ])
    for (const [key, value] of copy.values)
      expect(value, key).toEqual(expected.has(key) ? expected.get(key) : source.values.get(key))
    // No columns appended: the earlier calibration's are reused, and the computed 9-box keeps its formula.
    expect(copy.values.has('Employee Data!I1')).toBe(false)
    expect(copy.values.get('Employee Data!E2')).toEqual({ formula: 'C2&"/"&D2', result: 'Medium/Medium' })
    // A "No" that stays "No" is not rewritten: it is still the shared string the file had.
    const sheetXml = zipParts(out).get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? ''
    for (const cell of ['G3', 'G4', 'G5']) expect(sheetXml).toMatch(new RegExp(`<c r="${cell}"[^>]*t="s"`))
    expect(sheetXml).toMatch(/<c r="G2"[^>]*t="inlineStr"><is><t>Yes<\/t>/)
  })

  describeWithSharedData('on 9Boxer’s Workday-style export (inline strings, words, repeated headers)', () => {
    it('writes the moved person’s High/Medium/Low back in the file’s words and leaves everyone else as they were', async () => {
      const reviews = sharedFile('xlsx/9boxer/sample-employees.xlsx')
      const ids = Array.from({ length: 15 }, (_, i) => String(i + 1).padStart(3, '0'))
      const peopleCsv = join(dir, 'people.csv')
      writeFileSync(
        peopleCsv,
        `Employee ID,Full name,Department,Hire date\n${ids.map((id) => `${id},Person ${id},Sales,2019-01-01`).join('\n')}\n`,
      )
      await client.call('import.commit', { path: peopleCsv, kind: 'people' })
      const imported = await client.call('import.commit', {
        path: reviews,
        kind: 'reviews',
        mapping: {
          columns: {
            'Employee ID': 'employeeId',
            Performance: 'overallRating',
            Potential: 'potentialRating',
          },
          constants: { cycle: '2025' },
        },
      })
      expect(imported).toMatchObject({ outcome: 'stored', rows: { inserted: 15 } })
      const { sessionId } = await client.call('calibration.create', { name: 'Talent review', cycle: '2025' })
      const view = await client.call('calibration.show', { sessionId })
      // Henry Anderson (008): Medium / Medium, the middle box.
      expect(view.placements.find((p) => p.employeeId === '008')).toMatchObject({ computedBox: 5 })
      await client.call('calibration.move', {
        sessionId,
        employeeIds: ['008'],
        box: 9,
        reasonCode: 'evidence-not-in-system',
        reason: "=cmd|' /C calc'!A0 led the launch",
      })
      const out = join(dir, 'sample-employees calibrated.xlsx')
      expect(
        await client.call('calibration.exportInto', { sessionId, sourcePath: reviews, path: out }),
      ).toMatchObject({
        sheet: 'Employees',
        people: 15,
        changed: 1,
      })
      const source = await workbookCells(reviews)
      const copy = await workbookCells(out)
      const final = new Map(view.placements.map((p) => [p.employeeId, p.box]))
      const expected = new Map<string, unknown>([
        ['Employees!C9', 'High'],
        ['Employees!D9', 'High'],
        ['Employees!M1', 'Calibrated box'],
        ['Employees!N1', 'Changed in calibration'],
        ['Employees!O1', 'Reason'],
        ['Employees!O9', "'=cmd|' /C calc'!A0 led the launch"],
      ])
      ids.forEach((id, i) => {
        expected.set(`Employees!M${i + 2}`, id === '008' ? 9 : final.get(id))
        expected.set(`Employees!N${i + 2}`, id === '008' ? 'Yes' : 'No')
      })
      for (const [key, value] of copy.values)
        expect(value ?? null, key).toEqual(
          expected.has(key) ? expected.get(key) : (source.values.get(key) ?? null),
        )
      for (const key of expected.keys()) expect(copy.values.has(key), key).toBe(true)
      const sourceParts = zipParts(reviews)
      for (const [name, data] of zipParts(out))
        if (name !== 'xl/worksheets/sheet1.xml')
          expect(data.equals(sourceParts.get(name) ?? Buffer.alloc(0)), name).toBe(true)
    })
  })
})
