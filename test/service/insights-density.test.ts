import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('talent density', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Density', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 400, seed: 8 })
  })
  afterEach(() => services.dispose())

  it('counts high performers by rating per department and cycle, as a plain count of the reviews does', async () => {
    const density = await client.call('insights.density', {})
    expect(density.cycles.map((c) => c.cycle)).toEqual(['2024 Annual Review', '2025 Annual Review'])
    const byHand = services.session.db
      .prepare(
        `SELECT p.department AS unit, count(*) AS n, sum(r.overall_rating >= 4) AS high
         FROM reviews r JOIN people p ON p.id = r.person_id JOIN review_cycles c ON c.id = r.cycle_id
         WHERE c.name = '2025 Annual Review' GROUP BY p.department`,
      )
      .all() as { unit: string; n: number; high: number }[]
    for (const row of byHand) {
      const cell = density.units.find((u) => u.unit === row.unit)?.cells[1]
      expect(cell).toEqual({ n: row.n, high: row.high, share: Math.round((1000 * row.high) / row.n) / 1000 })
    }
    expect(density.cycles[1]?.total.n).toBe(byHand.reduce((s, r) => s + r.n, 0))
  })

  it("counts boxes 6, 8 and 9 of a cycle's finalized session, and says which session", async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Year end' })
    const view = await client.call('calibration.show', { sessionId })
    await client.call('calibration.setStatus', { sessionId, status: 'finalized' })
    const density = await client.call('insights.density', {
      by: 'location',
      definition: { kind: 'boxes', boxes: [6, 8, 9] },
    })
    expect(density.cycles[0]?.source).toBeNull()
    expect(density.cycles[1]?.source).toBe('finalized session “Year end”')
    const london = view.placements.filter((p) => p.location === 'London')
    expect(density.units.find((u) => u.unit === 'London')?.cells[1]).toMatchObject({
      n: london.length,
      high: london.filter((p) => [6, 8, 9].includes(p.box)).length,
    })
  })
})
