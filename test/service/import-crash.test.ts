import { expect, it } from 'vitest'
import { describe } from 'vitest'
import { createRandom } from '../../src/core/random'
import {
  crashOnce,
  measureImportMs,
  inspectWorkspace,
  LEARNING_INDEXES,
  prepareCrashFixture,
  spoolFoldersOf,
  undoCompletedImport,
  importAndKill,
} from '../support/crashLoop'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const KILLS = Number(process.env['NINEFOLD_KILLS'] ?? 100)

describe('an import killed at a random moment', () => {
  it(
    `leaves a whole, encrypted workspace holding all of the batch or none of it (${KILLS} kills)`,
    { timeout: 600_000 },
    async () => {
      const fixture = prepareCrashFixture(tempDir(), 4_000)
      const random = createRandom(20261123).next
      const importMs = await measureImportMs(fixture)
      let completed = 0
      for (let i = 0; i < KILLS; i++) {
        const { finished, state } = await crashOnce(fixture, random, importMs)
        expect(state.integrity, `kill ${i}`).toBe('ok')
        // The batch loads past BULK_LOAD_AFTER_ROWS without the learning indexes: a kill never loses them.
        expect(state.learningIndexes, `kill ${i}`).toEqual(LEARNING_INDEXES)
        if (state.batches.length === 0) {
          // Killed before COMMIT: not one row, not one journal entry of the batch survived.
          expect(finished, `kill ${i}`).toBe(false)
          expect(state.learningRecords, `kill ${i}`).toBe(0)
          expect(state.journalRows, `kill ${i}`).toBe(0)
        } else {
          expect(state.batches, `kill ${i}`).toEqual([
            { total: fixture.learningRows, inserted: fixture.learningRows },
          ])
          expect(state.learningRecords, `kill ${i}`).toBe(fixture.learningRows)
          completed++
          undoCompletedImport(fixture)
        }
      }
      // Both outcomes were exercised, or the test proved less than it claims.
      expect(completed).toBeGreaterThan(0)
      expect(completed).toBeLessThan(KILLS)

      // A clean import afterwards gives exactly the clean counts.
      const clean = await importAndKill(fixture, 120_000)
      expect(clean.finished).toBe(true)
      expect(inspectWorkspace(fixture)).toMatchObject({
        integrity: 'ok',
        batches: [{ total: fixture.learningRows, inserted: fixture.learningRows }],
      })
      // Killed imports leave spool folders; the next process to start clears every one of a dead process.
      expect(spoolFoldersOf(fixture).length).toBeLessThanOrEqual(1)
    },
  )
})
