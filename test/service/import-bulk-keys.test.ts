import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { openWorkspaceDb } from '../../src/main/db/openWorkspaceDb'
import { dropSecondaryIndexes, RecordKeys } from '../../src/main/import/bulkLoad'
import { randomRawKey } from '../../src/main/keys/keyMaterial'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** RecordKeys must answer exactly what the indexed duplicate probe answered, on a real encrypted workspace. */
describe("the bulk load's record keys", () => {
  it('find the lowest-id record with the same person, item, status and dates, as the indexed SELECT does', () => {
    const db = openWorkspaceDb(join(tempDir(), 'w.ninefold'), randomRawKey(), { create: true })
    try {
      migrate(db)
      db.exec("INSERT INTO people (employee_id, full_name) VALUES ('E1', 'A'), ('E2', 'B')")
      db.exec(
        "INSERT INTO learning_items (activity_id, title, activity_type) VALUES ('C1', 'C1', 'course'), ('C2', 'C2', 'course')",
      )
      const insert = db.prepare(
        'INSERT INTO learning_records (person_id, item_id, status, completed_at, assigned_at, score) VALUES (?, ?, ?, ?, ?, ?)',
      )
      const rows: [number, number, string, string | null, string | null][] = []
      for (let n = 0; n < 3_000; n++)
        rows.push([
          1 + (n % 2),
          1 + (n % 3 === 0 ? 1 : 0),
          n % 5 === 0 ? 'enrolled' : 'completed',
          n % 7 === 0 ? null : `2025-01-${String(1 + (n % 28)).padStart(2, '0')}`,
          n % 11 === 0 ? '2024-12-01' : null,
        ])
      // Stored twice on purpose (another path may have): the probe answered the lower id.
      for (const r of rows) insert.run(...r, 1)
      for (const r of rows.slice(0, 100)) insert.run(...r, 2)
      const probe = db.prepare(
        'SELECT * FROM learning_records WHERE person_id = ? AND item_id = ? AND status = ? AND completed_at IS ? AND assigned_at IS ?',
      )
      const expected = (k: unknown[]) => probe.get(...k)
      db.transaction(() => {
        const before = rows.map(expected)
        const absent: unknown[][] = [
          [1, 1, 'completed', '2026-01-01', null],
          [3, 1, 'completed', null, null],
          [1, 2, 'failed', null, null],
        ]
        const absentBefore = absent.map(expected)
        dropSecondaryIndexes(db, 'learning_records')
        const keys = new RecordKeys(db)
        expect(rows.map((r) => keys.find([...r]))).toEqual(before)
        expect(absent.map((k) => keys.find([k[0], k[1], k[2], k[3], k[4]]))).toEqual(absentBefore)
        expect(absentBefore).toEqual([undefined, undefined, undefined])
        // A record added after the keys were built is found; one with a null date is not a record with a date.
        const id = Number(insert.run(2, 2, 'passed', null, null, 5).lastInsertRowid)
        keys.add([2, 2, 'passed', null, null], id)
        expect(keys.find([2, 2, 'passed', null, null])).toMatchObject({ id, score: 5 })
        expect(keys.find([2, 2, 'passed', '2025-01-01', null])).toBeUndefined()
      })()
    } finally {
      db.close()
    }
  })
})
