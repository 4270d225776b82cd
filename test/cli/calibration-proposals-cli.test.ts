import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

interface Shown {
  placements: { employeeId: string; box: number; computedBox: number; proposedBox: number | null }[]
}

describe('ninefold calibration import-proposals', () => {
  it('imports the pre-read a manager filled in, shows proposedBox in show --json, and names each problem of a bad file', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'demo.ninefold'), '--key-file', join(dir, 'demo.key')]
    expect((await cli(['demo', '--people', '200', '--seed', '4', ...ws])).code).toBe(0)
    const created = await cli(['calibration', 'create', '--name', 'Everyone', ...ws, '--json'])
    const { sessionId } = JSON.parse(created.stdout) as { sessionId: string }
    const show = async (): Promise<Shown> =>
      JSON.parse((await cli(['calibration', 'show', sessionId, ...ws, '--json'])).stdout) as Shown
    const before = await show()
    expect(before.placements.every((p) => p.proposedBox === null)).toBe(true)

    const preRead = join(dir, 'pre-read.xlsx')
    expect(
      (await cli(['calibration', 'export', sessionId, '--pre-read', '--out', preRead, ...ws])).code,
    ).toBe(0)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(preRead)
    const sheet = book.getWorksheet('Proposals')
    if (!sheet) throw new Error('the pre-read has no Proposals sheet')
    let header = 0
    sheet.eachRow((row, n) => {
      if (header === 0 && row.getCell(1).value === 'Employee ID') header = n
    })
    const headers = (sheet.getRow(header).values as unknown[]).map(String)
    const boxColumn = headers.indexOf('Proposed box')
    const [first, second] = before.placements
    if (!first || !second) throw new Error('nobody placed')
    const rowOf = (id: string): ExcelJS.Row => {
      for (let n = header + 1; n <= sheet.rowCount; n++)
        if (sheet.getRow(n).getCell(1).value === id) return sheet.getRow(n)
      throw new Error(`${id} not in the sheet`)
    }
    rowOf(first.employeeId).getCell(boxColumn).value = 9
    rowOf(second.employeeId).getCell(boxColumn).value = 'nine'
    const bad = join(dir, 'bad.xlsx')
    await book.xlsx.writeFile(bad)

    // Refused whole (exit 2), each problem with its file, sheet, row, column and value.
    const refused = await cli(['calibration', 'import-proposals', sessionId, bad, ...ws])
    expect(refused.code).toBe(2)
    expect(refused.stdout).toContain('Nothing was imported from bad.xlsx: 1 problem to fix in the workbook.')
    expect(refused.stdout).toContain(
      `bad.xlsx: Proposals, row ${rowOf(second.employeeId).number}, column "Proposed box", value "nine": Not a box: give a whole number from 1 to 9.`,
    )
    const refusedJson = await cli(['calibration', 'import-proposals', sessionId, bad, ...ws, '--json'])
    expect(JSON.parse(refusedJson.stdout)).toMatchObject({
      stored: false,
      errors: [
        {
          file: 'bad.xlsx',
          sheet: 'Proposals',
          row: rowOf(second.employeeId).number,
          column: 'Proposed box',
          value: 'nine',
          code: 'UNKNOWN_BOX',
        },
      ],
    })
    expect((await show()).placements.every((p) => p.proposedBox === null)).toBe(true)

    rowOf(second.employeeId).getCell(boxColumn).value = null
    const good = join(dir, 'good.xlsx')
    await book.xlsx.writeFile(good)
    const stored = await cli(['calibration', 'import-proposals', sessionId, good, ...ws])
    expect(stored).toMatchObject({ code: 0, stdout: '1 proposal imported from good.xlsx.' })
    const after = await show()
    expect(after.placements.find((p) => p.employeeId === first.employeeId)?.proposedBox).toBe(9)
    expect(after.placements.filter((p) => p.proposedBox !== null)).toHaveLength(1)

    // From the cycle's ratings instead: it replaces the workbook's proposal, and says so.
    const fromRatings = await cli(['calibration', 'import-proposals', sessionId, '--from-ratings', ...ws])
    expect(fromRatings.code).toBe(0)
    expect(fromRatings.stdout).toMatch(
      /^\d+ proposals taken from the cycle's ratings\. It replaces the 1 proposal imported before \(Undo brings it back\)\.$/,
    )
    // Neither a file nor --from-ratings, or both: a usage error before the workspace opens.
    expect((await cli(['calibration', 'import-proposals', sessionId, ...ws])).code).toBe(2)
    expect(
      (await cli(['calibration', 'import-proposals', sessionId, good, '--from-ratings', ...ws])).code,
    ).toBe(2)
    // Every command opens the workspace afresh (the passphrase's key derivation each time): slow on a busy machine.
  }, 120_000)
})
