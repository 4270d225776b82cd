import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe("a program's trend", () => {
  let services: Services
  let client: Client
  let dir: string
  beforeEach(async () => {
    dir = tempDir()
    services = testServices(dir)
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Trend', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 400, seed: 9 })
  })
  afterEach(() => services.dispose())

  it('shows reach and completion by quarter, and finds the location the fall is concentrated in', async () => {
    const people = services.session.db
      .prepare('SELECT employee_id AS id, location FROM people ORDER BY id LIMIT 240')
      .all() as { id: string; location: string }[]
    // Q1: 9 in 10 complete everywhere. Q2: London falls to 1 in 5, everywhere else stays.
    const lines = ['Employee ID,Course ID,Course title,Status,Assigned,Completed']
    people.forEach((p, i) => {
      const q2 = i % 2 === 1
      const done = q2 && p.location === 'London' ? i % 10 === 1 : i % 20 > 1
      const assigned = q2 ? '2026-04-15' : '2026-01-15'
      lines.push(
        `${p.id},SAFE-1,Safety Basics,${done ? 'Completed' : 'Enrolled'},${assigned},${done ? (q2 ? '2026-05-20' : '2026-02-20') : ''}`,
      )
    })
    const file = join(dir, 'safety.csv')
    writeFileSync(file, lines.join('\n'))
    await client.call('import.commit', { path: file, kind: 'learning' })

    const trend = await client.call('insights.program', { item: 'Safety Basics', segmentBy: 'location' })
    expect(trend.reach).toBe(240)
    expect(trend.periods.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2'])
    const q2 = people.filter((_, i) => i % 2 === 1)
    const completedQ2 = q2.filter((p, k) => {
      const i = 2 * k + 1
      return p.location === 'London' ? i % 10 === 1 : i % 20 > 1
    }).length
    expect(trend.periods[1]).toMatchObject({ assigned: q2.length, completed: completedQ2 })
    expect(trend.drop?.finding).toMatch(
      /fell .* points .* from 2026-Q1 to 2026-Q2; \d+% of the fall is in location London/,
    )
    expect(trend.drop?.segments[0]).toMatchObject({ dimension: 'location', segment: 'London' })
    expect(trend.drop?.segments[0]?.shareOfChange).toBeGreaterThan(0.5)
    const london = trend.segments.find((s) => s.segment === 'London')
    expect(london?.cells[1]?.rate).toBeLessThan(0.4)

    // The same numbers as a workbook: the chart's table, and where the fall comes from.
    const out = join(dir, 'trend.xlsx')
    await client.call('insights.export', {
      view: 'program',
      input: { item: 'Safety Basics', segmentBy: 'location' },
      path: out,
    })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    expect(book.worksheets.map((w) => w.name)).toEqual(['Completion', 'Where the fall comes from'])
    const sheet = book.getWorksheet('Completion')
    const all = sheet?.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).value === 'All')
    expect(all?.getCell(3).value).toBe(`${trend.periods[1]?.completed}/${trend.periods[1]?.assigned}`)
    await expect(
      client.call('insights.export', { view: 'program', input: { item: 'Nope' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
