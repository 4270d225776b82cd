import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('leading indicators: a cohort comparison', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Insights', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 1500, seed: 21 })
  })
  afterEach(() => services.dispose())

  it('answers the seed question, with group sizes, a difference, its interval and the correlation caveat', async () => {
    const result = await client.call('insights.cohort', {
      item: 'Advanced Leadership',
      outcome: { kind: 'skill-rating', skill: 'Team Management', withinMonths: 6 },
    })
    expect(result.question).toBe(
      'Did people who completed “Advanced Leadership” get higher “Team Management” ratings within 6 months?',
    )
    expect(result.completed.n).toBeGreaterThan(2)
    expect(result.notCompleted.n).toBeGreaterThan(2)
    expect(result.difference).not.toBeNull()
    expect(result.difference?.low).toBeLessThanOrEqual(result.difference?.estimate ?? 0)
    expect(result.answer).toMatch(/^(Yes|No)/)
    expect(result.caveat).toMatch(/correlation, not what the learning caused/)

    // The same numbers by hand, from the tables: every completer's latest Team Management rating by others within
    // six months of their first completion.
    const db = services.session.db
    const completers = db
      .prepare(
        `SELECT lr.person_id AS id, min(lr.completed_at) AS at FROM learning_records lr
         JOIN learning_items i ON i.id = lr.item_id
         WHERE i.title = 'Advanced Leadership' AND lr.status IN ('completed', 'passed') GROUP BY lr.person_id`,
      )
      .all() as { id: number; at: string }[]
    const ratings = db
      .prepare(
        `SELECT cr.person_id AS id, cr.level, cr.rated_at AS at FROM competency_ratings cr JOIN skills s ON s.id = cr.skill_id
         WHERE s.name = 'Team Management' AND cr.source <> 'self'`,
      )
      .all() as { id: number; level: number; at: string }[]
    const plusMonths = (iso: string, months: number): string => {
      const d = new Date(`${iso}T00:00:00Z`)
      d.setUTCMonth(d.getUTCMonth() + months)
      return d.toISOString().slice(0, 10)
    }
    const values = completers.flatMap((c) => {
      const inWindow = ratings
        .filter((r) => r.id === c.id && r.at > c.at && r.at <= plusMonths(c.at, 6))
        .sort((a, b) => b.at.localeCompare(a.at))
      return inWindow[0] ? [inWindow[0].level] : []
    })
    expect(result.completed.n).toBe(values.length)
    expect(result.completed.unmeasured).toBe(completers.length - values.length)
    expect(result.completed.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 3)
    expect(result.completed.sample[0]).toMatchObject({ from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
  })

  it('compares retention as a share with its own interval, and names an unknown item plainly', async () => {
    const retained = await client.call('insights.cohort', {
      item: 'PRG-ELP',
      outcome: { kind: 'retained', months: 6 },
    })
    expect(retained.unit).toBe('share')
    expect(retained.completed.mean).toBeGreaterThanOrEqual(0)
    expect(retained.completed.mean).toBeLessThanOrEqual(1)
    await expect(
      client.call('insights.cohort', { item: 'Underwater Basket Weaving', outcome: { kind: 'next-rating' } }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Underwater Basket Weaving'),
    })
  })
})
