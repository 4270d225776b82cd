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

    // Job level untagged for development: promotions leave the journey, and the leading indicator refuses them.
    await client.call('privacy.setFieldPurposes', {
      field: 'jobLevel',
      purposes: ['calibration'],
      reason: 'test',
    })
    expect(
      (await client.call('insights.journey', { employeeId: 'E1' })).events.some(
        (e) => e.kind === 'promotion',
      ),
    ).toBe(false)
    await expect(
      client.call('insights.cohort', { item: 'Anything', outcome: { kind: 'promoted', months: 12 } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await client.call('privacy.setFieldPurposes', {
      field: 'jobLevel',
      purposes: ['calibration', 'development', 'fairnessAudit'],
      reason: 'test',
    })

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
  it('refuses a promotion date before hire or after today, keeps a rise the lagging date column misses, and corrects an import-day date', async () => {
    // Implausible dates are refused by row and column, and nothing of the file is stored.
    const wrong = await client.call('import.commit', {
      path: file(
        'wrong.csv',
        'Employee ID,Job Level,Gender,Last promotion date\nE1,2,F,2019-12-31\nE2,3,M,2026-12-01\nE3,2,X,\n',
      ),
      kind: 'people',
    })
    expect(wrong.outcome).toBe('rejected')
    expect(wrong.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [2, 'IMPLAUSIBLE_DATE', 'the last promotion date 2019-12-31 is before the hire date 2020-01-01'],
      [
        3,
        'IMPLAUSIBLE_DATE',
        'the last promotion date 2026-12-01 is after the day of this import (2026-11-01): a promotion is recorded once it has happened',
      ],
    ])
    expect(stored(services)).toEqual([])

    // A date on its own is a promotion, and the row's other fields (sensitive ones included) are written with it.
    await client.call('import.commit', {
      path: file('dated.csv', 'Employee ID,Job Level,Gender,Last promotion date\nE2,3,M,2024-02-01\n'),
      kind: 'people',
    })
    expect(
      services.session.db
        .prepare(
          "SELECT s.gender FROM person_sensitive_attributes s JOIN people p ON p.id = s.person_id WHERE p.employee_id = 'E2'",
        )
        .get(),
    ).toEqual({ gender: 'M' })
    // The level rises, but the HRIS date column still says the old promotion: the rise is dated by the import day.
    // E1 rose too, with no date; E3 went down with a date, which is no promotion.
    const rose = await client.call('import.commit', {
      path: file(
        'rose.csv',
        'Employee ID,Job Level,Last promotion date\nE2,4,2024-02-01\nE1,3,\nE3,1,2026-06-01\n',
      ),
      kind: 'people',
    })
    expect(rose.outcome).toBe('stored')
    expect(stored(services)).toEqual([
      { employeeId: 'E1', on: '2026-11-01', from: 2, to: 3 },
      { employeeId: 'E2', on: '2024-02-01', from: null, to: 3 },
      { employeeId: 'E2', on: '2026-11-01', from: 3, to: 4 },
    ])
    // A later file dates E1's promotion: the import-day date is corrected, not doubled; undo puts it back.
    const dated = await client.call('import.commit', {
      path: file('dated-later.csv', 'Employee ID,Job Level,Last promotion date\nE1,3,2026-09-15\n'),
      kind: 'people',
    })
    expect(dated.rows).toMatchObject({ updated: 1 })
    expect(dated.warnings[0]?.message).toBe('promoted: 2026-11-01 → 2026-09-15')
    expect(stored(services).filter((p) => p.employeeId === 'E1')).toEqual([
      { employeeId: 'E1', on: '2026-09-15', from: 2, to: 3 },
    ])
    await client.call('import.undo', { batchId: dated.batchId ?? '' })
    expect(stored(services).filter((p) => p.employeeId === 'E1')).toEqual([
      { employeeId: 'E1', on: '2026-11-01', from: 2, to: 3 },
    ])
  })
})
