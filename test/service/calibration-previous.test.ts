import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { boxFromRatings, isBigMover } from '../../src/core/calibration/previousPlacement'
import type { Services } from '../../src/main/services/createServices'
import type { Client } from '../../src/shared/rpc/client'
import { demoWorkspace } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('the previous cycle beside this one', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    ;({ services, client } = await demoWorkspace(tempDir(), { name: 'Previous', people: 300, seed: 5 }))
  })
  afterEach(() => services.dispose())

  it('takes the final box of a finalized previous session over the computed one, computes the rest from the previous ratings, and is null before the first cycle', async () => {
    const cycles = await client.call('calibration.cycles')
    expect(cycles.length).toBe(2)
    const [latest, earlier] = cycles as [(typeof cycles)[number], (typeof cycles)[number]]

    // Last cycle's meeting for Sales: one person moved to box 1, then finalized.
    const last = await client.call('calibration.create', {
      name: 'Sales last year',
      cycle: earlier.name,
      scope: { department: 'Sales' },
    })
    const lastView = await client.call('calibration.show', { sessionId: last.sessionId })
    const movedThen = lastView.placements.find((p) => p.box >= 5)
    if (!movedThen) throw new Error('nobody in Sales above box 4 last cycle')
    await client.call('calibration.move', {
      sessionId: last.sessionId,
      employeeIds: [movedThen.employeeId],
      box: 1,
      reasonCode: 'calibration-consensus',
    })
    await client.call('calibration.setStatus', { sessionId: last.sessionId, status: 'finalized' })

    const now = await client.call('calibration.create', { name: 'Everyone now', cycle: latest.name })
    const view = await client.call('calibration.show', { sessionId: now.sessionId })
    expect(view.previousCycle).toBe(earlier.name)
    expect(view.previousSessions?.map((s) => s.name)).toEqual(['Sales last year'])

    // The finalized session wins: the moved person's previous box is the box the meeting gave them (1), not the
    // box their ratings give.
    const moved = view.placements.find((p) => p.employeeId === movedThen.employeeId)
    expect(moved).toMatchObject({ previousBox: 1, previousFrom: last.sessionId })
    expect(movedThen.computedBox).not.toBe(1)

    // Everyone else in Sales who was placed then keeps their final box from that session.
    const salesThen = new Map(lastView.placements.map((p) => [p.employeeId, p.box]))
    for (const p of view.placements.filter((q) => salesThen.has(q.employeeId) && q !== moved))
      expect(p, p.employeeId).toMatchObject({
        previousBox: salesThen.get(p.employeeId),
        previousFrom: last.sessionId,
      })

    // Outside Sales: computed from the previous cycle's review with this session's settings.
    const outside = view.placements.filter((p) => p.department !== 'Sales')
    expect(outside.length).toBeGreaterThan(50)
    let computed = 0
    for (const p of outside.slice(0, 40)) {
      const detail = await client.call('calibration.person', {
        sessionId: now.sessionId,
        employeeId: p.employeeId,
      })
      const before = detail.reviews.find((r) => r.cycle === earlier.name)
      const [scaleMin, scaleMax] = (before?.scale ?? '1–5').split('–').map(Number) as [number, number]
      const expected = before
        ? boxFromRatings(
            {
              overallRating: before.overallRating,
              potentialRating: before.potentialRating,
              scaleMin,
              scaleMax,
            },
            view.settings,
          )
        : null
      expect(p.previousBox ?? null, p.employeeId).toBe(expected)
      expect(p.previousFrom ?? null).toBeNull()
      if (expected !== null) computed++
    }
    expect(computed).toBeGreaterThan(20)

    // Of two finalized sessions of that cycle, the one finalized last wins (both were made at the same clock time).
    const recheck = await client.call('calibration.create', {
      name: 'Sales recheck',
      cycle: earlier.name,
      scope: { department: 'Sales' },
    })
    await client.call('calibration.move', {
      sessionId: recheck.sessionId,
      employeeIds: [movedThen.employeeId],
      box: 2,
      reasonCode: 'calibration-consensus',
    })
    await client.call('calibration.setStatus', { sessionId: recheck.sessionId, status: 'finalized' })
    const rechecked = await client.call('calibration.show', { sessionId: now.sessionId })
    expect(rechecked.previousSessions?.map((s) => s.name)).toEqual(['Sales recheck', 'Sales last year'])
    expect(rechecked.placements.find((p) => p.employeeId === movedThen.employeeId)).toMatchObject({
      previousBox: 2,
      previousFrom: recheck.sessionId,
    })

    // An import that changes a previous rating changes the previous box at once (nothing stale is kept).
    const rerated = outside.find((p) => p.previousBox !== null && p.previousBox !== 9)
    if (!rerated) throw new Error('nobody outside Sales below box 9 last cycle')
    const csv = join(tempDir(), 'rerated.csv')
    writeFileSync(
      csv,
      `Employee ID,Rating,Potential\n${rerated.employeeId},5,${view.settings.potential.managerScale.max}\n`,
    )
    const imported = await client.call('import.commit', {
      path: csv,
      kind: 'reviews',
      mapping: {
        columns: { 'Employee ID': 'employeeId', Rating: 'overallRating', Potential: 'potentialRating' },
        scale: { min: 1, max: 5 },
        constants: { cycle: earlier.name },
      },
    })
    expect(imported.errors).toEqual([])
    const again = await client.call('calibration.show', { sessionId: now.sessionId })
    expect(again.placements.find((p) => p.employeeId === rerated.employeeId)?.previousBox).toBe(9)

    // The first cycle has none before it: every previous box is null.
    const first = await client.call('calibration.create', { name: 'First cycle', cycle: earlier.name })
    const firstView = await client.call('calibration.show', { sessionId: first.sessionId })
    expect(firstView.previousCycle).toBeNull()
    expect(firstView.placements.length).toBeGreaterThan(0)
    expect(firstView.placements.every((p) => p.previousBox === null)).toBe(true)
    expect(firstView.placements.some((p) => p.flags.some((f) => f.code === 'BIG_MOVER'))).toBe(false)
  })

  it('flags big movers (two boxes or more, or into or out of a corner) with the records behind both placements, and exports both boxes', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Everyone now' })
    const view = await client.call('calibration.show', { sessionId })
    const withPrevious = view.placements.filter((p) => p.previousBox !== null && p.previousBox !== undefined)
    expect(withPrevious.length).toBeGreaterThan(200)
    for (const p of withPrevious)
      expect(
        p.flags.some((f) => f.code === 'BIG_MOVER'),
        `${p.employeeId}: ${p.previousBox} → ${p.box}`,
      ).toBe(isBigMover(p.previousBox as number, p.box))
    const movers = withPrevious.filter((p) => p.flags.some((f) => f.code === 'BIG_MOVER'))
    expect(movers.length).toBeGreaterThan(0)

    // A move in this meeting makes a steady person a big mover: from box 5 last cycle to box 9 now (two boxes).
    const steady = withPrevious.find((p) => p.previousBox === 5 && p.box === 5 && p.source === 'computed')
    if (!steady) throw new Error('nobody in box 5 both cycles')
    expect(steady.flags.some((f) => f.code === 'BIG_MOVER')).toBe(false)
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [steady.employeeId],
      box: 9,
      reasonCode: 'calibration-consensus',
    })
    const after = await client.call('calibration.show', { sessionId })
    const mover = after.placements.find((p) => p.employeeId === steady.employeeId)
    const flag = mover?.flags.find((f) => f.code === 'BIG_MOVER')
    expect(flag?.rationale).toBe(`Box 5 in ${after.previousCycle}, box 9 now: up 2 boxes.`)

    const detail = await client.call('calibration.person', { sessionId, employeeId: steady.employeeId })
    const records = detail.flags.find((f) => f.code === 'BIG_MOVER')?.evidence ?? []
    expect(records.map((e) => [e.kind, e.label, e.value])).toEqual([
      ['placement', `Computed from the ${after.previousCycle} ratings`, 'box 5'],
      ['review', expect.stringContaining(`${after.previousCycle} review`), expect.any(String)],
      ['placement', 'Box now in Everyone now', 'box 9'],
      ['review', expect.stringContaining(`${after.cycle} review`), expect.any(String)],
      ['move', expect.stringMatching(/^Move by /), 'box 5 → 9'],
    ])
    // The flag can be acknowledged like any other.
    await client.call('calibration.updateFlag', {
      sessionId,
      employeeId: steady.employeeId,
      code: 'BIG_MOVER',
      status: 'acknowledged',
      note: 'promotion agreed',
    })
    const acknowledged = await client.call('calibration.show', { sessionId })
    expect(
      acknowledged.placements
        .find((p) => p.employeeId === steady.employeeId)
        ?.flags.find((f) => f.code === 'BIG_MOVER'),
    ).toMatchObject({ status: 'acknowledged', note: 'promotion agreed' })

    // A one-step move into the top corner crosses the edge: 8 → 9.
    const below = after.placements.find((p) => p.previousBox === 8 && p.box === 8 && p.source === 'computed')
    if (!below) throw new Error('nobody in box 8 both cycles')
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [below.employeeId],
      box: 9,
      reasonCode: 'calibration-consensus',
    })
    const edge = (await client.call('calibration.show', { sessionId })).placements.find(
      (p) => p.employeeId === below.employeeId,
    )
    expect(edge?.flags.find((f) => f.code === 'BIG_MOVER')?.rationale).toMatch(
      /box 9 now: up 1 box, into or out of box 9, the top corner\.$/,
    )

    // The results workbook: previous box with its label and the change, in English and Polish.
    const dir = tempDir()
    for (const locale of ['en', 'pl'] as const) {
      const path = join(dir, `results-${locale}.xlsx`)
      await client.call('calibration.export', { sessionId, path, locale })
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(path)
      const sheet = book.worksheets[1]
      if (!sheet) throw new Error('no placements sheet')
      const headers = (sheet.getRow(1).values as unknown[]).slice(1)
      const col = (name: string): number => headers.indexOf(name) + 1
      const [prev, prevLabel, change] =
        locale === 'en'
          ? ['Previous box', 'Previous box label', 'Change since previous']
          : ['Poprzednie pole', 'Nazwa poprzedniego pola', 'Zmiana od poprzedniego cyklu']
      expect(col(prev)).toBeGreaterThan(0)
      let row = 0
      sheet.eachRow((r, n) => {
        if (r.getCell(1).text === steady.employeeId) row = n
      })
      expect(sheet.getRow(row).getCell(col(prev)).value).toBe(5)
      expect(sheet.getRow(row).getCell(col(prevLabel)).text).toBe(
        locale === 'en' ? (after.settings.labels['5'] as string) : 'Filar zespołu',
      )
      expect(sheet.getRow(row).getCell(col(change)).text).toBe(
        locale === 'en' ? 'up 2 boxes' : 'w górę o 2 pola',
      )
      // The flags sheet names the flag in words with the records of both placements.
      const flags = book.worksheets[3]
      const lines: string[] = []
      flags?.eachRow((r) => {
        if (r.getCell(1).text === steady.employeeId) lines.push(r.getCell(3).text, r.getCell(7).text)
      })
      expect(lines).toContain(locale === 'en' ? 'big mover' : 'duża zmiana pola')
      expect(lines.join('\n')).toContain(
        locale === 'en' ? 'Box now in Everyone now' : 'Pole teraz w sesji Everyone now',
      )
    }
  })
})
