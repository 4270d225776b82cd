import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CalibrationView } from '../../src/shared/contract'
import type { Services } from '../../src/main/services/createServices'
import type { Client } from '../../src/shared/rpc/client'
import type { AppError } from '../../src/shared/result'
import { demoWorkspace } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const boxes = (view: CalibrationView) => new Map(view.placements.map((p) => [p.employeeId, p.box]))
const refusal = (call: Promise<unknown>): Promise<AppError> =>
  call.then(
    () => {
      throw new Error('expected the call to be refused')
    },
    (e: unknown) => e as AppError,
  )

// Two department sessions are calibrated and finalized; the division then calibrates their results together.
describe('roll-up sessions', () => {
  let services: Services
  let client: Client
  let sales: CalibrationView
  let ops: CalibrationView
  /** Someone Sales moved in its own meeting: the roll-up must start from that move, not from the data. */
  let movedInSales: { employeeId: string; box: number }

  const departmentSession = async (name: string, department: string): Promise<string> =>
    (await client.call('calibration.create', { name, scope: { department } })).sessionId

  beforeEach(async () => {
    ;({ services, client } = await demoWorkspace(tempDir(), { name: 'Roll-up', people: 250, seed: 5 }))
    const { departments } = await client.call('people.facets')
    const [first, second] = departments.map((d) => d.value)
    if (!first || !second) throw new Error('the demo has fewer than two departments')
    const salesId = await departmentSession(`${first} 2025`, first)
    const opsId = await departmentSession(`${second} 2025`, second)
    const before = await client.call('calibration.show', { sessionId: salesId })
    // From the bottom row to the top corner: far enough against the evidence to be flagged.
    const someone = before.placements.find((p) => p.box <= 3 && p.source === 'computed')
    if (!someone) throw new Error('no one computed in the bottom row')
    movedInSales = { employeeId: someone.employeeId, box: 9 }
    await client.call('calibration.move', {
      sessionId: salesId,
      employeeIds: [someone.employeeId],
      box: 9,
      reasonCode: 'evidence-not-in-system',
    })
    await client.call('calibration.setStatus', { sessionId: salesId, status: 'finalized' })
    await client.call('calibration.setStatus', { sessionId: opsId, status: 'finalized' })
    sales = await client.call('calibration.show', { sessionId: salesId })
    ops = await client.call('calibration.show', { sessionId: opsId })
  })
  afterEach(() => services.dispose())

  const rollUp = async (): Promise<CalibrationView> => {
    const { sessionId, people } = await client.call('calibration.create', {
      name: 'Division 2025',
      from: [sales.sessionId, ops.sessionId],
    })
    expect(people).toBe(sales.placements.length + ops.placements.length)
    return client.call('calibration.show', { sessionId })
  }

  it("starts from the children's final boxes, says which session placed each person, and counts the union", async () => {
    const parent = await rollUp()
    expect(parent.rollupOf?.map((c) => c.name).sort()).toEqual([sales.name, ops.name].sort())
    expect(parent.cycle).toBe(sales.cycle)
    // Everyone either child placed, in the box that child finalized them in (the Sales move included).
    expect(boxes(parent)).toEqual(new Map([...boxes(sales), ...boxes(ops)]))
    expect(boxes(parent).get(movedInSales.employeeId)).toBe(movedInSales.box)
    // The child's move stays a move against the evidence, with the session that made it as its record.
    const detail = await client.call('calibration.person', {
      sessionId: parent.sessionId,
      employeeId: movedInSales.employeeId,
    })
    const against = detail.flags.find((f) => f.code === 'MOVED_AGAINST_EVIDENCE')
    expect(against?.rationale).toMatch(new RegExp(`against the evidence: "${sales.name}"\\.$`))
    expect(against?.evidence.map((e) => e.kind)).toEqual(['move'])
    const salesIds = new Set(sales.placements.map((p) => p.employeeId))
    for (const p of parent.placements)
      expect(p.fromSession).toBe(salesIds.has(p.employeeId) ? sales.sessionId : ops.sessionId)
    // People the children held have no final box to start from: they are not in the roll-up.
    expect(parent.holding).toEqual([])
    expect(parent.distribution.reduce((n, d) => n + d.actual, 0)).toBe(parent.placements.length)
    // Each child's log says it was rolled up.
    const salesLog = await client.call('calibration.log', { sessionId: sales.sessionId })
    expect(salesLog[0]).toMatchObject({
      action: 'calibration.rolledUp',
      summary: 'Rolled up into Division 2025',
    })
    // A plain session's placements name no session.
    expect(sales.placements.every((p) => (p.fromSession ?? null) === null)).toBe(true)
  })

  it('logs a move in the roll-up on both levels, and keeps the child locked and as it was finalized', async () => {
    const parent = await rollUp()
    const person = parent.placements.find((p) => p.fromSession === ops.sessionId && p.box !== 1)
    if (!person) throw new Error('no one from the second session outside box 1')
    const moved = await client.call('calibration.move', {
      sessionId: parent.sessionId,
      employeeIds: [person.employeeId],
      box: 1,
      reasonCode: 'other',
      reason: 'Division view: output below peers',
    })
    expect(moved).toEqual({ moved: 1, step: 1 })
    const after = await client.call('calibration.show', { sessionId: parent.sessionId })
    expect(boxes(after).get(person.employeeId)).toBe(1)
    expect(after.status).toBe('live')

    const parentLog = await client.call('calibration.log', { sessionId: parent.sessionId })
    expect(parentLog[0]).toMatchObject({
      action: 'calibration.move',
      summary: `${person.name}: box ${person.box} → 1 (step 1)`,
      reason: 'other: Division view: output below peers',
    })
    const childLog = await client.call('calibration.log', { sessionId: ops.sessionId })
    expect(childLog[0]).toMatchObject({
      action: 'calibration.rollupMove',
      summary: `${person.name}: box ${person.box} → 1 in the roll-up Division 2025`,
      reason: 'other: Division view: output below peers',
    })
    // The child keeps the grid it finalized.
    const child = await client.call('calibration.show', { sessionId: ops.sessionId })
    expect(child.status).toBe('finalized')
    expect(boxes(child)).toEqual(boxes(ops))
    expect(child.rollupIn?.map((r) => r.name)).toEqual(['Division 2025'])

    // While the roll-up is open, the child refuses changes, naming the roll-up.
    const locked = await refusal(
      client.call('calibration.move', {
        sessionId: ops.sessionId,
        employeeIds: [person.employeeId],
        box: 2,
        reasonCode: 'calibration-consensus',
      }),
    )
    expect(locked.code).toBe('SESSION_LOCKED')
    expect(locked.message).toContain('"Division 2025"')
    expect(locked.text?.key).toBe('calibration.rollup.errors.locked')

    // Undo in the roll-up puts the person back, and the child's trail says so too.
    await client.call('calibration.undo', { sessionId: parent.sessionId })
    expect(
      boxes(await client.call('calibration.show', { sessionId: parent.sessionId })).get(person.employeeId),
    ).toBe(person.box)
    const undone = await client.call('calibration.log', { sessionId: ops.sessionId })
    expect(undone[0]).toMatchObject({
      action: 'calibration.rollupUndo',
      summary: `${person.name}: the move to box 1 undone in the roll-up Division 2025`,
    })
  })

  it('reopens a child only with a reason, which the roll-up shows; a finalized roll-up locks nothing', async () => {
    const parent = await rollUp()
    const unexplained = await refusal(
      client.call('calibration.setStatus', { sessionId: sales.sessionId, status: 'reopened' }),
    )
    expect(unexplained.code).toBe('SESSION_LOCKED')
    expect(unexplained.message).toBe(
      `The session "${sales.name}" is part of the roll-up "Division 2025", which is still open: say why it is being reopened (the roll-up will show it).`,
    )
    await client.call('calibration.setStatus', {
      sessionId: sales.sessionId,
      status: 'reopened',
      reason: 'A late promotion changes two placements',
    })
    const parentLog = await client.call('calibration.log', { sessionId: parent.sessionId })
    expect(parentLog[0]).toMatchObject({
      action: 'calibration.childReopened',
      summary: `${sales.name} reopened`,
      reason: 'A late promotion changes two placements',
    })
    const view = await client.call('calibration.show', { sessionId: parent.sessionId })
    expect(view.rollupOf?.find((c) => c.sessionId === sales.sessionId)?.status).toBe('reopened')
    // The roll-up keeps the boxes it started from.
    expect(boxes(view).get(movedInSales.employeeId)).toBe(movedInSales.box)

    await client.call('calibration.setStatus', { sessionId: parent.sessionId, status: 'finalized' })
    const free = await refusal(
      client.call('calibration.setStatus', { sessionId: ops.sessionId, status: 'reopened' }),
    )
    expect(free.code).toBe('INVALID_INPUT')
    expect(free.text?.key).toBe('calibration.errors.reopenWhy')
    const finalized = await client.call('calibration.show', { sessionId: parent.sessionId })
    expect(
      finalized.placements.every((p) => p.fromSession === sales.sessionId || p.fromSession === ops.sessionId),
    ).toBe(true)
  })

  it('exports who placed each person: a "Placed in session" column in both languages, and a pre-read of the starting boxes', async () => {
    const parent = await rollUp()
    const dir = tempDir()
    const read = async (file: string, kind: 'results' | 'pre-read', locale: 'en' | 'pl') => {
      const path = join(dir, file)
      await client.call('calibration.export', { sessionId: parent.sessionId, path, kind, locale })
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(path)
      const sheet = book.worksheets[1]
      if (!sheet) throw new Error('no placements sheet')
      const headers = (sheet.getRow(1).values as unknown[]).slice(1)
      const rows = new Map<string, ExcelJS.Row>()
      sheet.eachRow((r, n) => {
        if (n > 1) rows.set(r.getCell(1).text, r)
      })
      return { headers, rows }
    }
    for (const [locale, header] of [
      ['en', 'Placed in session'],
      ['pl', 'Sesja, która umieściła'],
    ] as const) {
      const { headers, rows } = await read(`results-${locale}.xlsx`, 'results', locale)
      const col = headers.indexOf(header) + 1
      expect(col).toBe(headers.length)
      expect(rows.size).toBe(parent.placements.length)
      for (const p of parent.placements)
        expect(rows.get(p.employeeId)?.getCell(col).text).toBe(
          p.fromSession === sales.sessionId ? sales.name : ops.name,
        )
    }
    // The pre-read of a roll-up is where its meeting starts: the children's final boxes.
    const preRead = await read('pre-read.xlsx', 'pre-read', 'en')
    const finalBox = preRead.headers.indexOf('Final box') + 1
    expect(finalBox).toBeGreaterThan(0)
    expect(preRead.rows.get(movedInSales.employeeId)?.getCell(finalBox).value).toBe(movedInSales.box)
    // A plain session's workbook has no such column.
    const plain = join(dir, 'sales.xlsx')
    await client.call('calibration.export', { sessionId: sales.sessionId, path: plain })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(plain)
    expect((book.worksheets[1]?.getRow(1).values as unknown[]).includes('Placed in session')).toBe(false)
  })

  it('refuses a child that is not finalized, a person placed by two children, and a scope with sessions', async () => {
    const draft = await client.call('calibration.create', { name: 'Late department', scope: {} })
    const open = await refusal(
      client.call('calibration.create', { name: 'Division', from: [sales.sessionId, draft.sessionId] }),
    )
    expect(open.code).toBe('INVALID_INPUT')
    expect(open.message).toBe(
      'The session "Late department" is draft, not finalized: finalize it before rolling it up.',
    )

    // The whole workspace again, finalized: everyone in Sales is in it too.
    await client.call('calibration.setStatus', { sessionId: draft.sessionId, status: 'finalized' })
    const twice = await refusal(
      client.call('calibration.create', { name: 'Division', from: [sales.sessionId, draft.sessionId] }),
    )
    const first = sales.placements[0]
    if (!first) throw new Error('Sales placed no one')
    expect(twice.code).toBe('INVALID_INPUT')
    expect(twice.message).toMatch(
      new RegExp(`^.+ \\(E\\d+\\) was placed by both "${sales.name}" and "Late department": a roll-up takes`),
    )
    expect(twice.details).toMatchObject({ sessionIds: [sales.sessionId, draft.sessionId] })

    const both = await refusal(
      client.call('calibration.create', {
        name: 'Division',
        from: [sales.sessionId],
        scope: { location: 'X' },
      }),
    )
    expect(both.text?.key).toBe('calibration.rollup.errors.scopeAndFrom')
    const missing = await refusal(
      client.call('calibration.create', { name: 'Division', from: ['no-such-session'] }),
    )
    expect(missing.code).toBe('NOT_FOUND')
    // Nothing was made by the refused attempts.
    expect((await client.call('calibration.list')).map((s) => s.name)).not.toContain('Division')
  })
})
