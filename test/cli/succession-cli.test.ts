import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('ninefold succession export', () => {
  it('writes the report for all roles or the ones named, and refuses bad arguments with exit 2', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'demo.ninefold'), '--key-file', join(dir, 'demo.key')]
    expect((await cli(['demo', '--people', '300', '--seed', '2', ...ws])).code).toBe(0)

    const all = join(dir, 'all.xlsx')
    const written = await cli(['succession', 'export', '--out', all, ...ws, '--json'])
    expect(written.code).toBe(0)
    expect(JSON.parse(written.stdout)).toEqual({ path: all })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(all)
    expect(book.worksheets.length).toBe(6 + 3)

    const two = join(dir, 'two.xlsx')
    expect((await cli(['succession', 'export', '--out', two, '--roles', '1,2', ...ws])).code).toBe(0)
    const small = new ExcelJS.Workbook()
    await small.xlsx.readFile(two)
    expect(small.worksheets.map((s) => s.name)).toHaveLength(2 + 3)

    const missingOut = await cli(['succession', 'export', ...ws])
    expect(missingOut).toMatchObject({ code: 2, stderr: expect.stringContaining('--out FILE.xlsx') })
    const badRoles = await cli(['succession', 'export', '--out', two, '--roles', 'one', ...ws])
    expect(badRoles).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--roles must be a whole number'),
    })
  })
})

describe('ninefold rules apply / outbox export', () => {
  it('previews and applies a rule (JSON), then exports the outbox for the LMS', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'demo.ninefold'), '--key-file', join(dir, 'demo.key')]
    expect((await cli(['demo', '--people', '300', '--seed', '3', ...ws])).code).toBe(0)
    const dry = await cli(['rules', 'apply', '1', '--dry-run', ...ws, '--json'])
    expect(dry.code).toBe(0)
    const preview = JSON.parse(dry.stdout) as {
      matched: number
      created: number
      dryRun: boolean
      matches: unknown[]
    }
    expect(preview).toMatchObject({ dryRun: true, created: 0 })
    expect(Object.keys(preview)).toEqual(['ruleId', 'matched', 'created', 'skipped', 'dryRun', 'matches'])
    const applied = JSON.parse((await cli(['rules', 'apply', '1', ...ws, '--json'])).stdout) as {
      created: number
    }
    expect(applied.created).toBeGreaterThan(0)
    const out = join(dir, 'enrolments.xlsx')
    const exported = await cli(['outbox', 'export', '--out', out, ...ws, '--json'])
    expect(JSON.parse(exported.stdout)).toEqual({ path: out, rows: applied.created + 5 })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    expect(book.getWorksheet('Enrolments')?.getRow(1).values).toEqual([
      undefined,
      'Employee ID',
      'Email',
      'Item ID',
      'Title',
      'Due Date',
      'Reason',
    ])
    expect((await cli(['rules', 'apply', '99', ...ws])).code).toBe(2)
    expect((await cli(['outbox', 'export', '--out', join(dir, 'x.pdf'), ...ws])).code).toBe(2)
  })
})
