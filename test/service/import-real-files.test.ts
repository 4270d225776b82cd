import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { translate } from '../../src/shared/i18n/translate'
import { PASSPHRASE, testServices } from '../support/services'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const HR = sharedFile('hr/HRDataset_v14.csv')
const IBM = sharedFile('hr/WA_Fn-UseC_-HR-Employee-Attrition.csv')

describeWithSharedData('importing the real files in ../shared/data', () => {
  let services: Services
  let client: Client
  const count = (table: string): number =>
    (services.session.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Imports', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('HRDataset_v14: 311 people, trimmed labels, M/D/YYYY dates, sex kept apart for the fairness audit', async () => {
    const preview = await client.call('import.preview', { path: HR, kind: 'people' })
    expect(preview.headerRow).toBe(1)
    expect(preview.dateFormat).toEqual({ format: 'MM/DD/YYYY', ambiguous: false })
    expect(preview.columns.find((c) => c.header === 'EmpID')?.field).toBe('employeeId')
    // Data minimisation: salary, marital status and the rest stay behind.
    expect(preview.columns.find((c) => c.header === 'Salary')?.field).toBeNull()

    const result = await client.call('import.commit', { path: HR, kind: 'people' })
    expect(result).toMatchObject({
      outcome: 'stored',
      rows: { total: 311, inserted: 311, updated: 0, unchanged: 0, rejected: 0 },
      errors: [],
      unmatched: 0,
    })
    expect(result.sha256).toBe('cb19996755c93c0a8d6527f59da4701c80aef65eff854906546dce286249813c')
    const person = services.session.db
      .prepare(
        "SELECT full_name, department, hire_date, exit_date, employment_status FROM people WHERE employee_id = '10084'",
      )
      .get()
    expect(person).toEqual({
      full_name: 'Ait Sidi, Karthikeyan',
      department: 'IT/IS',
      hire_date: '2015-03-30',
      exit_date: '2016-06-16',
      employment_status: 'Voluntarily Terminated',
    })
    // "Production       " (209 rows) arrives as one clean label.
    expect(
      services.session.db.prepare("SELECT count(*) AS n FROM people WHERE department = 'Production'").get(),
    ).toEqual({ n: 209 })
    expect(
      services.session.db
        .prepare(
          'SELECT gender, purpose FROM person_sensitive_attributes WHERE person_id = (SELECT id FROM people WHERE employee_id = ?)',
        )
        .get('10084'),
    ).toEqual({ gender: 'M', purpose: 'fairness-audit' })
    expect(readFileSync(services.session.summary().path).includes('Karthikeyan')).toBe(false)
  })

  it('IBM attrition: BOM + CRLF, EmployeeNumber as the key, no names; then its 3-or-4 ratings as a 1–4 review cycle', async () => {
    const people = await client.call('import.commit', { path: IBM, kind: 'people' })
    expect(people.rows).toEqual({ total: 1470, inserted: 1470, updated: 0, unchanged: 0, rejected: 0 })
    expect(
      services.session.db
        .prepare("SELECT full_name, job_level, department, job_title FROM people WHERE employee_id = '1'")
        .get(),
    ).toEqual({
      full_name: null,
      job_level: 2,
      department: 'Sales',
      job_title: 'Sales Executive',
    })
    const mapping = {
      columns: { EmployeeNumber: 'employeeId', PerformanceRating: 'overallRating' },
      scale: { min: 1, max: 4 },
      constants: { cycle: 'IBM snapshot' },
    }
    const reviews = await client.call('import.commit', { path: IBM, kind: 'reviews', mapping })
    expect(reviews.rows).toMatchObject({ total: 1470, inserted: 1470, rejected: 0 })
    expect(
      services.session.db
        .prepare(
          'SELECT overall_rating AS rating, count(*) AS n FROM reviews GROUP BY overall_rating ORDER BY 1',
        )
        .all(),
    ).toEqual([
      { rating: 3, n: 1244 },
      { rating: 4, n: 226 },
    ])
    expect(services.session.db.prepare('SELECT scale_min, scale_max FROM review_cycles').get()).toEqual({
      scale_min: 1,
      scale_max: 4,
    })
  })

  it('re-importing the same file is a no-op that says so; undo removes exactly what the batch added', async () => {
    const first = await client.call('import.commit', { path: HR, kind: 'people' })
    const again = await client.call('import.commit', { path: HR, kind: 'people' })
    expect(again.outcome).toBe('already-imported')
    expect(again.warnings[0]?.message).toContain(first.batchId ?? '')
    expect(count('people')).toBe(311)
    await expect(client.call('import.list')).resolves.toMatchObject([
      { batchId: first.batchId, file: 'HRDataset_v14.csv', undoneAt: null },
    ])

    const undone = await client.call('import.undo', { batchId: first.batchId ?? '' })
    expect(undone.removed).toBe(311 + 311) // people and their sensitive-attribute rows
    expect(count('people')).toBe(0)
    expect(count('person_sensitive_attributes')).toBe(0)
    // After an undo the file can be imported again.
    await expect(client.call('import.commit', { path: HR, kind: 'people' })).resolves.toMatchObject({
      outcome: 'stored',
    })
  })

  it('a later import updates changed fields, reports them, and its undo restores the earlier values', async () => {
    await client.call('import.commit', { path: HR, kind: 'people' })
    const changed = join(tempDir(), 'HRDataset_changed.csv')
    writeFileSync(
      changed,
      readFileSync(HR, 'utf8')
        .replace('Ait Sidi, Karthikeyan   ,10084', 'Ait Sidi, Karthikeyan   ,10084')
        .replace(/(,10084,[^\n]*?),IT\/IS,/, '$1,Data Platform,'),
    )
    const update = await client.call('import.commit', { path: changed, kind: 'people' })
    expect(update.rows).toMatchObject({ total: 311, inserted: 0, updated: 1, unchanged: 310 })
    expect(update.warnings.find((w) => w.code === 'UPDATED')).toMatchObject({
      row: 3,
      message: 'department: IT/IS → Data Platform',
    })
    await client.call('import.undo', { batchId: update.batchId ?? '' })
    expect(
      services.session.db.prepare("SELECT department FROM people WHERE employee_id = '10084'").get(),
    ).toEqual({ department: 'IT/IS' })
  })

  it('rejects the whole file for one bad row, naming file row, column and value — and stores nothing', async () => {
    const bad = join(tempDir(), 'HRDataset_bad.csv')
    const lines = readFileSync(HR, 'utf8').split('\r\n')
    lines[4] = (lines[4] ?? '').replace(/,(\d{1,2}\/\d{1,2}\/\d{4}),/, ',13/45/2011,') // row 5, DOB or DateofHire
    writeFileSync(bad, lines.join('\r\n'))
    const result = await client.call('import.commit', { path: bad, kind: 'people' })
    expect(result.outcome).toBe('rejected')
    expect(result.batchId).toBeNull()
    expect(result.rows).toMatchObject({ total: 311, inserted: 0, rejected: 1 })
    expect(result.errors).toEqual([
      {
        sheet: null,
        row: 5,
        column: 'DateofHire',
        value: '13/45/2011',
        code: 'INVALID_DATE',
        message: 'no such calendar date in MM/DD/YYYY',
        text: { key: 'import.issues.noSuchDateIn', params: { format: 'MM/DD/YYYY' } },
      },
    ])
    // The same problem in Polish, for the renderer (row and column come from the issue's own fields).
    const [issue] = result.errors
    expect(translate('pl', issue!.text!.key, issue!.text!.params)).toBe(
      'taka data nie istnieje w kalendarzu przy formacie MM/DD/YYYY',
    )
    expect(count('people')).toBe(0)
    expect(count('import_batches')).toBe(0)

    const skipping = await client.call('import.commit', { path: bad, kind: 'people', skipInvalid: true })
    expect(skipping).toMatchObject({ outcome: 'stored', rows: { inserted: 310, rejected: 1 } })
    expect(skipping.errors).toHaveLength(1)
  })

  it('reports duplicate keys within a file with both rows', async () => {
    const dup = join(tempDir(), 'dup.csv')
    copyFileSync(HR, dup)
    const lines = readFileSync(HR, 'utf8').split('\r\n')
    writeFileSync(dup, [...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\r\n'))
    const result = await client.call('import.commit', { path: dup, kind: 'people' })
    expect(result.outcome).toBe('rejected')
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'EmpID',
        value: '10084',
        code: 'DUPLICATE_KEY',
        message: expect.stringContaining('as row 3'),
      }),
    ])
  })

  it('refuses files that are not what they claim, with the reason', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'xlsx/exceljs/invalid-xml.xlsx',
        'CORRUPT_FILE',
        /invalid-xml\.xlsx: The workbook is damaged: a part of it is not well-formed XML/,
      ],
      [
        'xlsx/exceljs/missing-bits.xlsx',
        'NOT_XLSX',
        /missing-bits\.xlsx: .*not an Excel workbook: it has no xl\/workbook\.xml/,
      ],
    ]
    for (const [file, reason, message] of cases) {
      const error = await client
        .call('import.commit', { path: sharedFile(file), kind: 'people' })
        .catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'FILE_UNREADABLE', details: { reason } })
      expect((error as Error).message).toMatch(message)
    }
    const renamed = join(tempDir(), 'staff.xlsx')
    copyFileSync(HR, renamed)
    await expect(client.call('import.commit', { path: renamed, kind: 'people' })).rejects.toMatchObject({
      details: { reason: 'NOT_XLSX' },
    })
    const empty = join(tempDir(), 'empty.csv')
    writeFileSync(empty, '')
    await expect(client.call('import.commit', { path: empty, kind: 'people' })).rejects.toMatchObject({
      details: { reason: 'EMPTY_FILE' },
    })
    expect(count('people')).toBe(0)
  })

  it('finds the header below title rows in a real export, and says it holds no HR columns', async () => {
    const result = await client.call('import.commit', {
      path: sharedFile('xlsx/exceljs/1519293514-KRISHNAPATNAM_LINE_UP.xlsx'),
      kind: 'people',
    })
    expect(result.outcome).toBe('rejected')
    expect(result.errors[0]).toMatchObject({ sheet: 'KRISHNAPATNAM', row: 5, code: 'MISSING_FIELD' })
    expect(result.errors[0]?.message).toContain('VESSELS NAME:')
  })

  it('says a sheet of bare dates has no header row, rather than taking a date for a column name', async () => {
    const result = await client.call('import.commit', {
      path: sharedFile('xlsx/exceljs/datetest.xlsx'),
      kind: 'learning',
    })
    expect(result.errors).toEqual([expect.objectContaining({ code: 'NO_HEADER_ROW' })])
  })

  it('refuses a wide, anonymous Likert matrix as survey answers, naming the headers it saw', async () => {
    const result = await client.call('import.commit', {
      path: sharedFile('hr/peopleanalytics/employee_survey.csv'),
      kind: 'surveys',
    })
    expect(result.outcome).toBe('rejected')
    expect(result.errors.map((e) => e.code)).toEqual(['MISSING_FIELD', 'MISSING_FIELD'])
    expect(result.errors[0]?.message).toContain('Happiness, Ben1')
  })

  it('links records that waited as unmatched once a later people import brings their people in — and undo reopens them', async () => {
    const mapping = {
      columns: { EmployeeNumber: 'employeeId', PerformanceRating: 'overallRating' },
      scale: { min: 1, max: 4 },
      constants: { cycle: 'IBM snapshot' },
    }
    const reviews = await client.call('import.commit', { path: IBM, kind: 'reviews', mapping })
    expect(reviews).toMatchObject({ outcome: 'stored', unmatched: 1470, rows: { inserted: 0 } })
    expect(count('reviews')).toBe(0)

    const people = await client.call('import.commit', { path: IBM, kind: 'people' })
    expect(people.warnings).toContainEqual(
      expect.objectContaining({ code: 'LINKED_UNMATCHED', message: expect.stringMatching(/^1470 record/) }),
    )
    expect(count('reviews')).toBe(1470)
    expect(
      services.session.db
        .prepare('SELECT count(*) AS n FROM unmatched_records WHERE resolved_batch_id IS NULL')
        .get(),
    ).toEqual({ n: 0 })

    await client.call('import.undo', { batchId: people.batchId ?? '' })
    expect(count('reviews')).toBe(0)
    expect(count('people')).toBe(0)
    expect(
      services.session.db
        .prepare('SELECT count(*) AS n FROM unmatched_records WHERE resolved_batch_id IS NULL')
        .get(),
    ).toEqual({ n: 1470 })
  })

  it('links records waiting under an unknown ID to a person by hand, as an undoable batch', async () => {
    const mapping = {
      columns: { EmployeeNumber: 'employeeId', PerformanceRating: 'overallRating' },
      scale: { min: 1, max: 4 },
      constants: { cycle: 'IBM snapshot' },
    }
    await client.call('import.commit', { path: IBM, kind: 'reviews', mapping })
    await client.call('import.commit', { path: HR, kind: 'people' })
    const waiting = await client.call('import.unmatched')
    expect(waiting).toHaveLength(500) // the list shows the first 500 identifiers; all 1,470 records are kept
    expect(count('unmatched_records')).toBe(1470)
    expect(waiting.find((w) => w.identifier === '1')).toEqual({
      identifier: '1',
      kind: 'reviews',
      records: 1,
      files: 'WA_Fn-UseC_-HR-Employee-Attrition.csv',
    })

    await expect(client.call('import.link', { identifier: '1', employeeId: 'nobody' })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    )
    const linked = await client.call('import.link', { identifier: '1', employeeId: '10026' })
    expect(linked.linked).toBe(1)
    expect(
      services.session.db
        .prepare(
          "SELECT r.overall_rating FROM reviews r JOIN people p ON p.id = r.person_id WHERE p.employee_id = '10026'",
        )
        .get(),
    ).toEqual({ overall_rating: 3 })
    await client.call('import.undo', { batchId: linked.batchId })
    expect(count('reviews')).toBe(0)
    expect((await client.call('import.unmatched')).find((w) => w.identifier === '1')?.records).toBe(1)
  })

  it('proposes a saved mapping again when a file with the same headers comes in', async () => {
    const first = await client.call('import.preview', { path: HR, kind: 'people' })
    expect(first.profile).toBeNull()
    await client.call('import.saveProfile', {
      name: 'Dental Magic HRIS',
      kind: 'people',
      headers: first.headers,
      mapping: { columns: { EmpID: 'employeeId', Employee_Name: 'fullName' }, dateFormat: 'MM/DD/YYYY' },
    })
    const again = await client.call('import.preview', { path: HR, kind: 'people' })
    expect(again.profile).toBe('Dental Magic HRIS')
    expect(again.columns.filter((c) => c.field !== null).map((c) => [c.header, c.field])).toEqual([
      ['Employee_Name', 'fullName'],
      ['EmpID', 'employeeId'],
    ])
    // Another kind, or other headers, do not pick it up.
    await expect(client.call('import.preview', { path: IBM, kind: 'people' })).resolves.toMatchObject({
      profile: null,
    })
  })

  it('keeps OULAD registrations for unknown learners as unmatched, never dropping them', async () => {
    const mapping = { columns: { id_student: 'employeeId', code_module: 'activityId' } }
    const result = await client.call('import.commit', {
      path: sharedFile('lms/oulad/studentRegistration.csv'),
      kind: 'learning',
      mapping,
    })
    expect(result).toMatchObject({
      outcome: 'stored',
      rows: { total: 32_593, inserted: 0, rejected: 0 },
      unmatched: 32_593,
    })
    expect(count('unmatched_records')).toBe(32_593)
    expect(count('learning_records')).toBe(0)
  })
})
