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

describe('succession on the demo organisation', () => {
  let services: Services
  let client: Client

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Succession', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 600, seed: 4 })
  })
  afterEach(() => services.dispose())

  it('ships an ontology with aliases and critical roles, some with a ready-now bench and some with none', async () => {
    const skills = await client.call('succession.skills')
    expect(skills.find((s) => s.name === 'Cloud Architecture')?.aliases).toEqual([
      'Cloud Arch',
      'Solution Architecture',
    ])
    const roles = await client.call('succession.roles')
    expect(roles.length).toBeGreaterThanOrEqual(5)
    expect(roles.some((r) => r.bench.readyNow > 0)).toBe(true)
    expect(roles.some((r) => r.bench.readyNow === 0)).toBe(true)
    const counsel = roles.find((r) => r.title === 'General Counsel')
    expect(counsel?.incumbent).toMatch(/^E\d+$/)
  })

  it('ranks candidates by readiness and fit, with each gap, its evidence and the learning that closes it', async () => {
    const { roleId } = await client.call('succession.createRole', {
      title: 'Head of Platform',
      risk: 'high',
      impact: 'high',
      requirements: [
        { skill: 'Cloud Arch', minLevel: 4 },
        { skill: 'software design', minLevel: 3 },
      ],
    })
    const role = (await client.call('succession.roles')).find((r) => r.roleId === roleId)
    expect(role?.requirements.map((r) => [r.skill, r.minLevel])).toEqual([
      ['Cloud Architecture', 4],
      ['Software Design', 3],
    ])
    const candidates = await client.call('succession.candidates', { roleId, limit: 25 })
    expect(candidates).toHaveLength(25)
    const order = { 'ready-now': 0, 'ready-1-2': 1, 'ready-3-plus': 2 }
    for (let i = 1; i < candidates.length; i++) {
      const [a, b] = [candidates[i - 1], candidates[i]]
      if (!a || !b) continue
      expect(
        order[a.readiness] < order[b.readiness] ||
          (a.readiness === b.readiness && a.fitPercent >= b.fitPercent),
      ).toBe(true)
    }
    expect(candidates[0]).toMatchObject({ readiness: 'ready-now', fitPercent: 100, gaps: [] })
    const everyone = await client.call('succession.candidates', { roleId, limit: 200 })
    const withGap = everyone.find((c) => c.gaps.some((g) => g.skill === 'Cloud Architecture' && g.held > 0))
    const gap = withGap?.gaps.find((g) => g.skill === 'Cloud Architecture')
    expect(gap?.closedBy.map((i) => i.title)).toEqual(['AWS Certified Solutions Architect'])
    if (gap && gap.held > 0) expect(gap.basis).toMatch(/rating|evidences level/)

    await expect(
      client.call('succession.createRole', {
        title: 'Key accounts lead',
        risk: 'low',
        impact: 'low',
        requirements: [{ skill: 'Client Management', minLevel: 3 }],
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/did you mean .*"Account Management"/),
    })
  })

  it('overrides readiness with a reason, and exports a report that reads back with text never taken for a formula', async () => {
    await client.call('calibration.create', { name: 'Everyone' })
    const roles = await client.call('succession.roles')
    const role = roles.find((r) => r.title === 'Head of Customer Success')
    if (!role) throw new Error('no demo role')
    const [first] = await client.call('succession.candidates', { roleId: role.roleId, limit: 1 })
    if (!first) throw new Error('no candidate')
    await client.call('succession.setReadiness', {
      roleId: role.roleId,
      employeeId: first.employeeId,
      readiness: 'ready-3-plus',
      reason: 'Relocating next year',
    })
    const overridden = (await client.call('succession.candidates', { roleId: role.roleId, limit: 200 })).find(
      (c) => c.employeeId === first.employeeId,
    )
    expect(overridden).toMatchObject({
      readiness: 'ready-3-plus',
      override: { reason: 'Relocating next year' },
    })

    // A person whose name is a formula: written as text, neutralised.
    const rename = join(tempDir(), 'rename.csv')
    writeFileSync(rename, `Employee ID,Full Name\n${first.employeeId},"=HYPERLINK(""http://x"",""y"")"\n`)
    await client.call('import.commit', { path: rename, kind: 'people' })

    const out = join(tempDir(), 'succession.xlsx')
    await client.call('succession.export', { path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Overview',
      ...roles.map((r, i) => `${i + 1} ${r.title}`.slice(0, 31)),
      'Pools',
      'Legend',
    ])
    const overview = book.getWorksheet('Overview')
    expect(overview?.getRow(5).values).toEqual(
      expect.arrayContaining(['Role', 'Ready now', 'Ready in 1–2 years']),
    )
    expect(overview?.getRow(6).getCell(1).value).toBe(roles[0]?.title)
    expect(overview?.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 })
    expect(overview?.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 })
    const sheet = book.worksheets.find((s) => s.name.endsWith('Head of Customer Success'))
    if (!sheet) throw new Error('no role sheet')
    expect(sheet.getRow(7).values).toEqual(
      expect.arrayContaining(['Rank', 'Readiness', 'Fit %', 'Gaps (held / needed)']),
    )
    // Styles: a bold white-on-slate header row, frozen, filtered.
    expect(sheet.getRow(7).getCell(1).font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } })
    expect(sheet.getRow(7).getCell(1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FF33415C' } })
    expect(sheet.autoFilter).toBe('A7:L7')
    const row = sheet.getRows(8, sheet.rowCount - 7)?.find((r) => r.getCell(2).value === first.employeeId)
    expect(row?.getCell(3).value).toBe('\'=HYPERLINK("http://x","y")')
    expect(row?.getCell(3).type).toBe(ExcelJS.ValueType.String)
    expect(row?.getCell(5).value).toBe('Ready in 3+ years')
    expect(String(row?.getCell(12).value)).toContain('Relocating next year')
    const formats = (
      sheet as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }
    ).conditionalFormattings
    expect(formats.map((f) => f.rules[0]?.formulae?.[0])).toEqual([
      '$E8="Ready now"',
      '$E8="Ready in 1–2 years"',
      '$E8="Ready in 3+ years"',
    ])
    expect(book.getWorksheet('Pools')?.rowCount).toBeGreaterThan(1)
  })

  it('closes gaps through the outbox; completing the learning makes the candidate ready now, recorded (undo takes it back)', async () => {
    const { roleId } = await client.call('succession.createRole', {
      title: 'Programme lead',
      risk: 'medium',
      impact: 'medium',
      requirements: [{ skill: 'Project Management', minLevel: 2 }],
    })
    const candidates = await client.call('succession.candidates', { roleId, limit: 200 })
    const person = candidates.find((c) => c.gaps.length === 1 && c.gaps[0]?.held === 0)
    if (!person) throw new Error('nobody without project management')
    expect(person.readiness).toBe('ready-1-2')
    expect(person.gaps[0]?.closedBy.map((i) => i.activityId)).toContain('CRS-PROJECT-MANAGEMENT')
    const closed = await client.call('succession.closeGaps', { roleId, employeeIds: [person.employeeId] })
    expect(closed).toEqual({ created: 1, alreadyOpen: 0, noLearning: [], notCandidates: [] })

    const file = join(tempDir(), 'done.csv')
    writeFileSync(
      file,
      `Employee ID,Course ID,Status,Completion Date\n${person.employeeId},CRS-PROJECT-MANAGEMENT,Completed,2026-11-01\n`,
    )
    const imported = await client.call('import.commit', { path: file, kind: 'learning' })
    expect(imported.warnings.map((w) => w.code)).toContain('ACTIONS_CLOSED')
    const ready = (await client.call('succession.candidates', { roleId, limit: 200 })).find(
      (c) => c.employeeId === person.employeeId,
    )
    expect(ready).toMatchObject({ readiness: 'ready-now', gaps: [] })
    const notes = (await client.call('outbox.list', {})).filter(
      (a) => a.kind === 'notify' && a.employeeId === person.employeeId,
    )
    expect(notes.map((n) => n.reason)).toEqual([
      `${person.name} is now ready for Programme lead: the learning assigned to close the gaps is done.`,
    ])

    await client.call('import.undo', { batchId: imported.batchId ?? '' })
    expect(
      (await client.call('outbox.list', {})).filter(
        (a) => a.kind === 'notify' && a.employeeId === person.employeeId,
      ),
    ).toEqual([])
    expect(
      (await client.call('outbox.list', { status: 'open' })).some((a) => a.employeeId === person.employeeId),
    ).toBe(true)
  })

  it('keeps named talent pools from a box or a flag of the latest session, and lists them in the report', async () => {
    await expect(client.call('succession.createPool', { name: 'Stars', fromBox: 9 })).rejects.toMatchObject({
      message: 'There is no calibration session to take a box or flag from.',
    })
    const { sessionId } = await client.call('calibration.create', { name: 'Everyone' })
    const view = await client.call('calibration.show', { sessionId })
    const gems = view.placements
      .filter((p) => p.flags.some((f) => f.code === 'HIDDEN_GEM'))
      .map((p) => p.employeeId)
    const pool = await client.call('succession.createPool', {
      name: 'Hidden gems 2026',
      fromFlag: 'HIDDEN_GEM',
      employeeIds: ['E100001'],
    })
    expect(pool.members).toBe(new Set([...gems, 'E100001']).size)
    const [listed] = await client.call('succession.pools')
    expect(listed?.members.map((m) => m.employeeId).sort()).toEqual([...new Set([...gems, 'E100001'])].sort())
    const out = join(tempDir(), 'report.xlsx')
    await client.call('succession.export', { path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const pools = book.getWorksheet('Pools')
    const named = pools
      ?.getRows(2, (pools?.rowCount ?? 1) - 1)
      ?.filter((r) => r.getCell(1).value === 'Hidden gems 2026')
    expect(named?.length).toBe(pool.members)
    // A later move shows in the next pool made from the session (no stale view on the writing connection).
    const outsider = view.placements.find((p) => p.box !== 9)
    if (!outsider) throw new Error('everyone in box 9')
    const stars = await client.call('succession.createPool', { name: 'Stars before', fromBox: 9 })
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [outsider.employeeId],
      box: 9,
      reasonCode: 'calibration-consensus',
      reason: 'agreed in the meeting',
    })
    const after = await client.call('succession.createPool', { name: 'Stars after', fromBox: 9 })
    expect(after.members).toBe(stars.members + 1)
    await client.call('succession.deletePool', { poolId: pool.poolId })
    expect((await client.call('succession.pools')).map((p) => p.name)).toEqual([
      'Stars after',
      'Stars before',
    ])
  })
})
