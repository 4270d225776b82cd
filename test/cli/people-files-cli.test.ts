import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('ninefold with people files as HRIS systems export them', () => {
  it('imports text job levels and managers by name, lists the manager it cannot find, and scopes a calibration by the level as shown', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'w.ninefold'), '--key-file', join(dir, 'w.key')]
    expect((await cli(['workspace', 'create', ...ws])).code).toBe(0)

    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Employee Data')
    sheet.addRow(['Employee ID', 'Worker', 'Job Level - Primary Position', "Worker's Manager"])
    sheet.addRow(['W1', 'David Chen', 'MT4', 'Board of Directors'])
    sheet.addRow(['W2', 'Ana Núñez', 'PT5 - Principal', 'Chen, David'])
    sheet.addRow(['W3', 'Bob Stone', 'IC', 'David Chen'])
    sheet.addRow(['W4', 'Carl Ray', 'PT5 - Principal', 'Ana Nunez'])
    const file = join(dir, 'talent.xlsx')
    await workbook.xlsx.writeFile(file)

    const imported = await cli(['import', file, '--as', 'people', ...ws, '--json'])
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({
      rows: { total: 4, inserted: 4, rejected: 0 },
      errors: [],
      warnings: [{ code: 'MANAGER_NOT_IN_WORKSPACE' }],
    })

    const quality = await cli(['quality', ...ws, '--json'])
    expect(quality.code).toBe(0)
    const report = JSON.parse(quality.stdout) as {
      findings: { code: string; count: number; examples: Record<string, unknown>[] }[]
    }
    expect(report.findings.find((f) => f.code === 'UNRESOLVED_MANAGER')).toMatchObject({
      count: 1,
      examples: [{ manager: 'Board of Directors', namedBy: 1, people: 'W1 (David Chen)' }],
    })

    const listed = await cli(['people', 'list', ...ws, '--sort', 'jobLevel'])
    expect(listed.stdout).toContain('PT5 - Principal')
    // Cut to the terminal column's width.
    expect(listed.stdout).toContain('Board of Directors (not in the …')

    const mapping = join(dir, 'reviews.json')
    writeFileSync(mapping, JSON.stringify({ scale: { min: 1, max: 5 } }))
    const reviews = join(dir, 'reviews.csv')
    writeFileSync(reviews, 'Employee ID,Cycle,Rating\nW1,FY2025,3\nW2,FY2025,4\nW3,FY2025,2\nW4,FY2025,5\n')
    expect((await cli(['import', reviews, '--as', 'reviews', '--mapping', mapping, ...ws])).code).toBe(0)
    const created = await cli([
      'calibration',
      'create',
      '--name',
      'Principals',
      '--scope',
      'jobLevel=PT5 - Principal',
      ...ws,
      '--json',
    ])
    expect(created.code).toBe(0)
    expect(JSON.parse(created.stdout)).toMatchObject({ people: 2 })
    const shown = await cli([
      'calibration',
      'show',
      (JSON.parse(created.stdout) as { sessionId: string }).sessionId,
      ...ws,
      '--json',
    ])
    // Placed or held (no hire date, no evidence): either way the session holds exactly the two principals.
    const view = JSON.parse(shown.stdout) as {
      placements: { employeeId: string }[]
      holding: { employeeId: string }[]
    }
    expect([...view.placements, ...view.holding].map((p) => p.employeeId).sort()).toEqual(['W2', 'W4'])
  })
})
