// `npm run bench:crash`: 1,000 imports killed at random moments (the test suite runs 100). Prints how many kills
// landed before and after COMMIT, and fails on the first workspace that is damaged or holds part of a batch.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRandom } from '../src/core/random'
import { BULK_LOAD_AFTER_ROWS } from '../src/main/import/bulkLoad'
import {
  crashOnce,
  LEARNING_INDEXES,
  measureImportMs,
  prepareCrashFixture,
  undoCompletedImport,
} from '../test/support/crashLoop'

const KILLS = Number(process.argv[2] ?? 1000)

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-crash-'))
  try {
    const fixture = prepareCrashFixture(dir, 4_000)
    const importMs = await measureImportMs(fixture)
    const random = createRandom(Date.now() >>> 0).next
    let before = 0
    let after = 0
    const started = Date.now()
    for (let i = 1; i <= KILLS; i++) {
      const { state } = await crashOnce(fixture, random, importMs)
      const partial =
        state.batches.length === 0
          ? state.learningRecords !== 0 || state.journalRows !== 0
          : state.learningRecords !== fixture.learningRows
      const indexesWhole = state.learningIndexes.join() === LEARNING_INDEXES.join()
      if (state.integrity !== 'ok' || partial || !indexesWhole) {
        console.error(`kill ${i}: DAMAGED ${JSON.stringify(state)}`)
        process.exitCode = 1
        return
      }
      if (state.batches.length === 0) before++
      else {
        after++
        undoCompletedImport(fixture)
      }
      if (i % 100 === 0)
        console.log(
          `${i} kills: ${before} before COMMIT, ${after} after; all whole (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        )
    }
    console.log(
      `\n${KILLS} kills of a ${fixture.learningRows}-row import (${importMs} ms when not killed; ${before} killed before COMMIT, ${after} after): every workspace passed integrity_check and cipher_integrity_check, held the whole batch or none of it, and kept the learning table's indexes (the import loads past ${BULK_LOAD_AFTER_ROWS} rows without them).`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
