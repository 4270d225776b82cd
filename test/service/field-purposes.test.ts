import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

async function sheetValues(path: string, name: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const rows: unknown[][] = []
  book.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe('purpose tags per field', () => {
  let services: Services
  let client: Client
  let dir: string
  beforeEach(async () => {
    dir = tempDir()
    services = testServices(dir)
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Purposes', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 400, seed: 4 })
  })
  afterEach(() => services.dispose())

  it('starts with organisational fields for every purpose and sensitive ones for the fairness audit only', async () => {
    const list = await client.call('privacy.fieldPurposes')
    const of = (field: string) => list.find((f) => f.field === field)
    expect(of('department')?.purposes).toEqual(['calibration', 'development', 'fairnessAudit'])
    expect(of('manager')?.allowed).toEqual(['calibration', 'development'])
    expect(of('gender')).toMatchObject({
      sensitive: true,
      purposes: ['fairnessAudit'],
      allowed: ['fairnessAudit'],
    })
    await expect(
      client.call('privacy.setFieldPurposes', {
        field: 'gender',
        purposes: ['calibration', 'fairnessAudit'],
        reason: 'try to use it in the grid',
      }),
    ).rejects.toThrow(
      'Gender is a sensitive attribute: it can only be used for the fairness audit, never for calibration.',
    )
    expect((await client.call('privacy.fieldPurposes')).find((f) => f.field === 'gender')?.purposes).toEqual([
      'fairnessAudit',
    ])
  })

  it('keeps a field untagged for calibration out of the grid, the export and session scopes; logged, and undone by re-tagging', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Q4' })
    const before = await client.call('calibration.show', { sessionId })
    expect(before.placements.some((p) => p.department !== null)).toBe(true)

    await client.call('privacy.setFieldPurposes', {
      field: 'department',
      purposes: ['development', 'fairnessAudit'],
      reason: 'Works council agreement 2026-11: calibration looks at people, not departments',
    })
    const after = await client.call('calibration.show', { sessionId })
    expect(after.placements.length).toBe(before.placements.length)
    expect(after.placements.every((p) => p.department === null)).toBe(true)
    expect(after.holding.every((h) => h.department === null)).toBe(true)
    // The boxes do not depend on it.
    expect(after.placements.map((p) => p.box)).toEqual(before.placements.map((p) => p.box))
    const out = join(dir, 'results.xlsx')
    await client.call('calibration.export', { sessionId, path: out })
    const rows = await sheetValues(out, 'Placements')
    const column = (rows[0] ?? []).indexOf('Department')
    expect(column).toBeGreaterThan(-1)
    expect(rows.slice(1).every((r) => r[column] === undefined || r[column] === null)).toBe(true)
    await expect(
      client.call('calibration.create', { name: 'Sales', scope: { department: 'Sales' } }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Department is not tagged for calibration in this workspace (Workspace ▸ Field purposes).',
    })

    const log = services.session.db
      .prepare(
        "SELECT entity_id AS field, before_json AS b, after_json AS a, reason FROM audit_log WHERE action = 'privacy.fieldPurposes'",
      )
      .all()
    expect(log).toEqual([
      {
        field: 'department',
        b: JSON.stringify({ purposes: ['calibration', 'development', 'fairnessAudit'] }),
        a: JSON.stringify({ purposes: ['development', 'fairnessAudit'] }),
        reason: 'Works council agreement 2026-11: calibration looks at people, not departments',
      },
    ])

    await client.call('privacy.setFieldPurposes', {
      field: 'department',
      purposes: ['calibration', 'development', 'fairnessAudit'],
      reason: 'agreement withdrawn',
    })
    const again = await client.call('calibration.show', { sessionId })
    expect(again.placements.map((p) => p.department)).toEqual(before.placements.map((p) => p.department))
  })

  it('keeps a field untagged for development out of every Insights view, and for the audit out of the audit', async () => {
    await client.call('privacy.setFieldPurposes', {
      field: 'location',
      purposes: ['calibration'],
      reason: 'test',
    })
    await client.call('privacy.setFieldPurposes', {
      field: 'department',
      purposes: ['calibration', 'fairnessAudit'],
      reason: 'test',
    })
    const refusal = { code: 'FORBIDDEN' }
    await expect(
      client.call('insights.program', { item: 'Code of Conduct', segmentBy: 'location' }),
    ).rejects.toMatchObject(refusal)
    await expect(
      client.call('insights.program', {
        item: 'Code of Conduct',
        segmentBy: 'jobLevel',
        within: [{ dimension: 'department', segment: 'Sales' }],
      }),
    ).rejects.toMatchObject(refusal)
    await expect(client.call('insights.density', { by: 'location' })).rejects.toMatchObject(refusal)
    await expect(
      client.call('insights.export', { view: 'density', input: { by: 'department' } }),
    ).rejects.toMatchObject(refusal)
    const trend = await client.call('insights.program', { item: 'Code of Conduct', segmentBy: 'jobLevel' })
    expect(
      trend.drop?.segments.every((s) => s.dimension === 'jobLevel' || s.dimension === 'manager') ?? true,
    ).toBe(true)
    const employeeId = (
      services.session.db.prepare('SELECT employee_id AS id FROM people LIMIT 1').get() as { id: string }
    ).id
    expect((await client.call('insights.journey', { employeeId })).person.department).toBeNull()

    // The audit groups by what is tagged for it, and says what it left out.
    const { sessionId } = await client.call('calibration.create', { name: 'Audit' })
    const audit = await client.call('fairness.audit', { sessionId })
    expect(audit.attributes.map((a) => a.attribute)).not.toContain('location')
    expect(audit.attributes.map((a) => a.attribute)).toContain('gender')
    expect(audit.notUsed).toEqual([{ attribute: 'location', label: 'Location' }])
    expect(audit.impact.some((s) => s.attribute === 'location')).toBe(false)

    // The anonymised export (for development and audit analysis) drops location, keeps department (audit).
    const out = join(dir, 'anon.xlsx')
    await client.call('privacy.anonymisedExport', { path: out })
    const header = (await sheetValues(out, 'People')).find((r) => r[0] === 'Person') ?? []
    expect(header).toContain('Department')
    expect(header).not.toContain('Location')

    // Job level untagged for both: no job level column, and no promotions (job-level history) either.
    await client.call('privacy.setFieldPurposes', {
      field: 'jobLevel',
      purposes: ['calibration'],
      reason: 'test',
    })
    await client.call('privacy.anonymisedExport', { path: out })
    expect((await sheetValues(out, 'People')).find((r) => r[0] === 'Person')).not.toContain('Job level')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    expect(book.worksheets.map((w) => w.name)).not.toContain('Promotions')
  })
})
