import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BULK_LOAD_AFTER_ROWS } from '../../src/main/import/bulkLoad'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const HEADER = 'Employee ID,Course ID,Course Title,Status,Score,Completion Date'

interface Line {
  person: number
  course: number
  day: number
  score: number
}
const csvLine = (l: Line): string =>
  `E${l.person},C-${l.course},Course ${l.course},Completed,${l.score},2025-${String(1 + Math.floor(l.day / 28)).padStart(2, '0')}-${String(1 + (l.day % 28)).padStart(2, '0')}`

/**
 * A large learning batch drops the table's indexes once it is past BULK_LOAD_AFTER_ROWS rows and finds duplicates
 * in memory: what it stores, updates and leaves alone must be exactly what the row-by-row path gives, the indexes
 * must be back as they were, and undo, rollback and dedupe against records already stored must hold.
 */
describe('a large learning import (bulk load)', () => {
  let services: Services
  let client: Client
  let dir: string
  const db = () => services.session.db
  const indexes = () =>
    db()
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'learning_records' ORDER BY name",
      )
      .all()
  const records = () =>
    db()
      .prepare(
        'SELECT r.id, p.employee_id, i.activity_id, r.status, r.score, r.completed_at FROM learning_records r JOIN people p ON p.id = r.person_id JOIN learning_items i ON i.id = r.item_id ORDER BY r.id',
      )
      .all()
  const write = (name: string, lines: Line[], extra: string[] = []): string => {
    const path = join(dir, name)
    writeFileSync(path, [HEADER, ...lines.map(csvLine), ...extra].join('\n'))
    return path
  }

  beforeEach(async () => {
    dir = tempDir()
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Bulk', passphrase: PASSPHRASE })
    const people = join(dir, 'people.csv')
    writeFileSync(
      people,
      ['Employee ID,Full Name', ...Array.from({ length: 50 }, (_, i) => `E${i + 1},Person ${i + 1}`)].join(
        '\n',
      ),
    )
    await client.call('import.commit', { path: people, kind: 'people' })
  })
  afterEach(() => services.dispose())

  it('stores, updates and skips exactly as row by row, against stored records and its own, and undo is exact', async () => {
    // A first, small batch (row by row): 100 records stored before the large one.
    const stored: Line[] = Array.from({ length: 100 }, (_, n) => ({
      person: (n % 50) + 1,
      course: 1,
      day: n,
      score: 50,
    }))
    const first = await client.call('import.commit', { path: write('first.csv', stored), kind: 'learning' })
    expect(first.rows.inserted).toBe(100)
    const indexesBefore = indexes()
    const recordsBefore = records()

    const fresh: Line[] = Array.from({ length: BULK_LOAD_AFTER_ROWS + 1_500 }, (_, n) => ({
      person: (n % 50) + 1,
      course: 2 + (n % 7),
      day: Math.floor(n / 50) % 300,
      score: 60,
    }))
    const late = fresh.slice(BULK_LOAD_AFTER_ROWS + 500)
    const lines: Line[] = [
      ...fresh,
      // Past the switch: the first batch's records again (unchanged), and 40 of them with a new score (updated) …
      ...stored.slice(0, 60),
      ...stored.slice(60).map((l) => ({ ...l, score: 90 })),
      // … rows this batch stored before and after the switch, again (unchanged) and with a new score (updated).
      ...fresh.slice(0, 30),
      ...late.slice(0, 30),
      ...fresh.slice(30, 50).map((l) => ({ ...l, score: 70 })),
      ...late.slice(30, 50).map((l) => ({ ...l, score: 70 })),
    ]
    const result = await client.call('import.commit', { path: write('large.csv', lines), kind: 'learning' })
    expect(result.outcome).toBe('stored')
    expect(result.rows).toMatchObject({
      total: lines.length,
      inserted: fresh.length,
      updated: 40 + 40,
      unchanged: 60 + 60,
      rejected: 0,
    })
    // What row by row gives: every distinct record once, with the last score the file gave it.
    const expected = new Map<string, number>()
    for (const l of [...stored, ...lines])
      expected.set(`E${l.person}|C-${l.course}|${csvLine(l).split(',')[5]}`, l.score)
    const after = records() as {
      employee_id: string
      activity_id: string
      completed_at: string
      score: number
    }[]
    expect(after).toHaveLength(expected.size)
    expect(
      new Map(after.map((r) => [`${r.employee_id}|${r.activity_id}|${r.completed_at}`, r.score])),
    ).toEqual(expected)
    // The indexes are back, as they were, and the database is whole.
    expect(indexes()).toEqual(indexesBefore)
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok')
    const plan = db()
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM learning_records WHERE person_id = 1 AND item_id = 2')
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join()).toContain('learning_records_person_item')

    // Undo puts back the first batch's records exactly, scores included.
    await client.call('import.undo', { batchId: result.batchId ?? '' })
    expect(records()).toEqual(recordsBefore)
    expect(indexes()).toEqual(indexesBefore)
  })

  it('rolls back whole, indexes included, when a row past the switch is invalid', async () => {
    const indexesBefore = indexes()
    const lines: Line[] = Array.from({ length: BULK_LOAD_AFTER_ROWS + 1_000 }, (_, n) => ({
      person: (n % 50) + 1,
      course: 1 + (n % 3),
      day: Math.floor(n / 50) % 300,
      score: 60,
    }))
    const result = await client.call('import.commit', {
      path: write('bad.csv', lines, ['E1,C-1,Course 1,Completed,not a score,2025-01-01']),
      kind: 'learning',
    })
    expect(result.outcome).toBe('rejected')
    expect(db().prepare('SELECT count(*) AS n FROM learning_records').get()).toEqual({ n: 0 })
    expect(indexes()).toEqual(indexesBefore)
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
