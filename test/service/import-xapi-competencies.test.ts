import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const TLA = 'https://w3id.org/xapi/tla/verbs/'
const COMPETENCY = 'https://w3id.org/xapi/tla/activity-types/competency'

const statement = (n: number, fields: Record<string, unknown>) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  actor: { account: { homePage: 'https://hr.example.org', name: 'E1' } },
  ...fields,
})

describe('TLA achieved/expired statements as competency and credential evidence', () => {
  let services: Services
  let client: Client
  const rows = (sql: string): unknown[] => services.session.db.prepare(sql).all()

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'TLA', passphrase: PASSPHRASE })
    const people = join(tempDir(), 'people.csv')
    writeFileSync(people, 'Employee ID,Email\nE1,ada@example.org\nE2,bo@example.org\n')
    await client.call('import.commit', { path: people, kind: 'people' })
  })
  afterEach(() => services.dispose())

  it('stores levels for achieved competencies, ends expired credentials, and undoes both', async () => {
    const certificate = {
      id: 'https://lms.example.org/certs/first-aid',
      definition: {
        type: 'http://id.tincanapi.com/activitytype/certificate',
        name: { 'en-US': 'First aid' },
      },
    }
    // Newest first, as an LRS lists them: the expiry comes before the statement that granted the certificate.
    const file = join(tempDir(), 'tla.json')
    writeFileSync(
      file,
      JSON.stringify({
        statements: [
          statement(1, {
            verb: { id: `${TLA}expired` },
            object: certificate,
            timestamp: '2026-03-01T00:00:00Z',
          }),
          statement(2, {
            verb: { id: `${TLA}achieved` },
            object: {
              id: 'https://skills.example.org/data-analysis',
              definition: { type: COMPETENCY, name: { 'en-US': 'Data analysis' } },
            },
            result: { score: { scaled: 0.7 } },
            timestamp: '2025-09-01T00:00:00Z',
          }),
          statement(3, {
            verb: { id: `${TLA}achieved` },
            object: { id: 'https://skills.example.org/negotiation', definition: { type: COMPETENCY } },
            timestamp: '2025-09-02T00:00:00Z',
          }),
          statement(4, {
            verb: { id: `${TLA}achieved` },
            object: certificate,
            result: { success: true },
            timestamp: '2024-03-01T00:00:00Z',
          }),
          // Bo never had the certificate recorded: the expiry alone still says it has lapsed.
          statement(5, {
            actor: { mbox: 'mailto:bo@example.org' },
            verb: { id: `${TLA}expired` },
            object: certificate,
            timestamp: '2026-01-15T00:00:00Z',
          }),
          statement(6, {
            verb: { id: `${TLA}expired` },
            object: { id: 'https://skills.example.org/data-analysis', definition: { type: COMPETENCY } },
            timestamp: '2026-09-01T00:00:00Z',
          }),
        ],
      }),
    )
    const result = await client.call('import.commit', { path: file, kind: 'xapi' })
    expect(result).toMatchObject({ outcome: 'stored', rows: { total: 6, inserted: 6, rejected: 0 } })
    expect(result.warnings.map((w) => w.code)).toEqual(['EXPIRED', 'COMPETENCY_EXPIRED', 'NO_LEVEL'])
    expect(result.warnings[2]?.message).toContain('(statements 3)')

    expect(
      rows(
        `SELECT p.employee_id, s.name, c.level, c.source, c.rated_at FROM competency_ratings c
         JOIN people p ON p.id = c.person_id JOIN skills s ON s.id = c.skill_id`,
      ),
    ).toEqual([
      { employee_id: 'E1', name: 'Data analysis', level: 4, source: 'assessment', rated_at: '2025-09-01' },
    ])
    expect(
      rows(
        `SELECT p.employee_id, i.activity_type, r.status, r.completed_at, r.valid_until FROM learning_records r
         JOIN people p ON p.id = r.person_id JOIN learning_items i ON i.id = r.item_id ORDER BY p.employee_id`,
      ),
    ).toEqual([
      {
        employee_id: 'E1',
        activity_type: 'certification',
        status: 'passed',
        completed_at: '2024-03-01',
        valid_until: '2026-03-01',
      },
      {
        employee_id: 'E2',
        activity_type: 'certification',
        status: 'passed',
        completed_at: null,
        valid_until: '2026-01-15',
      },
    ])

    await client.call('import.undo', { batchId: result.batchId ?? '' })
    expect(rows('SELECT * FROM competency_ratings')).toEqual([])
    expect(rows('SELECT * FROM learning_records')).toEqual([])
  })

  it('an expiry for a credential stored by an earlier file ends it there, and undo restores the old date', async () => {
    const transcript = join(tempDir(), 'certs.csv')
    writeFileSync(
      transcript,
      'Employee ID,Activity ID,Title,Type,Status,Completed,Valid Until\nE1,https://lms.example.org/certs/gdpr,GDPR,certification,passed,2025-01-10,2027-01-10\n',
    )
    const first = await client.call('import.commit', { path: transcript, kind: 'learning' })
    expect(first.outcome).toBe('stored')
    const file = join(tempDir(), 'expired.json')
    writeFileSync(
      file,
      JSON.stringify(
        statement(7, {
          verb: { id: `${TLA}expired` },
          object: { id: 'https://lms.example.org/certs/gdpr' },
          timestamp: '2026-02-01T08:00:00Z',
        }),
      ),
    )
    const result = await client.call('import.commit', { path: file, kind: 'xapi' })
    expect(result.outcome).toBe('stored')
    const validUntil = () => rows('SELECT valid_until FROM learning_records')
    expect(validUntil()).toEqual([{ valid_until: '2026-02-01' }])
    await client.call('import.undo', { batchId: result.batchId ?? '' })
    expect(validUntil()).toEqual([{ valid_until: '2027-01-10' }])
  })
})
