import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FairnessAudit } from '../../src/shared/contract'
import { cli } from '../support/cli'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('ninefold fairness', () => {
  it('audits a session as JSON, exports the workbook, and refuses bad arguments with exit 2', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'demo.ninefold'), '--key-file', join(dir, 'demo.key')]
    expect((await cli(['demo', '--people', '300', '--seed', '3', ...ws])).code).toBe(0)
    const created = await cli(['calibration', 'create', '--name', 'All', ...ws, '--json'])
    const { sessionId } = JSON.parse(created.stdout) as { sessionId: string }

    const audited = await cli(['fairness', 'audit', sessionId, ...ws, '--json'])
    expect(audited.code).toBe(0)
    const audit = JSON.parse(audited.stdout) as FairnessAudit
    expect(audit.sessionId).toBe(sessionId)
    expect(audit.attributes.map((a) => a.attribute)).toContain('workPattern')
    expect(
      audit.impact.find((s) => s.attribute === 'gender' && s.outcome === 'top-boxes-after')?.rows.length,
    ).toBeGreaterThan(1)

    const text = await cli(['fairness', 'audit', sessionId, ...ws])
    expect(text.stdout).toMatch(/^Fairness audit of All/)

    const out = join(dir, 'audit.xlsx')
    const exported = await cli(['fairness', 'export', sessionId, '--out', out, ...ws, '--json'])
    expect(exported.code).toBe(0)
    expect(JSON.parse(exported.stdout)).toEqual({ path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    expect(String(book.getWorksheet('Summary')?.getRow(1).getCell(1).value)).toMatch(
      /^Contains sensitive attributes/,
    )

    expect(await cli(['fairness', 'export', sessionId, ...ws])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--out FILE.xlsx'),
    })
    expect(await cli(['fairness', 'audit', ...ws])).toMatchObject({ code: 2 })
    expect(await cli(['fairness', 'audit', 'no-such-session', ...ws])).toMatchObject({ code: 2 })
  })
})

describe('ninefold person erase', () => {
  it('exports what is held about a person, erases them and reports the pseudonym; an unknown id or a missing reason exits 2', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'demo.ninefold'), '--key-file', join(dir, 'demo.key')]
    expect((await cli(['demo', '--people', '200', '--seed', '4', ...ws])).code).toBe(0)
    const access = join(dir, 'access.xlsx')
    const exported = await cli(['person', 'export', 'E100050', '--out', access, ...ws, '--json'])
    expect(exported.code).toBe(0)
    expect(JSON.parse(exported.stdout)).toMatchObject({ path: access, rows: expect.any(Number) })
    const erased = await cli([
      'person',
      'erase',
      'E100050',
      '--reason',
      'Request of 2026-11-20',
      ...ws,
      '--json',
    ])
    expect(erased.code).toBe(0)
    expect(JSON.parse(erased.stdout)).toMatchObject({ pseudonym: expect.stringMatching(/^ERASED-/) })
    expect(await cli(['person', 'erase', 'E100050', '--reason', 'again', ...ws])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no person E100050'),
    })
    expect(await cli(['person', 'erase', 'E100051', ...ws])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--reason'),
    })
  })
})
