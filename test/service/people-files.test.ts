import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const HR = sharedFile('hr/HRDataset_v14.csv')
const HR_MAPPING = {
  columns: {
    EmpID: 'employeeId',
    Employee_Name: 'fullName',
    ManagerName: 'managerName',
    Department: 'department',
    Position: 'jobTitle',
    DateofHire: 'hireDate',
  },
}

/** A Workday-shaped talent export: text job levels, managers by name (one outside the file, one "Last, First"). */
async function writeWorkdayExport(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Employee Data')
  sheet.addRow([
    'Employee ID',
    'Worker',
    'Job Level - Primary Position',
    "Worker's Manager",
    'Supervisory Organization',
  ])
  sheet.addRow(['E1', 'David Chen', 'MT4', 'Board of Directors', 'Executive'])
  sheet.addRow(['E2', 'Ana Núñez', 'PT5 - Principal', 'David Chen', 'Engineering'])
  sheet.addRow(['E3', 'Bob Stone', 'IC', 'Chen, David', 'Engineering'])
  sheet.addRow(['E4', 'Carl Ray', 'M3', 'ana nunez', 'Engineering'])
  sheet.addRow(['E5', 'Dana Lee', 'Band C', 'Zed Outsider', 'Sales'])
  await workbook.xlsx.writeFile(path)
}

function services(): { services: Services; client: Client } {
  const s = testServices(tempDir())
  return { services: s, client: createClient(createInProcessTransport(s)) }
}

describe('people files as HRIS systems export them', () => {
  let svc: Services
  let client: Client
  const db = () => svc.session.db
  const people = () =>
    db()
      .prepare(
        'SELECT employee_id, job_level, job_level_label, manager_id, manager_name, manager_email FROM people ORDER BY employee_id',
      )
      .all()
  const everything = () => db().prepare('SELECT * FROM people ORDER BY id').all()

  beforeEach(async () => {
    ;({ services: svc, client } = services())
    await client.call('workspace.create', { name: 'People files', passphrase: PASSPHRASE })
  })
  afterEach(() => svc.dispose())

  it('imports a workbook with text job levels and managers by name whole, and shows both as given', async () => {
    const file = join(tempDir(), 'talent.xlsx')
    await writeWorkdayExport(file)
    const preview = await client.call('import.preview', { path: file, kind: 'people' })
    expect(Object.fromEntries(preview.columns.map((c) => [c.header, c.field]))).toEqual({
      'Employee ID': 'employeeId',
      Worker: 'fullName',
      'Job Level - Primary Position': 'jobLevel',
      "Worker's Manager": 'managerName',
      'Supervisory Organization': 'department',
    })

    const result = await client.call('import.commit', { path: file, kind: 'people' })
    expect(result).toMatchObject({
      outcome: 'stored',
      rows: { total: 5, inserted: 5, updated: 0, unchanged: 0, rejected: 0 },
      errors: [],
    })
    expect(result.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'MANAGER_NOT_IN_WORKSPACE',
        '2 people name managers who are not in the workspace; the names are kept and linked when those managers are imported: Board of Directors (1), Zed Outsider (1).',
      ],
    ])
    expect(people()).toEqual([
      {
        employee_id: 'E1',
        job_level: 4,
        job_level_label: 'MT4',
        manager_id: null,
        manager_name: 'Board of Directors',
        manager_email: null,
      },
      {
        employee_id: 'E2',
        job_level: 5,
        job_level_label: 'PT5 - Principal',
        manager_id: 'E1',
        manager_name: 'David Chen',
        manager_email: null,
      },
      {
        employee_id: 'E3',
        job_level: null,
        job_level_label: 'IC',
        manager_id: 'E1',
        manager_name: 'Chen, David',
        manager_email: null,
      },
      {
        employee_id: 'E4',
        job_level: 3,
        job_level_label: 'M3',
        manager_id: 'E2',
        manager_name: 'ana nunez',
        manager_email: null,
      },
      {
        employee_id: 'E5',
        job_level: null,
        job_level_label: 'Band C',
        manager_id: null,
        manager_name: 'Zed Outsider',
        manager_email: null,
      },
    ])

    // The list orders by rank (levels without one last, by name) and shows the text; outside managers as named.
    const list = await client.call('people.list', { sort: { field: 'jobLevel', direction: 'asc' } })
    expect(
      list.rows.map((r) => [r.employeeId, r.jobLevel, r.jobLevelText, r.managerName, r.managerOutside]),
    ).toEqual([
      ['E4', 3, 'M3', 'Ana Núñez', null],
      ['E1', 4, 'MT4', null, 'Board of Directors'],
      ['E2', 5, 'PT5 - Principal', 'David Chen', null],
      ['E5', null, 'Band C', null, 'Zed Outsider'],
      ['E3', null, 'IC', 'David Chen', null],
    ])
    const facets = await client.call('people.facets')
    expect(facets.jobLevels.map((l) => l.value)).toEqual(['M3', 'MT4', 'PT5 - Principal', 'Band C', 'IC'])
    const principal = await client.call('people.list', { filter: { jobLevel: 'pt5 - principal' } })
    expect(principal.rows.map((r) => r.employeeId)).toEqual(['E2'])
    const byManager = await client.call('people.list', { sort: { field: 'managerName', direction: 'asc' } })
    expect(byManager.rows.map((r) => r.employeeId)).toEqual(['E4', 'E1', 'E2', 'E3', 'E5'])

    // Calibration scopes by the level as shown.
    const reviews = join(tempDir(), 'reviews.csv')
    writeFileSync(
      reviews,
      'Employee ID,Cycle,Rating\nE1,FY2025,3\nE2,FY2025,4\nE3,FY2025,2\nE4,FY2025,5\nE5,FY2025,3\n',
    )
    await client.call('import.commit', {
      path: reviews,
      kind: 'reviews',
      mapping: { scale: { min: 1, max: 5 } },
    })
    const session = await client.call('calibration.create', {
      name: 'Principals',
      scope: { jobLevel: 'PT5 - Principal' },
    })
    expect(session.people).toBe(1)
    // Insights segment by the level as given (a level stored as a number would read "Level 3").
    const density = await client.call('insights.density', { by: 'jobLevel' })
    expect(density.units.map((u) => [u.unit, u.cells[0]?.n])).toEqual([
      ['Band C', 1],
      ['IC', 1],
      ['M3', 1],
      ['MT4', 1],
      ['PT5 - Principal', 1],
    ])

    // The anonymised export for analysis carries the level as given.
    const exported = join(tempDir(), 'anonymised.xlsx')
    await client.call('privacy.anonymisedExport', { path: exported })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(exported)
    const levels: unknown[] = []
    for (const sheet of book.worksheets) {
      let column = 0
      sheet.eachRow((row) => {
        if (column > 0) levels.push(row.getCell(column).value)
        else column = (row.values as unknown[]).indexOf('Job level')
      })
    }
    expect([...levels].sort()).toEqual(['Band C', 'IC', 'M3', 'MT4', 'PT5 - Principal'])

    const quality = await client.call('quality.report')
    const unresolved = quality.findings.find((f) => f.code === 'UNRESOLVED_MANAGER')
    expect(unresolved).toMatchObject({ count: 2, severity: 'warning' })
    expect(unresolved?.examples).toEqual([
      {
        manager: 'Board of Directors',
        managerEmail: null,
        candidates: null,
        namedBy: 1,
        people: 'E1 (David Chen)',
      },
      { manager: 'Zed Outsider', managerEmail: null, candidates: null, namedBy: 1, people: 'E5 (Dana Lee)' },
    ])
    expect(quality.findings.map((f) => f.code)).not.toContain('DANGLING_MANAGER')
    expect(quality.findings.map((f) => f.code)).not.toContain('MISSING_MANAGER')
  })

  it('updates a level only when its text differs, and a later file that brings a named manager in links them; undo restores exactly', async () => {
    const dir = tempDir()
    const before = join(dir, 'before.csv')
    writeFileSync(before, 'Employee ID,Name,Job Level\nN1,Nia Old,5\nN2,Ola Old,3\n')
    await client.call('import.commit', { path: before, kind: 'people' })
    const file = join(dir, 'talent.xlsx')
    await writeWorkdayExport(file)
    await client.call('import.commit', { path: file, kind: 'people' })

    // "5" again is no change; "PT5 - Principal" for a stored 5 changes the label only (no promotion: same rank).
    const same = join(dir, 'same.csv')
    writeFileSync(same, 'Employee ID,Job Level\nN1,5\nN2,3\n')
    expect((await client.call('import.commit', { path: same, kind: 'people' })).rows).toMatchObject({
      unchanged: 2,
      updated: 0,
    })
    const snapshot = everything()
    const later = join(dir, 'later.csv')
    writeFileSync(
      later,
      [
        'Employee ID,Name,Job Level,Manager',
        'N1,Nia Old,PT5 - Principal,',
        'N2,Ola Old,IC,',
        'E4,Carl Ray,3,Ana Núñez',
        'E3,Bob Stone,IC,Carl Ray',
        'Z1,"Outsider, Zed",M6,Board of Directors',
      ].join('\n'),
    )
    const result = await client.call('import.commit', { path: later, kind: 'people' })
    expect(result.rows).toMatchObject({ inserted: 1, updated: 4, unchanged: 0, rejected: 0 })
    const changes = result.warnings.filter((w) => w.code === 'UPDATED').map((w) => w.message)
    expect(changes).toEqual([
      'jobLevel: 5 → PT5 - Principal',
      'jobLevel: 3 → IC',
      'managerName: ana nunez → Ana Núñez; jobLevel: M3 → 3',
      'managerName: Chen, David → Carl Ray',
    ])
    expect(result.warnings.find((w) => w.code === 'MANAGERS_LINKED')?.message).toBe(
      '1 person whose manager an earlier file named now reports to someone in the workspace.',
    )
    expect(
      db()
        .prepare(
          "SELECT employee_id, job_level, job_level_label, manager_id FROM people WHERE employee_id IN ('N1', 'N2', 'E3', 'E4', 'E5') ORDER BY employee_id",
        )
        .all(),
    ).toEqual([
      { employee_id: 'E3', job_level: null, job_level_label: 'IC', manager_id: 'E4' },
      { employee_id: 'E4', job_level: 3, job_level_label: null, manager_id: 'E2' },
      // Zed Outsider, named by E5 in the earlier file, is in this one.
      { employee_id: 'E5', job_level: null, job_level_label: 'Band C', manager_id: 'Z1' },
      { employee_id: 'N1', job_level: 5, job_level_label: 'PT5 - Principal', manager_id: null },
      { employee_id: 'N2', job_level: null, job_level_label: 'IC', manager_id: null },
    ])
    expect(db().prepare('SELECT count(*) AS n FROM promotions').get()).toEqual({ n: 0 })

    await client.call('import.undo', { batchId: result.batchId as string })
    expect(everything()).toEqual(snapshot)
  })

  it('records a rise in rank as a promotion, in the words of the file; a level without a rank is none', async () => {
    const dir = tempDir()
    const file = join(dir, 'talent.xlsx')
    await writeWorkdayExport(file)
    await client.call('import.commit', { path: file, kind: 'people' })
    const later = join(dir, 'later.csv')
    writeFileSync(later, 'Employee ID,Job Level\nE1,MT5\nE4,IC\nE3,M2\n')
    const result = await client.call('import.commit', { path: later, kind: 'people' })
    expect(result.warnings.filter((w) => w.code === 'UPDATED').map((w) => w.message)).toEqual([
      expect.stringMatching(/^jobLevel: MT4 → MT5; promoted: \d{4}-\d\d-\d\d \(job level MT4 → MT5\)$/),
      'jobLevel: M3 → IC',
      'jobLevel: IC → M2',
    ])
    expect(
      db()
        .prepare(
          'SELECT p.employee_id, from_level, to_level FROM promotions JOIN people p ON p.id = person_id',
        )
        .all(),
    ).toEqual([{ employee_id: 'E1', from_level: 4, to_level: 5 }])
  })

  it('takes a name header for a name, and still finds people when a "Reports To" column holds IDs', async () => {
    const file = join(tempDir(), 'reports-to.csv')
    writeFileSync(
      file,
      [
        'Employee ID,Name,Reports To,Manager ID',
        'R1,Rae Top,,',
        'R2,Sam Mid,R1,',
        'R3,Tom Low,Sam Mid,',
        'R4,Uma Id,,R2',
        // Both given: an ID that names someone wins; one from another numbering gives way to the name.
        'R5,Vic Both,Rae Top,R2',
        'R6,Wes Both,Rae Top,X99',
      ].join('\n'),
    )
    const preview = await client.call('import.preview', { path: file, kind: 'people' })
    expect(preview.columns.map((c) => [c.header, c.field])).toEqual([
      ['Employee ID', 'employeeId'],
      ['Name', 'fullName'],
      ['Reports To', 'managerName'],
      ['Manager ID', 'managerId'],
    ])
    const result = await client.call('import.commit', { path: file, kind: 'people' })
    expect(result.warnings).toEqual([])
    expect(db().prepare('SELECT employee_id, manager_id FROM people ORDER BY employee_id').all()).toEqual([
      { employee_id: 'R1', manager_id: null },
      { employee_id: 'R2', manager_id: 'R1' },
      { employee_id: 'R3', manager_id: 'R2' },
      { employee_id: 'R4', manager_id: 'R2' },
      { employee_id: 'R5', manager_id: 'R2' },
      { employee_id: 'R6', manager_id: 'R1' },
    ])
    // The same file again changes nothing (the link is not set by the row and reset by the names).
    const again = await client.call('import.commit', {
      path: file,
      kind: 'people',
      mapping: {
        columns: {
          'Employee ID': 'employeeId',
          Name: 'fullName',
          'Reports To': 'managerName',
          'Manager ID': 'managerId',
        },
      },
    })
    expect(again.rows).toMatchObject({ updated: 0, unchanged: 6 })
  })

  it('never guesses between two people of one name, and tells the user who they are', async () => {
    const file = join(tempDir(), 'twins.csv')
    writeFileSync(
      file,
      [
        'Employee ID,Name,Supervisor,Supervisor Email',
        'E1,David Chen,David Chen,',
        'E2,"Chen, David",,',
        'E3,Ada Byron,David Chen,',
        'E4,Bo Li,David Chen,E2@example.com',
        'E5,Cy Po,,e1@EXAMPLE.com',
      ].join('\n'),
    )
    writeFileSync(
      file.replace('twins', 'emails'),
      'Employee ID,Email\nE1,e1@example.com\nE2,e2@example.com\n',
    )
    const result = await client.call('import.commit', { path: file, kind: 'people' })
    expect(result.errors).toEqual([])
    expect(
      result.warnings.filter((w) => w.code === 'MANAGER_AMBIGUOUS').map((w) => [w.row, w.value, w.message]),
    ).toEqual([
      [
        4,
        'David Chen',
        'The manager "David Chen" of E3 could be any of E1, E2: not guessed. Give the manager\'s employee ID or email to choose.',
      ],
      // E4's email names nobody yet.
      [
        5,
        'David Chen',
        'The manager "David Chen" of E4 could be any of E1, E2: not guessed. Give the manager\'s employee ID or email to choose.',
      ],
    ])
    // E1 naming "David Chen" means the other one; emails are not in the workspace yet, so E4 and E5 wait.
    expect(db().prepare('SELECT employee_id, manager_id FROM people ORDER BY employee_id').all()).toEqual([
      { employee_id: 'E1', manager_id: 'E2' },
      { employee_id: 'E2', manager_id: null },
      { employee_id: 'E3', manager_id: null },
      { employee_id: 'E4', manager_id: null },
      { employee_id: 'E5', manager_id: null },
    ])
    const quality = await client.call('quality.report')
    expect(quality.findings.find((f) => f.code === 'UNRESOLVED_MANAGER')?.examples[0]).toMatchObject({
      manager: 'David Chen',
      candidates: 'E1, E2',
      people: 'E3 (Ada Byron), E4 (Bo Li)',
    })
    // Emails decide once they are known, case-insensitively.
    const emails = await client.call('import.commit', {
      path: file.replace('twins', 'emails'),
      kind: 'people',
    })
    expect(emails.warnings.find((w) => w.code === 'MANAGERS_LINKED')?.message).toMatch(/^2 people/)
    expect(
      db().prepare("SELECT employee_id, manager_id FROM people WHERE employee_id IN ('E4', 'E5')").all(),
    ).toEqual([
      { employee_id: 'E4', manager_id: 'E2' },
      { employee_id: 'E5', manager_id: 'E1' },
    ])
  })
})

describeWithSharedData('real people files in ../shared/data, managers by name', () => {
  let svc: Services
  let client: Client
  beforeEach(async () => {
    ;({ services: svc, client } = services())
    await client.call('workspace.create', { name: 'HRDataset', passphrase: PASSPHRASE })
  })
  afterEach(() => svc.dispose())

  it("9Boxer's sample-employees.xlsx (Workday-shaped) imports whole: IC/Manager as given, managers outside the list kept by name", async () => {
    const path = sharedFile('xlsx/9boxer/sample-employees.xlsx')
    const result = await client.call('import.commit', { path, kind: 'people' })
    expect(result).toMatchObject({
      outcome: 'stored',
      rows: { total: 15, inserted: 15, rejected: 0 },
      errors: [],
    })
    const db = svc.session.db
    expect(
      db
        .prepare(
          'SELECT job_level_label AS level, job_level AS rank, count(*) AS n FROM people GROUP BY 1 ORDER BY 1',
        )
        .all(),
    ).toEqual([
      { level: 'IC', rank: null, n: 13 },
      { level: 'Manager', rank: null, n: 2 },
    ])
    // Its managers (David Chen, …) are not in the list: "Henry Kim" is not taken for "Henry Anderson".
    expect(db.prepare('SELECT count(*) AS n FROM people WHERE manager_id IS NOT NULL').get()).toEqual({
      n: 0,
    })
    const quality = await client.call('quality.report')
    const unresolved = quality.findings.find((f) => f.code === 'UNRESOLVED_MANAGER')
    expect(unresolved?.count).toBe(15)
    expect(unresolved?.examples.map((e) => [e['manager'], e['namedBy']])).toEqual([
      ['David Chen', 6],
      ['Emily Rodriguez', 3],
      ['Henry Kim', 3],
      ['Jessica Wang', 3],
    ])
  })

  it('finds 236 of 311 managers by name in the file and lists the 5 it cannot, with who names them', async () => {
    const db = svc.session.db
    const result = await client.call('import.commit', { path: HR, kind: 'people', mapping: HR_MAPPING })
    expect(result).toMatchObject({ outcome: 'stored', rows: { inserted: 311, rejected: 0 }, errors: [] })
    expect(db.prepare('SELECT count(*) AS n FROM people WHERE manager_id IS NOT NULL').get()).toEqual({
      n: 236,
    })
    // Every link is to a person of the file.
    expect(
      db
        .prepare(
          'SELECT count(*) AS n FROM people p WHERE manager_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people m WHERE m.employee_id = p.manager_id)',
        )
        .get(),
    ).toEqual({ n: 0 })
    const managerOf = (employeeId: string) =>
      db
        .prepare(
          'SELECT p.manager_name AS named, m.employee_id AS id, m.full_name AS name FROM people p LEFT JOIN people m ON m.employee_id = p.manager_id WHERE p.employee_id = ?',
        )
        .get(employeeId)
    // Checked by hand against the file: "Brandon R. LeBlanc" is "LeBlanc, Brandon  R" (EmpID 10134), "Simon Roup"
    // is "Roup,Simon" (10198), "Janet King" is "King, Janet" (10089).
    expect(managerOf('10038')).toEqual({
      named: 'Brandon R. LeBlanc',
      id: '10134',
      name: 'LeBlanc, Brandon R',
    })
    expect(managerOf('10084')).toEqual({ named: 'Simon Roup', id: '10198', name: 'Roup,Simon' })
    expect(managerOf('10134')).toEqual({ named: 'Janet King', id: '10089', name: 'King, Janet' })
    // Michael Albert (with ManagerIDs 22 and 30) is no employee of the file: his name is kept, never dropped.
    expect(managerOf('10026')).toEqual({ named: 'Michael Albert', id: null, name: null })

    const quality = await client.call('quality.report')
    const unresolved = quality.findings.find((f) => f.code === 'UNRESOLVED_MANAGER')
    expect(unresolved?.count).toBe(75)
    expect(unresolved?.examples.map((e) => [e['manager'], e['namedBy']])).toEqual([
      ['Michael Albert', 22],
      ['David Stanley', 21],
      ['Webster Butler', 21],
      ['Alex Sweetwater', 9],
      ['Board of Directors', 2],
    ])
    expect(unresolved?.examples[4]?.['people']).toBe('10080 (Foster-Baker, Amy), 10089 (King, Janet)')
    expect(String(unresolved?.examples[0]?.['people'])).toContain('10026 (Adinolfi, Wilson K)')
    const codes = quality.findings.map((f) => f.code)
    expect(codes).not.toContain('DANGLING_MANAGER')
    expect(codes).not.toContain('MISSING_MANAGER')

    // Michael Albert joins: his 22 reports are linked, and undoing that batch unlinks them again, exactly.
    const before = db.prepare('SELECT * FROM people ORDER BY id').all()
    const albert = join(tempDir(), 'albert.csv')
    writeFileSync(albert, 'EmpID,Employee_Name\n20001,"Albert, Michael"\n')
    const joined = await client.call('import.commit', { path: albert, kind: 'people' })
    expect(joined.warnings.find((w) => w.code === 'MANAGERS_LINKED')?.message).toMatch(/^22 people/)
    expect(db.prepare("SELECT count(*) AS n FROM people WHERE manager_id = '20001'").get()).toEqual({ n: 22 })
    await client.call('import.undo', { batchId: joined.batchId as string })
    expect(db.prepare('SELECT * FROM people ORDER BY id').all()).toEqual(before)

    await client.call('import.undo', { batchId: result.batchId as string })
    expect(db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 })
  })
})
