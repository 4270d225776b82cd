import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { displayCell } from '../../src/core/import/cells'
import { openXlsxFile } from '../../src/main/import/readers/xlsxFile'
import { cli } from '../support/cli'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const NINEBOXER = (name: string): string => sharedFile(`xlsx/9boxer/${name}.xlsx`)

/** Every cell of a sheet as "A1"-style key → shown text, read with the importer's own reader. */
async function cellsOf(path: string, sheet: string): Promise<Map<string, string>> {
  const cells = new Map<string, string>()
  for await (const row of openXlsxFile(path).rows(sheet))
    row.cells.forEach((cell, column) => {
      const text = displayCell(cell)
      if (text !== '') cells.set(`${String.fromCharCode(65 + column)}${row.row}`, text)
    })
  return cells
}

async function workspace(): Promise<{ dir: string; ws: string[] }> {
  const dir = tempDir()
  const ws = ['--workspace', join(dir, 'w.ninefold'), '--key-file', join(dir, 'w.key')]
  expect((await cli(['workspace', 'create', ...ws])).code).toBe(0)
  return { dir, ws }
}

/** 9Boxer's test workbooks (GPL-3.0, read from ../shared): Workday-shaped talent reviews as HR brings them. */
describeWithSharedData('9Boxer talent-review workbooks through the CLI', () => {
  it('every workbook imports as people with the rows it holds; the empty one says it has none', async () => {
    const expected: Record<string, number> = {
      extra_columns: 1,
      formulas: 3,
      leading_trailing_spaces: 4,
      long_strings: 1,
      merged_cells: 2,
      missing_optional: 2,
      multiple_sheets: 1,
      'sample-employees': 15,
      special_characters: 6,
      unicode_characters: 6,
    }
    for (const [name, rows] of Object.entries(expected)) {
      const { ws } = await workspace()
      const result = await cli(['import', NINEBOXER(name), '--as', 'people', ...ws, '--json'])
      expect(result.code, `${name}: ${result.stdout}${result.stderr}`).toBe(0)
      const summary = JSON.parse(result.stdout) as { rows: { inserted: number; rejected: number } }
      expect(summary.rows, name).toMatchObject({ inserted: rows, rejected: 0 })
    }
    const { ws } = await workspace()
    const empty = await cli(['import', NINEBOXER('empty_file'), '--as', 'people', ...ws])
    expect(empty.code).toBe(2)
    expect(empty.stdout).toContain(
      '"Employee Data" has column names but no rows under them: there is nothing to import. [NO_ROWS]',
    )
    // Eleven workspaces, each opened by a separate CLI call: slow on a loaded machine, not a measure of anything.
  }, 300_000)

  it('sample-employees: words for performance and potential, a text job level, managers by name, repeated headers and two past years in one row, to a grid whose boxes are the words, and back into the same workbook', async () => {
    const { dir, ws } = await workspace()
    const file = NINEBOXER('sample-employees')
    const people = await cli(['import', file, '--as', 'people', ...ws, '--json'])
    expect(people.code, people.stdout).toBe(0)
    expect(JSON.parse(people.stdout)).toMatchObject({ rows: { inserted: 15, rejected: 0 } })
    const listed = JSON.parse((await cli(['people', 'list', '--search', '002', ...ws, '--json'])).stdout) as {
      rows: { jobLevelText: string | null; managerOutside: string | null }[]
    }
    // The job level as the file gives it; the manager by name, kept though they are not in the export.
    expect(listed.rows[0]).toMatchObject({ jobLevelText: 'Manager', managerOutside: 'David Chen' })

    // This year's columns name no year: the file's one cycle comes from the mapping file; 2023 and 2024 are read
    // from their headers, the repeated copies of them left out.
    const mapping = join(dir, 'reviews.json')
    writeFileSync(mapping, JSON.stringify({ constants: { cycle: '2025' } }))
    const reviews = await cli(['import', file, '--as', 'reviews', '--mapping', mapping, ...ws, '--json'])
    expect(reviews.code, reviews.stdout).toBe(0)
    expect(JSON.parse(reviews.stdout)).toMatchObject({ rows: { total: 45, inserted: 45, rejected: 0 } })

    const created = await cli([
      'calibration',
      'create',
      '--name',
      'Talent review 2025',
      '--cycle',
      '2025',
      '--potential-from',
      'manager',
      ...ws,
      '--json',
    ])
    expect(created.code, created.stderr).toBe(0)
    const { sessionId } = JSON.parse(created.stdout) as { sessionId: string }
    const shown = JSON.parse((await cli(['calibration', 'show', sessionId, ...ws, '--json'])).stdout) as {
      placements: { employeeId: string; box: number }[]
      holding: unknown[]
    }
    // High/High = box 9 … Low/Low = box 1, by the two words in each row.
    const words = await cellsOf(file, 'Employees')
    const tier: Record<string, number> = { Low: 0, Medium: 1, High: 2 }
    expect(shown.holding).toEqual([])
    expect(shown.placements).toHaveLength(15)
    for (let row = 2; row <= 16; row++) {
      const id = words.get(`A${row}`)
      const box =
        3 * (tier[words.get(`D${row}`) ?? ''] ?? NaN) + (tier[words.get(`C${row}`) ?? ''] ?? NaN) + 1
      expect(shown.placements.find((p) => p.employeeId === id)?.box, `${id}`).toBe(box)
    }

    // Henry Anderson (008) is Medium/Medium; the meeting moves him to the top right.
    const moved = await cli([
      'calibration',
      'move',
      sessionId,
      '--person',
      '008',
      '--box',
      '9',
      '--reason',
      'Led the EMEA launch',
      '--reason-code',
      'evidence-not-in-system',
      ...ws,
    ])
    expect(moved.code, moved.stderr).toBe(0)
    const out = join(dir, 'calibrated.xlsx')
    const exported = await cli(['calibration', 'export', sessionId, '--out', out, '--into', file, ...ws])
    expect(exported.code, exported.stderr).toBe(0)
    const copy = await cellsOf(out, 'Employees')
    // His row (row 9) says High/High in the file's own words; the appended columns say what happened and why.
    expect([copy.get('C9'), copy.get('D9')]).toEqual(['High', 'High'])
    const header = [...copy].filter(([key]) => /^[A-Z]1$/.test(key) && !words.has(key)).map(([, v]) => v)
    expect(header).toEqual(['Calibrated box', 'Changed in calibration', 'Reason'])
    expect([copy.get('M9'), copy.get('N9'), copy.get('O9')]).toEqual(['9', 'Yes', 'Led the EMEA launch'])
    expect(copy.get('N2')).toBe('No')
    // Every other cell of the file is as it was.
    for (const [key, value] of words) if (key !== 'C9' && key !== 'D9') expect(copy.get(key), key).toBe(value)
  })
})
