import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CalibrationView } from '../../src/shared/contract'
import { openWorkspaceDb } from '../../src/main/db/openWorkspaceDb'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { dataKeyOf, PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** Where everyone is and why, as a person would compare two grids. */
const grid = (view: CalibrationView) =>
  view.placements.map((p) => ({
    employeeId: p.employeeId,
    name: p.name,
    box: p.box,
    computedBox: p.computedBox,
    source: p.source,
    flags: p.flags.map((f) => f.code).sort(),
  }))

// The services keep what a session's view is built from between calls (a 50,000-person session takes seconds to
// read): these check that what is kept never shows a grid the records and moves do not give.
describe('a session view kept between calls', () => {
  let services: Services
  let client: Client
  let workspace: string
  let sessionId: string

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    workspace = (await client.call('workspace.create', { name: 'Kept', passphrase: PASSPHRASE })).path
    await client.call('demo.populate', { people: 300, seed: 11 })
    sessionId = (await client.call('calibration.create', { name: 'All staff' })).sessionId
  })
  afterEach(() => services.dispose())

  /** The same session read by services that have kept nothing. */
  async function fromScratch(): Promise<CalibrationView> {
    const fresh = testServices(tempDir())
    try {
      const other = createClient(createInProcessTransport(fresh))
      await other.call('workspace.open', { path: workspace, passphrase: PASSPHRASE })
      return await other.call('calibration.show', { sessionId })
    } finally {
      fresh.dispose()
    }
  }

  /** The moves as stored, read over a connection of its own. */
  function movesOnRecord(): { fromBox: number | null; toBox: number; computedBox: number | null }[] {
    const db = openWorkspaceDb(workspace, dataKeyOf(workspace), { create: false, readOnly: true })
    try {
      return db
        .prepare(
          'SELECT from_box AS fromBox, to_box AS toBox, computed_box AS computedBox FROM calibration_moves ORDER BY id',
        )
        .all() as { fromBox: number | null; toBox: number; computedBox: number | null }[]
    } finally {
      db.close()
    }
  }

  it('moves, undoes and redoes on a kept view exactly as on one computed from scratch', async () => {
    const before = await client.call('calibration.show', { sessionId })
    const [first, second] = before.placements.filter((p) => p.box !== 9)
    if (!first || !second) throw new Error('the demo has nobody outside box 9')
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [first.employeeId, second.employeeId],
      box: 9,
      reasonCode: 'evidence-not-in-system',
      reason: '',
    })
    const moved = await client.call('calibration.show', { sessionId })
    expect(moved.placements.find((p) => p.employeeId === first.employeeId)).toMatchObject({
      box: 9,
      source: 'moved',
    })
    expect(grid(moved)).toEqual(grid(await fromScratch()))

    // The second move starts from where the first left them (box 9), not from the data's box.
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [first.employeeId],
      box: first.computedBox,
      reasonCode: 'evidence-not-in-system',
      reason: '',
    })
    expect(movesOnRecord().at(-1)).toEqual({
      fromBox: 9,
      toBox: first.computedBox,
      computedBox: first.computedBox,
    })
    await client.call('calibration.undo', { sessionId })
    await client.call('calibration.undo', { sessionId })
    expect(grid(await client.call('calibration.show', { sessionId }))).toEqual(grid(before))
    await client.call('calibration.redo', { sessionId })
    const redone = await client.call('calibration.show', { sessionId })
    expect(redone.placements.find((p) => p.employeeId === second.employeeId)?.box).toBe(9)
    expect(grid(redone)).toEqual(grid(await fromScratch()))
  })

  it('reads records imported after the view was kept', async () => {
    const view = await client.call('calibration.show', { sessionId })
    const gap = view.placements.find((p) => p.flags.some((f) => f.code === 'COMPLIANCE_GAP'))
    if (!gap) throw new Error('the demo plants a compliance gap')
    const completions = join(tempDir(), 'completions.csv')
    writeFileSync(
      completions,
      [
        'Employee ID,Course ID,Status,Completion Date',
        ...['COMP-COC', 'COMP-INFOSEC', 'COMP-GDPR', 'COMP-ABC'].map(
          (course) => `${gap.employeeId},${course},Completed,2026-10-20`,
        ),
      ].join('\n'),
    )
    await client.call('import.commit', { path: completions, kind: 'learning' })
    const after = await client.call('calibration.show', { sessionId })
    expect(
      after.placements.find((p) => p.employeeId === gap.employeeId)?.flags.map((f) => f.code),
    ).not.toContain('COMPLIANCE_GAP')

    // Undoing the import brings the gap back on the same session.
    const [batch] = await client.call('import.list')
    await client.call('import.undo', { batchId: batch?.batchId ?? '' })
    const undone = await client.call('calibration.show', { sessionId })
    expect(
      undone.placements.find((p) => p.employeeId === gap.employeeId)?.flags.map((f) => f.code),
    ).toContain('COMPLIANCE_GAP')
  })

  it('reads what another connection wrote to the workspace file', async () => {
    const view = await client.call('calibration.show', { sessionId })
    const someone = view.placements[0]
    if (!someone) throw new Error('nobody placed')
    const other = openWorkspaceDb(workspace, dataKeyOf(workspace), { create: false })
    try {
      other
        .prepare('UPDATE people SET full_name = ? WHERE employee_id = ?')
        .run('Renamed Elsewhere', someone.employeeId)
    } finally {
      other.close()
    }
    const after = await client.call('calibration.show', { sessionId })
    expect(after.placements.find((p) => p.employeeId === someone.employeeId)?.name).toBe('Renamed Elsewhere')
  })

  it('places people again from another potential source, and moves from the boxes that source gives', async () => {
    await client.call('calibration.show', { sessionId })
    await client.call('calibration.setPotentialSource', { sessionId, source: 'manager' })
    const manager = await client.call('calibration.show', { sessionId })
    expect(grid(manager)).toEqual(grid(await fromScratch()))
    const someone = manager.placements.find((p) => p.box !== 1)
    if (!someone) throw new Error('everyone is in box 1')
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [someone.employeeId],
      box: 1,
      reasonCode: 'evidence-not-in-system',
      reason: '',
    })
    expect(movesOnRecord().at(-1)).toEqual({
      fromBox: someone.box,
      toBox: 1,
      computedBox: someone.computedBox,
    })
  })
})
