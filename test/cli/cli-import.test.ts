import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { describeError, exitCodeFor, runCli } from '../../src/main/cli/index'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const io = { json: false, out: (t: string) => out.push(t), err: (t: string) => err.push(t) }
  try {
    return { code: await runCli(args, io, {}), stdout: out.join('\n'), stderr: err.join('\n') }
  } catch (error) {
    return {
      code: exitCodeFor(error),
      stdout: out.join('\n'),
      stderr: describeError(error, args.includes('--json')),
    }
  }
}

describeWithSharedData('ninefold import (CLI)', () => {
  it('imports, reports the documented JSON shape, refuses a second run as a no-op, lists and undoes batches', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'w.ninefold'), '--key-file', join(dir, 'w.key')]
    expect((await cli(['workspace', 'create', ...ws])).code).toBe(0)

    const imported = await cli([
      'import',
      sharedFile('hr/HRDataset_v14.csv'),
      '--as',
      'people',
      ...ws,
      '--json',
    ])
    expect(imported.code).toBe(0)
    const summary = JSON.parse(imported.stdout) as Record<string, unknown>
    expect(Object.keys(summary)).toEqual([
      'batchId',
      'kind',
      'file',
      'sha256',
      'rows',
      'errors',
      'warnings',
      'unmatched',
    ])
    expect(summary).toMatchObject({
      kind: 'people',
      file: 'HRDataset_v14.csv',
      rows: { total: 311, inserted: 311, updated: 0, unchanged: 0, rejected: 0 },
      errors: [],
      unmatched: 0,
    })

    const again = await cli(['import', sharedFile('hr/HRDataset_v14.csv'), '--as', 'people', ...ws, '--json'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({
      batchId: null,
      warnings: [{ code: 'ALREADY_IMPORTED' }],
    })

    const listed = JSON.parse((await cli(['import', 'list', ...ws, '--json'])).stdout) as {
      batchId: string
    }[]
    expect(listed.map((b) => b.batchId)).toEqual([summary['batchId']])
    const undone = await cli(['import', 'undo', String(summary['batchId']), ...ws, '--json'])
    expect(undone.code).toBe(0)
    expect(JSON.parse(undone.stdout)).toMatchObject({ batchId: summary['batchId'], removed: 622 })
    const twice = await cli(['import', 'undo', String(summary['batchId']), ...ws])
    expect(twice.code).toBe(2)
    expect(twice.stderr).toMatch(/already undone/)
  })

  it('takes a mapping file, and exits 2 with located errors when the input is rejected (nothing stored)', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'w.ninefold'), '--key-file', join(dir, 'w.key')]
    await cli(['workspace', 'create', ...ws])
    await cli(['import', sharedFile('hr/WA_Fn-UseC_-HR-Employee-Attrition.csv'), '--as', 'people', ...ws])
    const mapping = join(dir, 'ibm-reviews.json')
    writeFileSync(
      mapping,
      JSON.stringify({
        kind: 'reviews',
        columns: { EmployeeNumber: 'employeeId', PerformanceRating: 'overallRating' },
        scale: { min: 1, max: 3 },
        constants: { cycle: 'FY24' },
      }),
    )
    const rejected = await cli([
      'import',
      sharedFile('hr/WA_Fn-UseC_-HR-Employee-Attrition.csv'),
      '--as',
      'reviews',
      '--mapping',
      mapping,
      ...ws,
      '--json',
    ])
    expect(rejected.code).toBe(2)
    const body = JSON.parse(rejected.stdout) as {
      batchId: null
      rows: { rejected: number }
      errors: { row: number; column: string; value: string; code: string }[]
    }
    expect(body.batchId).toBeNull()
    expect(body.rows.rejected).toBe(226) // every rating of 4 is outside 1–3
    expect(body.errors[0]).toMatchObject({
      column: 'PerformanceRating',
      value: '4',
      code: 'RATING_OUT_OF_SCALE',
    })

    writeFileSync(mapping, readFileSync(mapping, 'utf8').replace('"max":3', '"max":4'))
    const stored = await cli([
      'import',
      sharedFile('hr/WA_Fn-UseC_-HR-Employee-Attrition.csv'),
      '--as',
      'reviews',
      '--mapping',
      mapping,
      ...ws,
      '--json',
    ])
    expect(stored.code).toBe(0)
    expect(JSON.parse(stored.stdout)).toMatchObject({ rows: { inserted: 1470 } })
  })

  it('dry-runs without storing, and refuses bad arguments with exit 2', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'w.ninefold'), '--key-file', join(dir, 'w.key')]
    await cli(['workspace', 'create', ...ws])
    const dry = await cli([
      'import',
      sharedFile('hr/HRDataset_v14.csv'),
      '--as',
      'people',
      '--dry-run',
      ...ws,
      '--json',
    ])
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.stdout)).toMatchObject({ batchId: null, rows: { inserted: 311 } })
    expect(JSON.parse((await cli(['workspace', 'info', ...ws, '--json'])).stdout)).toMatchObject({
      peopleCount: 0,
    })

    const badMapping = join(dir, 'bad.json')
    writeFileSync(badMapping, '{"columns": {"EmpID": 7}}')
    const cases: [string[], RegExp][] = [
      [['import', sharedFile('hr/HRDataset_v14.csv'), ...ws], /--as people\|reviews/],
      [['import', sharedFile('hr/HRDataset_v14.csv'), '--as', 'salaries', ...ws], /not "salaries"/],
      [
        ['import', sharedFile('hr/HRDataset_v14.csv'), '--as', 'people', '--mapping', badMapping, ...ws],
        /Mapping file .*bad\.json: columns\.EmpID/,
      ],
      [['import', join(dir, 'missing.csv'), '--as', 'people', ...ws], /missing\.csv: no such file/],
      [
        ['import', sharedFile('xlsx/exceljs/invalid-xml.xlsx'), '--as', 'people', ...ws],
        /not well-formed XML/,
      ],
    ]
    for (const [args, message] of cases) {
      const result = await cli(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toMatch(message)
    }
  })
})
