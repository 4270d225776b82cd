import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CalibrationView } from '../../src/shared/contract'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { AppError } from '../../src/shared/result'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const boxes = (view: CalibrationView) => new Map(view.placements.map((p) => [p.employeeId, p.box]))

// A sandbox lives on the screen (trying changes nothing); adopting it is one service call that writes every move
// tried, each with its own reason, as one step of the session's history.
describe('adopting the moves tried in a sandbox', () => {
  let services: Services
  let client: Client
  let sessionId: string
  let before: CalibrationView

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Sandbox', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 250, seed: 5 })
    sessionId = (await client.call('calibration.create', { name: 'All staff' })).sessionId
    before = await client.call('calibration.show', { sessionId })
  })
  afterEach(() => services.dispose())

  it('writes every move with its own reason in one step, which one undo takes back whole', async () => {
    const [a, b] = before.placements.filter((p) => p.box !== 8 && p.box !== 1)
    if (!a || !b) throw new Error('the demo has too few people outside boxes 1 and 8')
    const result = await client.call('calibration.adoptSandbox', {
      sessionId,
      moves: [
        { employeeId: a.employeeId, box: 9, reasonCode: 'calibration-consensus' },
        { employeeId: b.employeeId, box: 1, reasonCode: 'other', reason: 'Left the project in March' },
        // Tried again: the last place tried is the one adopted.
        { employeeId: a.employeeId, box: 8, reasonCode: 'evidence-not-in-system' },
      ],
    })
    expect(result).toEqual({ moved: 2, step: 1 })
    const after = boxes(await client.call('calibration.show', { sessionId }))
    expect([after.get(a.employeeId), after.get(b.employeeId)]).toEqual([8, 1])

    const log = await client.call('calibration.log', { sessionId })
    const moves = log.filter((e) => e.action === 'calibration.move')
    expect(moves.map((e) => e.reason).sort()).toEqual([
      'evidence-not-in-system',
      'other: Left the project in March',
    ])

    await client.call('calibration.undo', { sessionId })
    expect(boxes(await client.call('calibration.show', { sessionId }))).toEqual(boxes(before))
    await client.call('calibration.redo', { sessionId })
    const redone = boxes(await client.call('calibration.show', { sessionId }))
    expect([redone.get(a.employeeId), redone.get(b.employeeId)]).toEqual([8, 1])
  })

  it('writes nothing when one move lacks its words or names someone outside the session', async () => {
    const [a, b] = before.placements.filter((p) => p.box !== 9)
    if (!a || !b) throw new Error('the demo has too few people outside box 9')
    const refused = (
      moves: { employeeId: string; box: number; reasonCode: 'other' | 'calibration-consensus' }[],
    ) =>
      client.call('calibration.adoptSandbox', { sessionId, moves }).then(
        () => null,
        (e: unknown) => e,
      )
    const unexplained = await refused([
      { employeeId: a.employeeId, box: 9, reasonCode: 'calibration-consensus' },
      { employeeId: b.employeeId, box: 9, reasonCode: 'other' },
    ])
    expect(unexplained).toBeInstanceOf(AppError)
    expect((unexplained as AppError).code).toBe('INVALID_INPUT')
    expect((unexplained as AppError).details).toMatchObject({ employeeId: b.employeeId, reasonCode: 'other' })
    const stranger = await refused([
      { employeeId: a.employeeId, box: 9, reasonCode: 'calibration-consensus' },
      { employeeId: 'NOBODY-1', box: 9, reasonCode: 'calibration-consensus' },
    ])
    expect((stranger as AppError).details).toMatchObject({ employeeIds: ['NOBODY-1'] })
    expect(boxes(await client.call('calibration.show', { sessionId }))).toEqual(boxes(before))
    expect((await client.call('calibration.show', { sessionId })).canUndo).toBe(false)
  })
})
