import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('flight-risk signals', () => {
  let services: Services
  let client: Client
  let dir: string
  beforeEach(async () => {
    dir = tempDir()
    services = testServices(dir) // the clock says 2026-11-01
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Signals', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 300, seed: 12 })
  })
  afterEach(() => services.dispose())

  it('lists someone whose steady voluntary learning stopped, with the records, and not someone who kept going', async () => {
    // Two people with no voluntary learning of their own since August (so only the file below decides).
    const [stopped, steady] = services.session.db
      .prepare(
        `SELECT employee_id AS id FROM people p WHERE NOT EXISTS (
           SELECT 1 FROM learning_records lr WHERE lr.person_id = p.id AND lr.voluntary = 1 AND lr.completed_at >= '2026-08-01')
         ORDER BY id LIMIT 2`,
      )
      .all() as { id: string }[]
    if (!stopped || !steady) throw new Error('no quiet people in the demo')
    const months = ['2026-01-10', '2026-02-12', '2026-03-09', '2026-05-20', '2026-07-02']
    const lines = ['Employee ID,Course ID,Course title,Status,Completed,Voluntary']
    months.forEach((date, i) => lines.push(`${stopped.id},VOL-${i},Elective ${i},Completed,${date},yes`))
    ;[...months, '2026-10-15'].forEach((date, i) =>
      lines.push(`${steady.id},VOL-${i},Elective ${i},Completed,${date},yes`),
    )
    const file = join(dir, 'electives.csv')
    writeFileSync(file, lines.join('\n'))
    await client.call('import.commit', { path: file, kind: 'learning' })

    const signals = await client.call('insights.flightRisk', {})
    expect(signals.note).toMatch(/^A prompt for a conversation, not a prediction/)
    const found = signals.people.find((p) => p.employeeId === stopped.id)
    expect(found).toMatchObject({ lastCompletion: '2026-07-02', daysSince: 122 })
    expect(found?.completions).toBeGreaterThanOrEqual(5)
    expect(found?.evidence.slice(0, 2)).toEqual([
      { title: 'Elective 4', completedAt: '2026-07-02' },
      { title: 'Elective 3', completedAt: '2026-05-20' },
    ])
    expect(signals.people.some((p) => p.employeeId === steady.id)).toBe(false)
    // A longer quiet window asks more: July is then inside it, so no stop yet.
    const patient = await client.call('insights.flightRisk', { quietMonths: 6 })
    expect(patient.people.some((p) => p.employeeId === stopped.id)).toBe(false)
  })
})
