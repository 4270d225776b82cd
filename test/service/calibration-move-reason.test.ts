import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { AppError } from '../../src/shared/result'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** A move's reason: the code is enough, words only for "other" or when the session asks for them. */
describe('a move with only a reason code', () => {
  let services: Services
  let client: Client

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Moves', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 60, seed: 5 })
  })
  afterEach(() => services.dispose())

  const firstPlaced = async (sessionId: string): Promise<{ employeeId: string; box: number }> => {
    const view = await client.call('calibration.show', { sessionId })
    const first = view.placements[0]
    if (!first) throw new Error('nobody placed')
    return first
  }
  const failure = async (run: Promise<unknown>): Promise<AppError> => {
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }

  it('moves with a code and no words, records the code alone, and shows the person with their job title', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Code only' })
    const first = await firstPlaced(sessionId)
    const to = first.box === 5 ? 4 : 5
    const result = await client.call('calibration.move', {
      sessionId,
      employeeIds: [first.employeeId],
      box: to,
      reasonCode: 'calibration-consensus',
    })
    expect(result.moved).toBe(1)
    const detail = await client.call('calibration.person', { sessionId, employeeId: first.employeeId })
    expect(detail.placement.box).toBe(to)
    expect(detail.moves[0]).toMatchObject({ reasonCode: 'calibration-consensus', reason: '' })
    // The cards show a job title; blind mode hides it with the name.
    const view = await client.call('calibration.show', { sessionId })
    expect(view.placements.every((p) => typeof p.jobTitle === 'string' && p.jobTitle.length > 0)).toBe(true)
    await client.call('calibration.setBlind', { sessionId, blind: true })
    const blind = await client.call('calibration.show', { sessionId })
    expect(blind.placements.every((p) => p.jobTitle === null)).toBe(true)
  })

  it('asks for words with "other", and with every code when the session says so', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Other' })
    const first = await firstPlaced(sessionId)
    const to = first.box === 5 ? 4 : 5
    const other = await failure(
      client.call('calibration.move', {
        sessionId,
        employeeIds: [first.employeeId],
        box: to,
        reasonCode: 'other',
      }),
    )
    expect(other.code).toBe('INVALID_INPUT')
    expect(other.message).toBe('The reason "Other" needs words: say why (at least a few words).')
    const strict = await client.call('calibration.create', {
      name: 'Words always',
      settings: { requireMoveText: true },
    })
    const someone = await firstPlaced(strict.sessionId)
    const asked = await failure(
      client.call('calibration.move', {
        sessionId: strict.sessionId,
        employeeIds: [someone.employeeId],
        box: someone.box === 5 ? 4 : 5,
        reasonCode: 'rating-inflated',
      }),
    )
    expect(asked.message).toBe('This session asks for words with every move: say why (at least a few words).')
    const moved = await client.call('calibration.move', {
      sessionId: strict.sessionId,
      employeeIds: [someone.employeeId],
      box: someone.box === 5 ? 4 : 5,
      reasonCode: 'rating-inflated',
      reason: 'Two peers rated the same work lower',
    })
    expect(moved.moved).toBe(1)
    // Two letters are not words: the contract still refuses them.
    await failure(
      client.call('calibration.move', {
        sessionId,
        employeeIds: [first.employeeId],
        box: to,
        reasonCode: 'scope-of-role',
        reason: 'ok',
      }),
    )
  })
})
