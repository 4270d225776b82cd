import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import type { MethodInput, MethodOutput } from '../../src/shared/contract'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
type Demo = MethodOutput<'demo.populate'>

describe('calibration sessions on the demo organisation', () => {
  let services: Services
  let client: Client
  let demo: Demo

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Calibration', passphrase: PASSPHRASE })
    demo = await client.call('demo.populate', { people: 400, seed: 7 })
  })
  afterEach(() => services.dispose())

  it('places everyone rated, holds the rest, and finds every planted case with the records behind it', async () => {
    const { sessionId, people } = await client.call('calibration.create', { name: 'All staff' })
    expect(people).toBeGreaterThan(350)
    const view = await client.call('calibration.show', { sessionId })
    expect(view.placements.length + view.holding.length).toBe(people)
    expect(view.distribution.reduce((n, d) => n + d.actual, 0)).toBe(view.placements.length)
    expect(view.distribution.reduce((n, d) => n + d.targetCount, 0)).toBe(view.placements.length)

    const expected = {
      'compliance-gap': 'COMPLIANCE_GAP',
      'expired-certification': 'EXPIRED_CERTIFICATION',
      'hidden-gem': 'HIDDEN_GEM',
    } as const
    expect(demo.plantedCases.length).toBeGreaterThanOrEqual(3)
    for (const planted of demo.plantedCases) {
      const placed = view.placements.find((p) => p.employeeId === planted.employeeId)
      expect(placed, `${planted.employeeId} (${planted.kind}) should be on the grid`).toBeDefined()
      const code = expected[planted.kind as keyof typeof expected]
      const found = placed?.flags.find((f) => f.code === code)
      expect(found, `${planted.employeeId} should carry ${code}`).toBeDefined()
      // The grid carries the flag; the person's detail carries the same flag with the records behind it.
      const detail = await client.call('calibration.person', { sessionId, employeeId: planted.employeeId })
      expect(detail.flags.map((f) => [f.code, f.rationale])).toEqual(
        placed?.flags.map((f) => [f.code, f.rationale]),
      )
      expect(detail.flags.find((f) => f.code === code)?.evidence.length).toBeGreaterThan(0)
      // No false positives among the planted cases: a top performer is not a hidden gem, and the reverse.
      const others = Object.values(expected).filter((c) => c !== code)
      expect(placed?.flags.map((f) => f.code).filter((c) => (others as string[]).includes(c))).toEqual([])
    }
    // The side panel's detail: the learning journey shows the mandatory course that is not done, and every
    // agility component is explained with its records.
    const planted = demo.plantedCases.find((c) => c.kind === 'compliance-gap')
    const detail = await client.call('calibration.person', {
      sessionId,
      employeeId: planted?.employeeId ?? '',
    })
    expect(detail.learning.some((l) => l.mandatory && (l.state === 'overdue' || l.state === 'failed'))).toBe(
      true,
    )
    expect(detail.reviews.map((r) => r.cycle)).toContain(view.cycle)
    expect(detail.agility.components.every((c) => c.explanation.length > 0)).toBe(true)
    expect(detail.agility.components.some((c) => c.evidence.length > 0)).toBe(true)
    expect(detail.performance.explanation).toMatch(/^Overall rating 5 on the 1–5 scale/)
    expect(detail.performance.evidence[0]).toMatchObject({ kind: 'review' })
    const gap = view.placements.find((p) => p.flags.some((f) => f.code === 'COMPLIANCE_GAP'))
    expect(gap?.performance.level).toBe('high')
    expect(gap?.flags.find((f) => f.code === 'COMPLIANCE_GAP')?.rationale).toMatch(
      /mandatory training is not done/,
    )
  })

  it('moves with a reason, undoes and redoes, locks on finalize, and exports a workbook that reads back', async () => {
    const { sessionId } = await client.call('calibration.create', {
      name: 'Q4 Engineering',
      scope: { department: 'Engineering' },
    })
    const before = await client.call('calibration.show', { sessionId })
    const person = before.placements[0]
    if (!person) throw new Error('nobody placed')
    const target = person.box === 9 ? 1 : 9
    await expect(
      client.call('calibration.move', {
        sessionId,
        employeeIds: [person.employeeId],
        box: target,
        reasonCode: 'other',
        reason: '',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [person.employeeId],
      box: target,
      reasonCode: 'evidence-not-in-system',
      reason: '=HYPERLINK("http://evil.example","led the migration")',
    })
    const moved = await client.call('calibration.show', { sessionId })
    const after = moved.placements.find((p) => p.employeeId === person.employeeId)
    expect(after).toMatchObject({ box: target, computedBox: person.computedBox, source: 'moved' })
    expect(moved.status).toBe('live')
    if (Math.abs(target - person.computedBox) >= 2)
      expect(after?.flags.map((f) => f.code)).toContain('MOVED_AGAINST_EVIDENCE')

    expect(
      (await client.call('calibration.person', { sessionId, employeeId: person.employeeId })).moves,
    ).toMatchObject([
      { step: 1, fromBox: person.box, toBox: target, reasonCode: 'evidence-not-in-system', state: 'active' },
    ])
    await client.call('calibration.undo', { sessionId })
    // Asking to move someone into the box they are in changes nothing, and keeps the redo history.
    expect(
      await client.call('calibration.move', {
        sessionId,
        employeeIds: [person.employeeId, person.employeeId],
        box: person.box,
        reasonCode: 'other',
        reason: 'no change really',
      }),
    ).toEqual({ moved: 0, step: 0 })
    expect((await client.call('calibration.show', { sessionId })).canRedo).toBe(true)
    expect(
      (await client.call('calibration.show', { sessionId })).placements.find(
        (p) => p.employeeId === person.employeeId,
      )?.box,
    ).toBe(person.box)
    await client.call('calibration.redo', { sessionId })
    expect(
      (await client.call('calibration.show', { sessionId })).placements.find(
        (p) => p.employeeId === person.employeeId,
      )?.box,
    ).toBe(target)

    await client.call('calibration.addNote', {
      sessionId,
      employeeId: person.employeeId,
      text: 'Led the Q3 migration',
    })
    const noted = await client.call('calibration.person', { sessionId, employeeId: person.employeeId })
    expect(noted.notes).toMatchObject([{ text: 'Led the Q3 migration' }])

    await client.call('calibration.setBlind', { sessionId, blind: true })
    const blind = await client.call('calibration.show', { sessionId })
    expect(blind.placements.every((p) => /^P-\d{4}$/.test(p.name))).toBe(true)
    expect(blind.placements.find((p) => p.employeeId === person.employeeId)?.name).toBe(after?.pseudonym)

    await client.call('calibration.setStatus', { sessionId, status: 'finalized' })
    await expect(
      client.call('calibration.move', {
        sessionId,
        employeeIds: [person.employeeId],
        box: 5,
        reasonCode: 'other',
        reason: 'too late now',
      }),
    ).rejects.toMatchObject({ code: 'SESSION_LOCKED' })

    // The session log, newest first, in words; in blind mode people appear under their pseudonyms.
    const log = await client.call('calibration.log', { sessionId })
    expect(log.map((e) => e.action)).toEqual([
      'calibration.finalize',
      'calibration.blindOn',
      'calibration.note',
      'calibration.redo',
      'calibration.undo',
      'calibration.move',
      'calibration.create',
    ])
    expect(log[5]?.summary).toBe(`${after?.pseudonym}: box ${person.box} → ${target} (step 1)`)

    const out = join(tempDir(), 'results.xlsx')
    await client.call('calibration.export', { sessionId, path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Placements',
      'Changes',
      'Flags',
      'Holding area',
      'Proposals by manager',
    ])
    const placements = book.getWorksheet('Placements')
    if (!placements) throw new Error('no Placements sheet')
    expect(placements.getRow(1).values).toEqual(
      expect.arrayContaining(['Employee ID', 'Computed box', 'Final box', 'Moved?', 'Reason']),
    )
    const row = placements
      .getRows(2, placements.rowCount - 1)
      ?.find((r) => r.getCell(1).value === person.employeeId)
    expect(row?.getCell(5).value).toBe(person.computedBox)
    expect(row?.getCell(6).value).toBe(target)
    expect(row?.getCell(7).value).toBe('yes')
    // Written as text, with the formula neutralised: never a formula cell.
    // The reason code leads the cell, so nothing there starts like a formula; the reason alone does (Changes).
    expect(row?.getCell(8).value).toBe(
      'evidence not in the system: =HYPERLINK("http://evil.example","led the migration")',
    )
    expect(row?.getCell(8).type).toBe(ExcelJS.ValueType.String)
    const changes = book.getWorksheet('Changes')
    expect(changes?.rowCount).toBe(2)
    expect(changes?.getRow(2).getCell(10).value).toBe(
      '\'=HYPERLINK("http://evil.example","led the migration")',
    )
    expect(placements.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  })

  it('freezes the records behind each flag when a session is finalized', async () => {
    const planted = demo.plantedCases.find((c) => c.kind === 'compliance-gap')
    const employeeId = planted?.employeeId ?? ''
    const { sessionId } = await client.call('calibration.create', { name: 'Frozen' })
    const before = await client.call('calibration.person', { sessionId, employeeId })
    const gap = before.flags.find((f) => f.code === 'COMPLIANCE_GAP')
    expect(gap?.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(['learning', 'review']))
    await client.call('calibration.setStatus', { sessionId, status: 'finalized' })

    // After the meeting the LMS reports every compliance course done: live sessions no longer see a gap…
    const completions = join(tempDir(), 'completions.csv')
    writeFileSync(
      completions,
      [
        'Employee ID,Course ID,Status,Completion Date',
        ...['COMP-COC', 'COMP-INFOSEC', 'COMP-GDPR', 'COMP-ABC'].map(
          (course) => `${employeeId},${course},Completed,2026-11-10`,
        ),
      ].join('\n'),
    )
    await client.call('import.commit', { path: completions, kind: 'learning' })
    const { sessionId: later } = await client.call('calibration.create', { name: 'Later' })
    const now = await client.call('calibration.person', { sessionId: later, employeeId })
    expect(now.flags.map((f) => f.code)).not.toContain('COMPLIANCE_GAP')

    // …but the finalized session still shows, and exports, what the meeting saw.
    const frozen = await client.call('calibration.person', { sessionId, employeeId })
    expect(frozen.flags.find((f) => f.code === 'COMPLIANCE_GAP')).toEqual(gap)
    const out = join(tempDir(), 'frozen.xlsx')
    await client.call('calibration.export', { sessionId, path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const flags = book.getWorksheet('Flags')
    const row = flags
      ?.getRows(2, flags.rowCount - 1)
      ?.find((r) => r.getCell(1).value === employeeId && r.getCell(3).value === 'compliance gap')
    const evidence = String(row?.getCell(7).value)
    for (const e of gap?.evidence ?? []) expect(evidence).toContain(`${e.label}: ${e.value}`)
  })

  it('lists cycles, takes settings, and refuses to finalize off target when targets are enforced', async () => {
    const cycles = await client.call('calibration.cycles')
    expect(cycles.map((c) => c.name)).toEqual(['2025 Annual Review', '2024 Annual Review'])
    const { sessionId } = await client.call('calibration.create', {
      name: 'Strict',
      cycle: '2024 Annual Review',
      scope: { department: 'Sales' },
      settings: { targets: { '9': 100 }, enforceTargets: true, performanceCuts: { lowMax: 1, highMin: 5 } },
    })
    const view = await client.call('calibration.show', { sessionId })
    expect(view.cycle).toBe('2024 Annual Review')
    expect(view.distribution.find((d) => d.box === 9)?.targetCount).toBe(view.placements.length)
    expect(view.placements.every((p) => p.performance.level !== 'high' || p.performance.value === 5)).toBe(
      true,
    )
    await expect(
      client.call('calibration.setStatus', { sessionId, status: 'finalized' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Distribution targets are enforced'),
    })
    expect((await client.call('calibration.show', { sessionId })).status).toBe('draft')
  })

  it('keeps box labels per workspace: new sessions take them, started ones keep theirs', async () => {
    const before = await client.call('calibration.create', { name: 'Before' })
    const labels = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((b) => [b, `Box ${b} of ours`]),
    ) as MethodInput<'calibration.setLabels'>['labels']
    await client.call('calibration.setLabels', { labels })
    expect((await client.call('calibration.labels'))['9']).toBe('Box 9 of ours')
    const after = await client.call('calibration.create', { name: 'After' })
    expect(
      (await client.call('calibration.show', { sessionId: after.sessionId })).distribution[8]?.label,
    ).toBe('Box 9 of ours')
    expect(
      (await client.call('calibration.show', { sessionId: before.sessionId })).distribution[8]?.label,
    ).toBe('Star / High Potential')
    await expect(
      client.call('calibration.setLabels', {
        labels: { '1': 'Only one' } as MethodInput<'calibration.setLabels'>['labels'],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
