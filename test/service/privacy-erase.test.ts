import ExcelJS from 'exceljs'
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { openWorkspaceDb } from '../../src/main/db/openWorkspaceDb'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { dataKeyOf, PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

interface Someone {
  employeeId: string
  fullName: string
  email: string
}

/**
 * The workspace file decrypted page by page: a copy re-keyed to no key, so every page, free ones included, is read
 * as plaintext. A search of the encrypted file itself would prove nothing.
 */
function plaintextPages(path: string): Buffer {
  const copy = `${path}.plain-copy`
  copyFileSync(path, copy)
  const db = openWorkspaceDb(copy, dataKeyOf(path), { create: false })
  db.rekey(Buffer.alloc(0))
  db.close()
  return readFileSync(copy)
}

describe('erasing a person', () => {
  let services: Services
  let client: Client
  let dir: string

  beforeEach(async () => {
    dir = tempDir()
    services = testServices(dir, { onInternalError: (_m, e) => console.error(e) })
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Erasure', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 300, seed: 5 })
  })
  afterEach(() => services.dispose())

  it('removes them from every table and view, pseudonymises every mention, and leaves no byte of them in the file', async () => {
    const db = services.session.db
    // A manager who reviewed others: their id, name and email are spread all over the workspace.
    const target = db
      .prepare(
        `SELECT p.employee_id AS employeeId, p.full_name AS fullName, p.email FROM people p
         WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.reviewer_id = p.employee_id)
           AND EXISTS (SELECT 1 FROM people q WHERE q.manager_id = p.employee_id)
           AND p.job_level = 3 ORDER BY p.id LIMIT 1`,
      )
      .get() as Someone
    const control = db
      .prepare('SELECT employee_id AS employeeId, full_name AS fullName, email FROM people WHERE id = 7')
      .get() as Someone
    expect(target.fullName).not.toBe(control.fullName)

    // Their traces: a finalized session, a move with their name in its reason, a note about them on a colleague,
    // and an import that changed their title (its journal holds their previous row).
    const { sessionId } = await client.call('calibration.create', { name: 'Before erasure' })
    const view = await client.call('calibration.show', { sessionId })
    const placed = view.placements.find((p) => p.employeeId === target.employeeId)
    const colleague = view.placements.find((p) => p.employeeId !== target.employeeId)
    if (!placed || !colleague) throw new Error('the target is not on the grid')
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [target.employeeId],
      box: placed.box === 9 ? 8 : 9,
      reasonCode: 'other',
      reason: `${target.fullName} led the platform migration`,
    })
    await client.call('calibration.addNote', {
      sessionId,
      employeeId: colleague.employeeId,
      text: `Mentored by ${target.fullName} (${target.email})`,
    })
    await client.call('calibration.setStatus', { sessionId, status: 'finalized' })
    const file = join(dir, 'title.csv')
    writeFileSync(
      file,
      `Employee ID,Full name,Email,Job title\n${target.employeeId},${target.fullName},${target.email},Principal\n`,
    )
    await client.call('import.commit', { path: file, kind: 'people' })
    const auditEntries = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n

    const erased = await client.call('privacy.erase', {
      employeeId: target.employeeId,
      reason: 'Erasure request of 2026-10-30',
    })
    expect(erased.pseudonym).toMatch(/^ERASED-[0-9A-F]{8}$/)
    expect(erased.removed['reviews']).toBeGreaterThan(0)
    expect(erased.removed['reports_unlinked']).toBeGreaterThan(0)
    expect(erased.pseudonymised).toBeGreaterThan(0)

    // Gone from every view.
    const people = await client.call('people.list', { filter: { text: target.employeeId } })
    expect(people.rows).toEqual([])
    const finalized = await client.call('calibration.show', { sessionId })
    expect(finalized.placements.some((p) => p.employeeId === target.employeeId)).toBe(false)
    const detail = await client.call('calibration.person', { sessionId, employeeId: colleague.employeeId })
    expect(detail.notes[0]?.text).toBe(
      `Mentored by ${erased.pseudonym} (${erased.pseudonym.toLowerCase()}@erased.invalid)`,
    )
    // Reviews they gave stay with the people reviewed, under the pseudonym.
    expect(
      (
        db.prepare('SELECT count(*) AS n FROM reviews WHERE reviewer_id = ?').get(erased.pseudonym) as {
          n: number
        }
      ).n,
    ).toBeGreaterThan(0)
    // The audit log keeps every entry (plus the erasure itself), none of which names them.
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(
      auditEntries + 1,
    )
    expect(
      db
        .prepare("SELECT reason FROM audit_log WHERE action = 'privacy.erase' AND entity_id = ?")
        .get(erased.pseudonym),
    ).toEqual({ reason: 'Erasure request of 2026-10-30' })

    const status = services.session.status()
    const path = status.open ? status.workspace.path : ''
    services.dispose()
    expect(existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0).toBe(0)
    const pages = plaintextPages(path)
    expect(pages.includes(control.fullName)).toBe(true)
    expect(pages.includes(control.email)).toBe(true)
    // …and not one byte of the erased person's.
    for (const trace of [target.fullName, target.email, target.employeeId])
      expect(pages.includes(trace), `${trace} is still in the file`).toBe(false)
  })

  it('exports everything held about a person, one sheet per kind of record, and logs the export', async () => {
    const db = services.session.db
    const someone = db
      .prepare(
        'SELECT id, employee_id AS employeeId FROM people p WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.person_id = p.id) ORDER BY id LIMIT 1 OFFSET 40',
      )
      .get() as { id: number; employeeId: string }
    const out = join(dir, 'access.xlsx')
    const result = await client.call('privacy.subjectAccess', { employeeId: someone.employeeId, path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const names = book.worksheets.map((w) => w.name)
    expect(names).toEqual(
      expect.arrayContaining(['Person', 'Sensitive attributes', 'Reviews', 'Learning records']),
    )
    for (const sheet of book.worksheets)
      expect(String(sheet.getRow(1).getCell(1).value)).toMatch(
        /^Contains sensitive attributes \(.*\): everything Ninefold holds about .* \(GDPR art\. 15\)/,
      )
    const count = (table: string): number =>
      (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE person_id = ?`).get(someone.id) as { n: number })
        .n
    // Notice row and header row above the records.
    expect((book.getWorksheet('Learning records')?.rowCount ?? 0) - 2).toBe(count('learning_records'))
    expect((book.getWorksheet('Reviews')?.rowCount ?? 0) - 2).toBe(count('reviews'))
    expect(result.rows).toBeGreaterThan(count('learning_records'))
    expect(
      db.prepare("SELECT entity_id FROM audit_log WHERE action = 'privacy.subjectAccess'").get(),
    ).toEqual({ entity_id: someone.employeeId })
  })

  it('previews a retention period, purges what is older, keeps the rest, and remembers the period', async () => {
    const db = services.session.db
    const older = (
      db
        .prepare(
          "SELECT count(*) AS n FROM learning_records WHERE coalesce(completed_at, due_at, assigned_at) < '2025-11-01'",
        )
        .get() as { n: number }
    ).n
    const total = (db.prepare('SELECT count(*) AS n FROM learning_records').get() as { n: number }).n
    expect(older).toBeGreaterThan(0)
    const preview = await client.call('privacy.retentionPreview', { kind: 'learning', olderThanYears: 1 })
    expect(preview).toMatchObject({ years: 1, before: '2025-11-01', records: older })
    expect((await client.call('privacy.retentionPreview', { kind: 'learning' })).years).toBeNull()
    const purged = await client.call('privacy.retentionPurge', {
      kind: 'learning',
      olderThanYears: 1,
      reason: 'Retention policy HR-7',
    })
    expect(purged.removed).toBe(older)
    expect((db.prepare('SELECT count(*) AS n FROM learning_records').get() as { n: number }).n).toBe(
      total - older,
    )
    expect((await client.call('privacy.retentionPreview', { kind: 'learning' })).records).toBe(0)
    const logged = db
      .prepare("SELECT after_json AS after, reason FROM audit_log WHERE action = 'privacy.retention'")
      .get() as {
      after: string
      reason: string
    }
    expect(JSON.parse(logged.after)).toEqual({ olderThanYears: 1, before: '2025-11-01', removed: older })
    expect(logged.reason).toBe('Retention policy HR-7')
  })

  it('exports the workspace for analysis under stable pseudonyms, with no name, email or employee id in it', async () => {
    const db = services.session.db
    const first = join(dir, 'anon-1.xlsx')
    const second = join(dir, 'anon-2.xlsx')
    const result = await client.call('privacy.anonymisedExport', { path: first })
    await client.call('privacy.anonymisedExport', { path: second })
    expect(result.rows).toBeGreaterThan(300)
    const cells = async (file: string): Promise<string[]> => {
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(file)
      const values: string[] = []
      for (const sheet of book.worksheets)
        sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))))
      return values
    }
    const text = new Set(await cells(first))
    const people = db.prepare('SELECT employee_id AS id, full_name AS name, email FROM people').all() as {
      id: string
      name: string
      email: string
    }[]
    for (const p of people.slice(0, 60)) {
      expect(text.has(p.id)).toBe(false)
      expect(text.has(p.name)).toBe(false)
      expect(text.has(p.email)).toBe(false)
    }
    expect([...text].some((v) => /^P-[0-9A-F]{10}$/.test(v))).toBe(true)
    // Stable: the second export names everyone the same way.
    expect(await cells(second)).toEqual(await cells(first))
  })

  it('refuses an unknown person or a missing reason and changes nothing', async () => {
    const before = (services.session.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
    await expect(
      client.call('privacy.erase', { employeeId: 'NOBODY', reason: 'request' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(client.call('privacy.erase', { employeeId: 'E100010', reason: '' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect((services.session.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(
      before,
    )
  })
})
