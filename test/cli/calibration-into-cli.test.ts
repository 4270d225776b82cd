import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { workbookCells, writeHrisFiles, zipParts } from '../support/hrisWorkbook'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('ninefold calibration export --into', () => {
  it('writes the calibration into a copy of the imported reviews workbook; a file never imported or changed since exits 2', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'hris.ninefold'), '--key-file', join(dir, 'hris.key')]
    expect((await cli(['workspace', 'create', ...ws])).code).toBe(0)
    const { peopleCsv, reviews } = await writeHrisFiles(dir, [
      { id: 'C1', name: 'Ada', rating: 'Middle', potential: 2, box: 5 },
      { id: 'C2', name: 'Ben', rating: 'Top', potential: 3, box: 9 },
      { id: 'C3', name: 'Cleo', rating: 'Bottom', potential: 1, box: 1 },
    ])
    const mapping = join(dir, 'reviews-mapping.json')
    writeFileSync(
      mapping,
      JSON.stringify({
        sheet: 'Reviews',
        columns: {
          'Employee ID': 'employeeId',
          'Review cycle': 'cycle',
          'Overall rating': 'overallRating',
          Potential: 'potentialRating',
        },
      }),
    )
    expect((await cli(['import', peopleCsv, '--as', 'people', ...ws])).code).toBe(0)
    const imported = await cli(['import', reviews, '--as', 'reviews', '--mapping', mapping, ...ws, '--json'])
    expect(imported.code, imported.stderr).toBe(0)
    const created = await cli([
      'calibration',
      'create',
      '--name',
      'HRIS 2025',
      '--cycle',
      '2025',
      ...ws,
      '--json',
    ])
    const { sessionId } = JSON.parse(created.stdout) as { sessionId: string }
    const shown = JSON.parse((await cli(['calibration', 'show', sessionId, ...ws, '--json'])).stdout) as {
      placements: { employeeId: string; box: number; performance: string }[]
    }
    expect(shown.placements.find((p) => p.employeeId === 'C1')?.performance).toBe('moderate')
    // Middle → Top: the performance axis moves up one tier, potential stays.
    const ada = shown.placements.find((p) => p.employeeId === 'C1')?.box ?? 0
    const moved = await cli([
      'calibration',
      'move',
      sessionId,
      '--person',
      'C1',
      '--box',
      String(ada + 1),
      '--reason',
      'Delivered the platform migration',
      ...ws,
    ])
    expect(moved.code, moved.stderr).toBe(0)

    const out = join(dir, 'out', 'calibrated.xlsx')
    mkdirSync(join(dir, 'out'))
    const exported = await cli([
      'calibration',
      'export',
      sessionId,
      '--out',
      out,
      '--into',
      reviews,
      ...ws,
      '--json',
    ])
    expect(exported.code, exported.stderr).toBe(0)
    expect(JSON.parse(exported.stdout)).toEqual({ path: out, sheet: 'Reviews', people: 3, changed: 1 })
    const plain = await cli([
      'calibration',
      'export',
      sessionId,
      '--out',
      join(dir, 'out', 'again.xlsx'),
      '--into',
      reviews,
      ...ws,
    ])
    expect(plain.stdout).toBe(`Wrote ${join(dir, 'out', 'again.xlsx')}: 3 people, 1 changed in calibration.`)

    const copy = await workbookCells(out)
    const source = await workbookCells(reviews)
    expect(copy.values.get('Reviews!D2')).toBe('Top')
    expect(copy.values.get('Reviews!F2')).toBe(ada + 1)
    expect(
      [1, 2, 3, 4].map((r) => ['J', 'K', 'L'].map((c) => copy.values.get(`Reviews!${c}${r}`) ?? null)),
    ).toEqual([
      ['Calibrated box', 'Changed in calibration', 'Reason'],
      [ada + 1, 'Yes', 'Delivered the platform migration'],
      [shown.placements.find((p) => p.employeeId === 'C2')?.box, 'No', null],
      [shown.placements.find((p) => p.employeeId === 'C3')?.box, 'No', null],
    ])
    for (const [key, value] of source.values)
      if (!['Reviews!D2', 'Reviews!F2'].includes(key)) expect(copy.values.get(key), key).toEqual(value)
    const sourceParts = zipParts(reviews)
    // The one sheet is rewritten, and the workbook (it has formulas) asks to be recalculated on open.
    for (const [name, data] of zipParts(out))
      if (name === 'xl/workbook.xml') expect(data.toString('utf8')).toContain('fullCalcOnLoad="1"')
      else if (name !== 'xl/worksheets/sheet2.xml')
        expect(data.equals(sourceParts.get(name) ?? Buffer.alloc(0)), name).toBe(true)

    // A workbook that was never imported, and the imported one edited afterwards: exit 2, nothing written.
    const stranger = join(dir, 'stranger.xlsx')
    copyFileSync(peopleCsv, stranger)
    const refused = await cli([
      'calibration',
      'export',
      sessionId,
      '--out',
      join(dir, 'x.xlsx'),
      '--into',
      stranger,
      ...ws,
    ])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('"stranger.xlsx" was never imported as reviews')
    const edited = join(dir, 'edited', 'HRIS reviews 2025.xlsx')
    mkdirSync(join(dir, 'edited'))
    copyFileSync(reviews, edited)
    writeFileSync(edited, ' ', { flag: 'a' })
    const changed = await cli([
      'calibration',
      'export',
      sessionId,
      '--out',
      join(dir, 'x.xlsx'),
      '--into',
      edited,
      ...ws,
      '--json',
    ])
    expect(changed.code).toBe(2)
    expect(JSON.parse(changed.stderr)).toMatchObject({
      error: {
        code: 'SOURCE_CHANGED',
        message: expect.stringMatching(
          /^"HRIS reviews 2025.xlsx" has changed since it was imported on \d{4}-\d{2}-\d{2}:/,
        ),
      },
    })
    const { existsSync } = await import('node:fs')
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false)

    // --into and --pre-read do not go together: a pre-read has nothing calibrated in it.
    const both = await cli([
      'calibration',
      'export',
      sessionId,
      '--out',
      join(dir, 'y.xlsx'),
      '--pre-read',
      '--into',
      reviews,
      ...ws,
    ])
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/nothing calibrated to write back/)
    // The old export is as it was.
    expect(
      (await cli(['calibration', 'export', sessionId, '--out', join(dir, 'results.xlsx'), ...ws])).code,
    ).toBe(0)
  })
})
