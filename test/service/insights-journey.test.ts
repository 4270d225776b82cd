import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import type { MethodOutput } from '../../src/shared/contract'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe("a person's journey", () => {
  let services: Services
  let client: Client
  let demo: MethodOutput<'demo.populate'>
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Journey', passphrase: PASSPHRASE })
    demo = await client.call('demo.populate', { people: 300, seed: 6 })
  })
  afterEach(() => services.dispose())

  it('puts learning, reviews, ratings, calibration and moves on one dated timeline', async () => {
    const planted = demo.plantedCases.find((c) => c.kind === 'compliance-gap')
    const employeeId = planted?.employeeId ?? ''
    const { sessionId } = await client.call('calibration.create', { name: 'Year end' })
    const view = await client.call('calibration.show', { sessionId })
    const placed = view.placements.find((p) => p.employeeId === employeeId)
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [employeeId],
      box: placed?.box === 5 ? 6 : 5,
      reasonCode: 'other',
      reason: 'agreed in the meeting',
    })
    const journey = await client.call('insights.journey', { employeeId })
    expect(journey.person.employeeId).toBe(employeeId)
    const kinds = new Set(journey.events.map((e) => e.kind))
    for (const kind of ['learning', 'review', 'rating', 'placement', 'move'] as const)
      expect(kinds).toContain(kind)
    // Oldest first.
    const dates = journey.events.map((e) => e.date)
    expect([...dates].sort()).toEqual(dates)
    // The planted gap shows as a mandatory course failed or overdue.
    expect(
      journey.events.some((e) => e.kind === 'learning' && (e.state === 'overdue' || e.state === 'failed')),
    ).toBe(true)
    const reviews = (
      services.session.db
        .prepare(
          'SELECT count(*) AS n FROM reviews r JOIN people p ON p.id = r.person_id WHERE p.employee_id = ?',
        )
        .get(employeeId) as { n: number }
    ).n
    expect(journey.events.filter((e) => e.kind === 'review')).toHaveLength(reviews)
    expect(journey.events.find((e) => e.kind === 'move')?.detail).toMatch(/agreed in the meeting$/)
    expect(journey.events.find((e) => e.kind === 'placement')?.detail).toMatch(/^box \d/)
  })
})
