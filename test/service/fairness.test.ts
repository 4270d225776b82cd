import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import type { FairnessAudit, ImpactRow } from '../../src/shared/contract'
import { PASSPHRASE, testServices } from '../support/services'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/**
 * Fisher's exact test written out independently of the product: exact binomials in BigInt, every table with the
 * observed margins summed when it is no more likely than the observed one.
 */
function fisherByHand(a: number, b: number, c: number, d: number): number {
  const choose = (n: number, k: number): bigint => {
    let r = 1n
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i)
    return r
  }
  const row1 = a + b
  const col1 = a + c
  const n = a + b + c + d
  const weight = (x: number): bigint => choose(row1, x) * choose(n - row1, col1 - x)
  const total = choose(n, col1)
  const observed = weight(a)
  let sum = 0n
  for (let x = Math.max(0, col1 - (n - row1)); x <= Math.min(row1, col1); x++) {
    const w = weight(x)
    // Within a relative 1e-7 of the observed table counts as "as likely".
    if (w * 10_000_000n <= observed * 10_000_001n) sum += w
  }
  return Number((sum * 1_000_000n) / total) / 1_000_000
}

function rowOf(
  audit: FairnessAudit,
  attribute: string,
  outcome: string,
  group: string,
): ImpactRow | undefined {
  return audit.impact
    .find((s) => s.attribute === attribute && s.outcome === outcome)
    ?.rows.find((r) => r.group === group)
}

describe('the fairness audit of a calibration session', () => {
  let services: Services
  let client: Client

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Fairness', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 600, seed: 11 })
  })
  afterEach(() => services.dispose())

  it('matches an independent count of every group, finds the planted part-time disparity, and keeps attributes out of the grid', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'All staff' })
    const view = await client.call('calibration.show', { sessionId })
    const audit = await client.call('fairness.audit', { sessionId })
    expect(audit.attributes.map((a) => a.attribute)).toEqual(['gender', 'ageBand', 'workPattern', 'location'])

    // Independently: each person's work pattern straight from the table, their box from the grid.
    const patterns = new Map(
      (
        services.session.db
          .prepare(
            `SELECT p.employee_id AS id, s.work_pattern AS pattern FROM person_sensitive_attributes s
             JOIN people p ON p.id = s.person_id`,
          )
          .all() as { id: string; pattern: string }[]
      ).map((r) => [r.id, r.pattern]),
    )
    const tally = (pattern: string): { n: number; top: number } => {
      const placed = view.placements.filter((p) => patterns.get(p.employeeId) === pattern)
      return { n: placed.length, top: placed.filter((p) => [6, 8, 9].includes(p.box)).length }
    }
    const part = tally('Part-time')
    const full = tally('Full-time')
    expect(part.n).toBeGreaterThan(30)
    const partRow = rowOf(audit, 'workPattern', 'top-boxes-after', 'Part-time')
    const fullRow = rowOf(audit, 'workPattern', 'top-boxes-after', 'Full-time')
    expect([partRow?.n, partRow?.selected]).toEqual([part.n, part.top])
    expect([fullRow?.n, fullRow?.selected]).toEqual([full.n, full.top])
    const best = Math.max(part.top / part.n, full.top / full.n)
    expect(partRow?.ratio).toBeCloseTo(part.top / part.n / best, 3)
    expect(partRow?.pValue).toBeCloseTo(
      fisherByHand(part.top, part.n - part.top, full.top, full.n - full.top),
      3,
    )

    // The demo plants a real pattern: part-time staff finish fewer voluntary courses, which the breadth component
    // counts. The audit finds it in that component, with the group means behind it.
    const breadth = audit.metrics.find((m) => m.attribute === 'workPattern' && m.metric === 'breadth')
    expect(breadth?.strength).not.toBe('none')
    expect(breadth?.warning).toMatch(/Part-time ranks lower/)
    const byGroup = new Map(breadth?.groups.map((g) => [g.group, g.mean]))
    expect(byGroup.get('Part-time')).toBeLessThan(byGroup.get('Full-time') ?? 0)

    // Groups under 4 are never shown with numbers.
    for (const screen of audit.impact)
      for (const row of screen.rows)
        if (row.suppressed) expect([row.n, row.selected, row.rate]).toEqual([null, null, null])

    // The grid itself never carries a sensitive attribute.
    const grid = JSON.stringify(view)
    for (const value of ['Part-time', 'Full-time', 'Female', 'Non-binary']) expect(grid).not.toContain(value)
  })

  it('exports the audit for the works council, says on every sheet that it holds sensitive data, and logs the export', async () => {
    const { sessionId } = await client.call('calibration.create', {
      name: 'Engineering',
      scope: { department: 'Engineering' },
    })
    const out = join(tempDir(), 'audit.xlsx')
    const audit = await client.call('fairness.audit', { sessionId })
    await client.call('fairness.export', { sessionId, path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Adverse impact',
      'Distribution',
      'Metric audit',
      'Method',
    ])
    for (const sheet of book.worksheets)
      expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/^Contains sensitive attributes/)
    const impact = book.getWorksheet('Adverse impact')
    const rows = impact?.getRows(3, (impact?.rowCount ?? 2) - 2) ?? []
    const suppressed = audit.impact.flatMap((s) => s.rows).filter((r) => r.suppressed).length
    expect(rows.filter((r) => r.getCell(4).value === '<4')).toHaveLength(suppressed)
    expect(rows).toHaveLength(audit.impact.reduce((n, s) => n + s.rows.length, 0))
    const logged = services.session.db
      .prepare(
        "SELECT entity_id AS sessionId, after_json AS after FROM audit_log WHERE action = 'fairness.export'",
      )
      .all() as { sessionId: string; after: string }[]
    expect(logged).toHaveLength(1)
    expect(logged[0]?.sessionId).toBe(sessionId)
    expect(JSON.parse(logged[0]?.after ?? '{}')).toMatchObject({
      attributes: audit.attributes.map((a) => a.attribute),
    })
  })
})

describeWithSharedData('the fairness audit on IBM HR Analytics (../shared/data)', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'IBM', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('audits ratings by gender and age band with the numbers a plain count of the file gives', async () => {
    const file = sharedFile('hr/WA_Fn-UseC_-HR-Employee-Attrition.csv')
    await client.call('import.commit', {
      path: file,
      kind: 'people',
      mapping: {
        columns: {
          EmployeeNumber: 'employeeId',
          Department: 'department',
          JobRole: 'jobTitle',
          JobLevel: 'jobLevel',
          Gender: 'gender',
          Age: 'ageBand',
        },
      },
    })
    await client.call('import.commit', {
      path: file,
      kind: 'reviews',
      mapping: {
        columns: { EmployeeNumber: 'employeeId', PerformanceRating: 'overallRating' },
        scale: { min: 1, max: 4 },
        constants: { cycle: 'FY24' },
      },
    })
    const { sessionId, people } = await client.call('calibration.create', { name: 'IBM', cycle: 'FY24' })
    expect(people).toBe(1470)
    const audit = await client.call('fairness.audit', { sessionId })

    // The file, counted by hand: PerformanceRating 4 is the top of a 1–4 scale (5 on 1–5: high performance).
    const [header, ...lines] = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    const column = (name: string): number => (header ?? '').split(',').indexOf(name)
    const rows = lines.map((l) => l.split(','))
    const count = (keep: (r: string[]) => boolean): { n: number; top: number } => {
      const group = rows.filter(keep)
      return { n: group.length, top: group.filter((r) => r[column('PerformanceRating')] === '4').length }
    }
    for (const gender of ['Male', 'Female']) {
      const expected = count((r) => r[column('Gender')] === gender)
      const row = rowOf(audit, 'gender', 'high-performance', gender)
      expect([row?.n, row?.selected]).toEqual([expected.n, expected.top])
    }
    const male = count((r) => r[column('Gender')] === 'Male')
    const female = count((r) => r[column('Gender')] === 'Female')
    expect(rowOf(audit, 'gender', 'high-performance', 'Female')?.pValue).toBeCloseTo(
      fisherByHand(female.top, female.n - female.top, male.top, male.n - male.top),
      3,
    )
    const under30 = count((r) => Number(r[column('Age')]) < 30)
    expect([
      rowOf(audit, 'ageBand', 'high-performance', 'Under 30')?.n,
      rowOf(audit, 'ageBand', 'high-performance', 'Under 30')?.selected,
    ]).toEqual([under30.n, under30.top])
    // Nobody could be placed without learning evidence or potential ratings: the box screens say so plainly.
    expect(
      audit.impact.find((s) => s.attribute === 'gender' && s.outcome === 'top-boxes-after')?.finding,
    ).toBe('Nobody in a shown group could be selected.')
    const rating = audit.metrics.find((m) => m.attribute === 'gender' && m.metric === 'rating')
    const mean = (g: { n: number; top: number }): number => (5 * g.top + (11 / 3) * (g.n - g.top)) / g.n
    expect(rating?.groups.find((g) => g.group === 'Female')?.mean).toBeCloseTo(mean(female), 3)
  })
})
