import type { WorkspaceDb } from '../db/openWorkspaceDb'

/**
 * A large batch of learning records loads without the table's secondary indexes, which are built again, from
 * their own definitions, before the batch commits.
 *
 * Why: keeping random-order indexes up to date row by row was the main cost of a large import (1M rows: the same
 * inserts took 6–11 s with the indexes kept, 3–3.5 s without, and building the indexes afterwards takes a fraction
 * of the difference). Everything happens inside the batch's own transaction, DDL included, so "the whole batch or
 * nothing" holds as before: a rollback, a cancel or a killed process brings the indexes back with the rows.
 *
 * Without the (person_id, item_id) index the duplicate probe cannot ask SQLite, so the batch keeps its own index
 * of record keys (`RecordKeys`), built from the table when the bulk load starts and extended with every row the
 * batch inserts.
 */

/** Rows of the batch before the switch: below this the indexes stay (small files, and the first rows of any). */
export const BULK_LOAD_AFTER_ROWS = 2_000

/**
 * Whether dropping the indexes pays: the batch has written at least `BULK_LOAD_AFTER_ROWS` rows and at least half
 * as many as the table held before it, so rebuilding over the whole table costs no more than a small multiple of
 * what the batch already wrote, however few rows are still to come.
 */
export function bulkLoadPays(rowsSoFar: number, rowsBefore: number): boolean {
  return rowsSoFar >= BULK_LOAD_AFTER_ROWS && rowsSoFar * 2 >= rowsBefore
}

/** Drops a table's secondary indexes inside the caller's transaction; `rebuild()` creates them again as they were. */
export function dropSecondaryIndexes(db: WorkspaceDb, table: string): { rebuild(): void } {
  if (!db.inTransaction) throw new Error('indexes are dropped only inside the batch transaction')
  // sql IS NULL: the automatic indexes of UNIQUE and PRIMARY KEY constraints, which cannot be dropped.
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .all(table) as { name: string; sql: string }[]
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`)
  let rebuilt = false
  return {
    rebuild: () => {
      if (rebuilt) return
      for (const index of indexes) db.exec(index.sql)
      rebuilt = true
    },
  }
}

type Key = readonly [
  personId: unknown,
  itemId: unknown,
  status: unknown,
  completedAt: unknown,
  assignedAt: unknown,
]

/** SQLite's `=`/`IS` on a TEXT column: a number given for a text value compares as its text. */
const same = (stored: unknown, given: unknown): boolean =>
  stored === given || (stored !== null && given !== null && String(stored) === String(given))

const PRIME = 0x01000193

function mixText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME)
  return Math.imul(h ^ 0xff, PRIME)
}

/**
 * FNV-1a over the key's parts, kept to 30 bits; collisions are told apart by the row. Person and item ids are
 * integers on both sides (INTEGER columns, ids from the writer), mixed as numbers; the rest as text, as `same`
 * compares them.
 */
function hashOf(key: Key): number {
  let h = 0x811c9dc5
  for (let p = 0; p < key.length; p++) {
    const part = key[p]
    if (p < 2 && typeof part === 'number' && Number.isSafeInteger(part)) {
      h = Math.imul(h ^ (part & 0xffff), PRIME)
      h = Math.imul(h ^ ((part / 0x10000) & 0xffff), PRIME)
      h = Math.imul(h ^ Math.floor(part / 0x100000000), PRIME)
    } else h = mixText(h, part === null || part === undefined ? '\u0001' : String(part))
  }
  return h & 0x3fffffff
}

/**
 * The learning records of the table by their duplicate key (person, item, status, completed and assigned dates),
 * as hashes to row ids in an open-addressing table of typed arrays: 12 bytes a slot and nothing for the garbage
 * collector, where the rows themselves stay in the database. `find` answers what
 * `SELECT * … WHERE person_id = ? AND item_id = ? AND status = ? AND completed_at IS ? AND assigned_at IS ?`
 * answered with the index: the matching record with the lowest id, or none.
 */
export class RecordKeys {
  /** hash + 1 per slot (0: empty), and the row id in the same slot. */
  private hashes = new Int32Array(1 << 16)
  private ids = new Float64Array(1 << 16)
  private size = 0
  private readonly byId

  constructor(db: WorkspaceDb) {
    this.byId = db.prepare('SELECT * FROM learning_records WHERE id = ?')
    const all = db.prepare(
      'SELECT id, person_id, item_id, status, completed_at, assigned_at FROM learning_records ORDER BY id',
    )
    for (const r of all.iterate() as Iterable<Record<string, unknown>>)
      this.add(
        [r['person_id'], r['item_id'], r['status'], r['completed_at'], r['assigned_at']],
        Number(r['id']),
      )
  }

  /** Call with every record the batch inserts. */
  add(key: Key, id: number): void {
    if ((this.size + 1) * 3 > this.hashes.length * 2) this.grow()
    this.place(hashOf(key) + 1, id)
    this.size++
  }

  find(key: Key): Record<string, unknown> | undefined {
    const tagged = hashOf(key) + 1
    const mask = this.hashes.length - 1
    let found: Record<string, unknown> | undefined
    for (let slot = tagged & mask; this.hashes[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.hashes[slot] !== tagged) continue
      const id = this.ids[slot] ?? 0
      if (found !== undefined && Number(found['id']) < id) continue
      const row = this.byId.get(id) as Record<string, unknown> | undefined
      if (
        row &&
        same(row['person_id'], key[0]) &&
        same(row['item_id'], key[1]) &&
        same(row['status'], key[2]) &&
        same(row['completed_at'], key[3]) &&
        same(row['assigned_at'], key[4])
      )
        found = row
    }
    return found
  }

  private place(tagged: number, id: number): void {
    const mask = this.hashes.length - 1
    let slot = tagged & mask
    while (this.hashes[slot] !== 0) slot = (slot + 1) & mask
    this.hashes[slot] = tagged
    this.ids[slot] = id
  }

  private grow(): void {
    const hashes = this.hashes
    const ids = this.ids
    this.hashes = new Int32Array(hashes.length * 2)
    this.ids = new Float64Array(ids.length * 2)
    for (let slot = 0; slot < hashes.length; slot++) {
      const tagged = hashes[slot] ?? 0
      if (tagged !== 0) this.place(tagged, ids[slot] ?? 0)
    }
  }
}
