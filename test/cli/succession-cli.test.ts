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
