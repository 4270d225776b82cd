import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import type { Client } from '../../src/shared/rpc/client'
import { rawCodes } from '../support/rawCodes'
import { demoWorkspace } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** Every raw code in a workbook, as "sheet!cell: code", read back the way a person opening it sees the cells. */
async function codesIn(path: string): Promise<string[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const found: string[] = []
  for (const sheet of book.worksheets) {
    for (const code of rawCodes(sheet.name)) found.push(`${sheet.name}: ${code}`)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        for (const code of rawCodes(cell.text)) found.push(`${sheet.name}!${cell.address}: ${code}`)
      }),
    )
  }
  return found
}

describe('workbooks meant for people carry words, never raw codes', () => {
  let services: Services
  let client: Client
  let dir: string
  beforeEach(async () => {
    dir = tempDir()
    ;({ services, client } = await demoWorkspace(dir, { name: 'Words', people: 300, seed: 11 }))
  })
  afterEach(() => services.dispose())

  it('walks the calibration, pre-read, succession, fairness and insights workbooks in English and Polish', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Everyone' })
    const view = await client.call('calibration.show', { sessionId })
    // A move for each reason, an acknowledged flag, so every word the books can say is in them.
    const reasons = ['calibration-consensus', 'evidence-not-in-system', 'other'] as const
    for (const [i, reasonCode] of reasons.entries()) {
      const p = view.placements[i]
      if (!p) throw new Error('too few people placed')
      await client.call('calibration.move', {
        sessionId,
        employeeIds: [p.employeeId],
        box: p.box === 9 ? 8 : 9,
        reasonCode,
        reason: 'agreed in the meeting',
      })
    }
    const flagged = view.placements.find((p) => p.flags.length > 0)
    const flag = flagged?.flags[0]
    if (!flagged || !flag) throw new Error('nobody flagged in the demo')
    await client.call('calibration.updateFlag', {
      sessionId,
      employeeId: flagged.employeeId,
      code: flag.code,
      status: 'acknowledged',
      note: 'talked it through',
    })
    expect(view.holding.length).toBeGreaterThan(0)

    const books: string[] = []
    const out = (name: string): string => {
      const path = join(dir, name)
      books.push(path)
      return path
    }
    for (const locale of ['en', 'pl'] as const) {
      await client.call('calibration.export', { sessionId, path: out(`results-${locale}.xlsx`), locale })
      await client.call('calibration.export', {
        sessionId,
        kind: 'pre-read',
        path: out(`pre-read-${locale}.xlsx`),
        locale,
      })
      await client.call('succession.export', { path: out(`succession-${locale}.xlsx`), locale })
      await client.call('fairness.export', { sessionId, path: out(`fairness-${locale}.xlsx`), locale })
      const [item] = await client.call('insights.items', {})
      const [manager] = await client.call('insights.managers', {})
      const inputs = {
        density: { by: 'department' },
        flightRisk: {},
        program: { item: item?.title ?? '' },
        journey: { employeeId: flagged.employeeId },
        heatmap: { manager: manager?.employeeId ?? '' },
      } as const
      for (const [name, input] of Object.entries(inputs))
        await client.call('insights.export', {
          view: name as keyof typeof inputs,
          input,
          path: out(`insights-${name}-${locale}.xlsx`),
          locale,
        })
    }
    await client.call('calibration.setStatus', { sessionId, status: 'finalized' })
    await client.call('calibration.export', { sessionId, path: out('results-finalized.xlsx') })

    const found: string[] = []
    for (const book of books) for (const code of await codesIn(book)) found.push(`${book}: ${code}`)
    expect(found).toEqual([])

    // …while the CLI's JSON keeps its codes.
    const shown = await client.call('calibration.show', { sessionId })
    expect(shown.placements.some((p) => p.flags.some((f) => /^[A-Z]+_[A-Z_]+$/.test(f.code)))).toBe(true)
    const log = await client.call('calibration.log', { sessionId })
    expect(log.some((e) => e.reason?.startsWith('calibration-consensus: '))).toBe(true)
  })
})
