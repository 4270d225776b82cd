import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('the learning-goal map', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Goals', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('starts with the onboarding example, shows which sources are present and computes what it can', async () => {
    const empty = await client.call('insights.goals')
    expect(empty.map((g) => [g.goal, g.metric])).toEqual([
      ['Onboarding effectiveness', 'time-to-proficiency'],
      ['Onboarding effectiveness', 'retention-90-days'],
    ])
    expect(empty[0]).toMatchObject({ sources: ['lms', 'hris', 'performance'], present: [] })

    await client.call('demo.populate', { people: 300, seed: 3 })
    const [proficiency, retention] = await client.call('insights.goals')
    expect(proficiency?.present).toEqual(['lms', 'hris', 'performance'])
    expect(proficiency?.value).toMatch(/^\d+ days$/)
    // 90-day retention by hand: everyone hired 90+ days before the clock (2026-11-01) and not gone by day 90.
    const row = services.session.db
      .prepare(
        `SELECT count(*) AS n, sum(exit_date IS NULL OR exit_date > date(hire_date, '+90 days')) AS kept FROM people
         WHERE hire_date <= '2026-08-03'`,
      )
      .get() as { n: number; kept: number }
    expect(retention?.value).toBe(`${Math.round((1000 * row.kept) / row.n) / 10}%`)
    expect(retention?.basis).toContain(`${row.n} people`)
  })

  it('adds, edits and removes rows; an outside metric says it is not computed here', async () => {
    const added = await client.call('insights.saveGoal', {
      goal: 'Sales readiness',
      metric: 'other',
      sources: ['surveys'],
      note: 'Win rate from the CRM',
    })
    expect(added).toMatchObject({
      value: null,
      present: [],
      basis: 'Not computed here: measured outside Ninefold.',
    })
    const edited = await client.call('insights.saveGoal', {
      id: added.id,
      goal: 'Sales readiness',
      metric: 'completion-rate',
      sources: ['lms'],
    })
    expect(edited.metric).toBe('completion-rate')
    expect((await client.call('insights.goals')).map((g) => g.goal)).toContain('Sales readiness')
    expect(await client.call('insights.deleteGoal', { id: added.id })).toEqual({ deleted: true })
    expect((await client.call('insights.goals')).map((g) => g.goal)).not.toContain('Sales readiness')
  })
})
