import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** The promotions table as stored, by employee id. */
const stored = (
  services: Services,
): { employeeId: string; on: string; from: number | null; to: number | null }[] =>
  services.session.db
    .prepare(
      `SELECT p.employee_id AS employeeId, pr.promoted_on AS "on", pr.from_level AS "from", pr.to_level AS "to"
       FROM promotions pr JOIN people p ON p.id = pr.person_id ORDER BY p.employee_id, pr.promoted_on`,
    )
    .all() as { employeeId: string; on: string; from: number | null; to: number | null }[]

describe('promotions from HRIS files', () => {
  let services: Services
  let client: Client
  const file = (name: string, text: string): string => {
    const path = join(tempDir(), name)
    writeFileSync(path, text)
    return path
  }
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Promotions', passphrase: PASSPHRASE })
    await client.call('import.commit', {
      path: file(
        'january.csv',
        'Employee ID,Full Name,Job Level,Hire Date\nE1,Ada Byron,2,2020-01-01\nE2,Bo Chen,3,2019-05-01\nE3,Cy Diaz,2,2021-03-01\n',
      ),
      kind: 'people',
    })
  })
  afterEach(() => services.dispose())

  it('records a level that rose (dated by the import, or by the file) and a last promotion date; undo takes them back', async () => {
    expect(stored(services)).toEqual([])
    const later = await client.call('import.commit', {
      path: file(
        'november.csv',
        [
          'Employee ID,Full Name,Job Level,Hire Date,Last promotion date',
          'E1,Ada Byron,3,2020-01-01,', // rose: dated by the import (the services' clock says 2026-11-01)
          'E2,Bo Chen,3,2019-05-01,2025-06-15', // same level, but the HRIS says when they were last promoted
          'E3,Cy Diaz,2,2021-03-01,', // nothing happened
        ].join('\n'),
      ),
      kind: 'people',
    })
    expect(later.outcome).toBe('stored')
    expect(later.rows).toMatchObject({ updated: 2, unchanged: 1 })
    expect(stored(services)).toEqual([
      { employeeId: 'E1', on: '2026-11-01', from: 2, to: 3 },
      { employeeId: 'E2', on: '2025-06-15', from: null, to: 3 },
    ])

    // The same file again says nothing new.
    const again = await client.call('import.commit', {
      path: file('november-again.csv', 'Employee ID,Job Level,Last promotion date\nE1,3,\nE2,3,2025-06-15\n'),
      kind: 'people',
    })
    expect(again.rows).toMatchObject({ updated: 0, unchanged: 2 })
    expect(stored(services)).toHaveLength(2)

    // A journey shows it, with the levels.
    const journey = await client.call('insights.journey', { employeeId: 'E1' })
    expect(journey.events.filter((e) => e.kind === 'promotion')).toEqual([
      expect.objectContaining({ date: '2026-11-01', title: 'Promoted', detail: 'job level 2 → 3' }),
    ])

    // Undo goes newest first: the repeat (which added nothing), then the file that said it.
    await client.call('import.undo', { batchId: again.batchId ?? '' })
    expect(stored(services)).toHaveLength(2)
    await client.call('import.undo', { batchId: later.batchId ?? '' })
    expect(stored(services)).toEqual([])
    expect((await client.call('people.list', { filter: { text: 'E1' } })).rows[0]).toMatchObject({
      jobLevel: 2,
    })
  })

  it('is in the subject-access workbook and goes when the person is erased', async () => {
    await client.call('import.commit', {
      path: file('promoted.csv', 'Employee ID,Job Level,Last promotion date\nE3,3,2026-10-01\n'),
      kind: 'people',
    })
    const access = await client.call('privacy.subjectAccess', {
      employeeId: 'E3',
      path: join(tempDir(), 'e3.xlsx'),
    })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(access.path ?? '')
    const sheet = book.getWorksheet('Promotions')
    expect(sheet).toBeDefined()
    const header = (sheet?.getRow(2).values as unknown[]).slice(1)
    const row = (sheet?.getRow(3).values as unknown[]).slice(1)
    expect(Object.fromEntries(header.map((h, i) => [h, row[i]]))).toMatchObject({
      promoted_on: '2026-10-01',
      from_level: 2,
      to_level: 3,
    })

    const erased = await client.call('privacy.erase', { employeeId: 'E3', reason: 'Erasure request' })
    expect(erased.removed['promotions']).toBe(1)
    expect(stored(services)).toEqual([])
  })
})
