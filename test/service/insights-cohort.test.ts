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
  it('compares promotion within N months as a share, and its counts match a count of the tables', async () => {
    const result = await client.call('insights.cohort', {
      item: 'Emerging Leaders Program',
      outcome: { kind: 'promoted', months: 12 },
    })
    expect(result.unit).toBe('share')
    expect(result.question).toBe(
      'Did people who completed “Emerging Leaders Program” get promoted more often within 12 months?',
    )
    expect(result.method.some((m) => m.startsWith('Outcome: promoted'))).toBe(true)

    // By hand: completers measured from their first completion, once their 12 months are over (the clock says
    // 2026-11-01); everyone else employed at the (lower) median completion date of those measured, from that date.
    const db = services.session.db
    const today = '2026-11-01'
    const plusYear = (iso: string): string => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`
    const firsts = db
      .prepare(
        `SELECT lr.person_id AS id, min(lr.completed_at) AS at FROM learning_records lr
         JOIN learning_items i ON i.id = lr.item_id
         WHERE i.title = 'Emerging Leaders Program' AND lr.status IN ('completed', 'passed')
           AND lr.completed_at IS NOT NULL
         GROUP BY lr.person_id`,
      )
      .all() as { id: number; at: string }[]
    const promotions = db.prepare('SELECT person_id AS id, promoted_on AS on_ FROM promotions').all() as {
      id: number
      on_: string
    }[]
    const people = db.prepare('SELECT id, hire_date AS hired, exit_date AS left_ FROM people').all() as {
      id: number
      hired: string | null
      left_: string | null
    }[]
    const promotedWithin = (id: number, from: string): boolean =>
      promotions.some((p) => p.id === id && p.on_ > from && p.on_ <= plusYear(from))
    const tally = (group: { id: number; at: string }[]): { n: number; hits: number; unmeasured: number } => {
      const measured = group.filter((g) => plusYear(g.at) <= today)
      return {
        n: measured.length,
        hits: measured.filter((g) => promotedWithin(g.id, g.at)).length,
        unmeasured: group.length - measured.length,
      }
    }
    const sorted = firsts
      .map((f) => f.at)
      .filter((at) => plusYear(at) <= today)
      .sort()
    const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? ''
    const completerIds = new Set(firsts.map((f) => f.id))
    const others = people
      .filter((p) => !completerIds.has(p.id))
      .filter((p) => (p.hired === null || p.hired <= median) && (p.left_ === null || p.left_ > median))
      .map((p) => ({ id: p.id, at: median }))
    const completers = tally(firsts)
    const rest = tally(others)
    expect(completers.n).toBeGreaterThan(10)
    expect(completers.hits).toBeGreaterThan(0)
    expect(rest.n).toBeGreaterThan(100)
    expect(result.completed).toMatchObject({ n: completers.n, unmeasured: completers.unmeasured })
    expect(result.completed.mean).toBeCloseTo(completers.hits / completers.n, 3)
    expect(result.notCompleted).toMatchObject({ n: rest.n, unmeasured: rest.unmeasured })
    expect(result.notCompleted.mean).toBeCloseTo(rest.hits / rest.n, 3)
    expect(result.difference?.estimate).toBeCloseTo(completers.hits / completers.n - rest.hits / rest.n, 3)
  })
})
