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

    // Drilling into London: its own trend, segmented by department, with the records behind the last two quarters.
    const inLondon = await client.call('insights.program', {
      item: 'Safety Basics',
      segmentBy: 'department',
      within: [{ dimension: 'location', segment: 'London' }],
    })
    const londoners = people.filter((p) => p.location === 'London')
    expect(inLondon.within).toEqual([{ dimension: 'location', segment: 'London' }])
    expect(inLondon.reach).toBe(londoners.length)
    const londonQ2 = london?.cells[1]
    expect(inLondon.periods[1]).toMatchObject({
      assigned: londonQ2?.assigned,
      completed: londonQ2?.completed,
    })
    expect(inLondon.segments.reduce((n, s) => n + (s.cells[1]?.assigned ?? 0), 0)).toBe(londonQ2?.assigned)
    expect(inLondon.drop?.finding).toMatch(/^In location London: The completion rate fell/)
    expect(inLondon.drop?.segments.every((s) => s.dimension !== 'location')).toBe(true)
    expect(inLondon.recordsTotal).toBe(londoners.length)
    expect(new Set(inLondon.records.map((r) => r.employeeId))).toEqual(new Set(londoners.map((p) => p.id)))
    const notDone = inLondon.records.filter((r) => r.period === '2026-Q2' && r.status !== 'completed')
    expect(notDone.length).toBe((londonQ2?.assigned ?? 0) - (londonQ2?.completed ?? 0))
    // One level deeper: one department inside London, counted the same way.
    const department = inLondon.segments[0]
    const deeper = await client.call('insights.program', {
      item: 'Safety Basics',
      segmentBy: 'jobLevel',
      within: [
        { dimension: 'location', segment: 'London' },
        { dimension: 'department', segment: department?.segment ?? '' },
      ],
    })
    expect(deeper.periods.map((p) => p.assigned)).toEqual(department?.cells.map((c) => c.assigned))
    expect(deeper.records.every((r) => londoners.some((p) => p.id === r.employeeId))).toBe(true)
    expect(deeper.recordsTotal).toBe(department?.cells.reduce((n, c) => n + c.assigned, 0))
    await expect(
      client.call('insights.program', {
        item: 'Safety Basics',
        within: [
          { dimension: 'location', segment: 'London' },
          { dimension: 'location', segment: 'Paris' },
        ],
      }),
    ).rejects.toThrow('drill into each dimension once')
    await expect(
      client.call('insights.program', {
        item: 'Safety Basics',
        within: [{ dimension: 'location', segment: 'Atlantis' }],
      }),
    ).rejects.toThrow('No one in location “Atlantis” has a record of “Safety Basics”.')

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
    const drilled = join(dir, 'trend-london.xlsx')
    await client.call('insights.export', {
      view: 'program',
      input: { item: 'Safety Basics', within: [{ dimension: 'location', segment: 'London' }] },
      path: drilled,
    })
    const drilledBook = new ExcelJS.Workbook()
    await drilledBook.xlsx.readFile(drilled)
    expect(String(drilledBook.getWorksheet('Completion')?.getRow(1).getCell(1).value)).toBe(
      `Safety Basics in location London: reach ${londoners.length} people`,
    )
    expect(drilledBook.getWorksheet('Records')?.actualRowCount).toBe(londoners.length + 1)
    await expect(
      client.call('insights.export', { view: 'program', input: { item: 'Nope' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('summarises the reaction surveys next to completion, for everyone and inside a segment', async () => {
    const db = services.session.db
    const trend = await client.call('insights.program', { item: 'Advanced Leadership' })
    // An independent count of the stored answers: every question, its answers and their mean.
    const expected = db
      .prepare(
        `SELECT question, count(*) AS n, avg(score) AS mean FROM survey_responses
         WHERE activity_id = 'PRG-ADVLEAD' GROUP BY question ORDER BY question`,
      )
      .all() as { question: string; n: number; mean: number }[]
    expect(expected.length).toBe(3)
    expect(trend.survey.map((q) => [q.question, q.n])).toEqual(expected.map((q) => [q.question, q.n]))
    trend.survey.forEach((q, i) => expect(q.mean).toBeCloseTo(expected[i]?.mean ?? 0, 2))
    // Only people who completed the item answered its survey.
    const strangers = db
      .prepare(
        `SELECT count(*) AS n FROM survey_responses s WHERE s.activity_id = 'PRG-ADVLEAD' AND NOT EXISTS (
           SELECT 1 FROM learning_records lr JOIN learning_items i ON i.id = lr.item_id
           WHERE lr.person_id = s.person_id AND i.activity_id = s.activity_id AND lr.status IN ('completed', 'passed'))`,
      )
      .get() as { n: number }
    expect(strangers.n).toBe(0)

    const department = trend.segments[0]?.segment ?? ''
    const inside = await client.call('insights.program', {
      item: 'Advanced Leadership',
      within: [{ dimension: 'department', segment: department }],
    })
    const answers = db
      .prepare(
        `SELECT count(*) AS n FROM survey_responses s JOIN people p ON p.id = s.person_id
         WHERE s.activity_id = 'PRG-ADVLEAD' AND p.department = ?`,
      )
      .get(department) as { n: number }
    expect(inside.survey.reduce((n, q) => n + q.n, 0)).toBe(answers.n)
  })
})
