import Database from 'better-sqlite3-multiple-ciphers'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRandom } from '../../src/core/random'
import { cipherKeyBuffer, keyFromText } from '../../src/main/keys/keyMaterial'
import { cliAndKill } from '../support/crashLoop'
import { useTempDirs } from '../support/tempDir'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'

const tempDir = useTempDirs()
const KILLS = Number(process.env['NINEFOLD_WRITE_KILLS'] ?? 12)
const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'out', 'main', 'cli.js')

interface Workspace {
  dir: string
  workspace: string
  keyFile: string
}

function cli(ws: Workspace, args: string[]): string {
  const r = spawnSync(
    process.execPath,
    [CLI, ...args, '--workspace', ws.workspace, '--key-file', ws.keyFile, '--data-dir', ws.dir, '--json'],
    { encoding: 'utf8' },
  )
  if (r.status !== 0) throw new Error(`ninefold ${args.join(' ')} failed: ${r.stderr}`)
  return r.stdout
}

/** Reads the workspace as a fresh process would after the kill; integrity_check authenticates every page it reads. */
function inspect<T>(ws: Workspace, read: (db: Database.Database) => T): { integrity: string; value: T } {
  const db = new Database(ws.workspace, { fileMustExist: true })
  try {
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.key(cipherKeyBuffer(keyFromText(readFileSync(ws.keyFile, 'utf8').split('\n')[0] ?? '')))
    return { integrity: db.pragma('integrity_check', { simple: true }) as string, value: read(db) }
  } finally {
    db.close()
  }
}

/**
 * KILLS kills at random moments; then, only if they all fell on one side of the commit (on a loaded machine a step
 * can run slower than the one timed), more kills later or earlier until both outcomes have been seen.
 */
const moreKills = (i: number, outcomesSeen: number): boolean =>
  i < KILLS || (outcomesSeen < 2 && i < KILLS + 8)
const killAfter = (i: number, random: () => number, measuredMs: number, landedSeen: boolean): number =>
  i < KILLS ? Math.floor(random() * measuredMs * 1.2) : landedSeen ? 0 : measuredMs * 2 ** (i - KILLS + 1)

const timed = (run: () => void): number => {
  const started = Date.now()
  run()
  return Date.now() - started
}

function demoWorkspace(): Workspace {
  const dir = tempDir()
  const ws = { dir, workspace: join(dir, 'w.ninefold'), keyFile: join(dir, 'w.key') }
  cli(ws, ['demo', '--people', '1500', '--seed', '7'])
  return ws
}

describe('writes killed at a random moment leave a whole workspace with all of the change or none of it', () => {
  it(`a calibration move of 300 people (${KILLS} kills)`, { timeout: 300_000 }, async () => {
    const ws = demoWorkspace()
    const { sessionId } = JSON.parse(cli(ws, ['calibration', 'create', '--name', 'All'])) as {
      sessionId: string
    }
    const view = JSON.parse(cli(ws, ['calibration', 'show', sessionId])) as {
      placements: { employeeId: string; box: number }[]
    }
    const movers = view.placements.filter((p) => p.box !== 9).slice(0, 300)
    expect(movers.length).toBe(300)
    const args = ['calibration', 'move', sessionId, ...movers.flatMap((p) => ['--person', p.employeeId])]
    const move = [...args, '--box', '9', '--reason', 'crash test: the whole group in one step']
    const moveRows = (db: Database.Database): number =>
      (
        db.prepare('SELECT count(*) AS n FROM calibration_moves WHERE session_id = ?').get(sessionId) as {
          n: number
        }
      ).n
    const moveMs = timed(() => cli(ws, move))
    const random = createRandom(20261124).next
    let previous = inspect(ws, moveRows).value
    expect(previous).toBe(300)
    const outcomes = new Set<boolean>()
    for (let i = 0; moreKills(i, outcomes.size); i++) {
      // Each step moves the group the other way, so every step that lands writes 300 rows.
      const step = [...args, '--box', i % 2 === 0 ? '5' : '9', '--reason', 'crash test step']
      await cliAndKill(ws, step, killAfter(i, random, moveMs, outcomes.has(true)))
      const { integrity, value } = inspect(ws, moveRows)
      expect(integrity, `kill ${i}`).toBe('ok')
      expect([previous, previous + 300], `kill ${i}`).toContain(value)
      outcomes.add(value > previous)
      // Killed before it landed: make the step now, so the next one is a move again.
      if (value === previous) cli(ws, step)
      previous += 300
    }
    expect(outcomes).toEqual(new Set([true, false]))
  })

  it(`a rule writing its assignments to the outbox (${KILLS} kills)`, { timeout: 300_000 }, async () => {
    const ws = demoWorkspace()
    const ruleId = [1, 2, 3, 4, 5, 6].find((id) => {
      try {
        return (
          (JSON.parse(cli(ws, ['rules', 'apply', String(id), '--dry-run'])) as { matched: number }).matched >=
          20
        )
      } catch {
        return false
      }
    })
    expect(ruleId).toBeDefined()
    const before = inspect(
      ws,
      (db) => (db.prepare('SELECT max(id) AS id FROM outbox_actions').get() as { id: number }).id,
    ).value
    const actions = (db: Database.Database): number =>
      (db.prepare('SELECT count(*) AS n FROM outbox_actions WHERE id > ?').get(before) as { n: number }).n
    const applyMs = timed(() => cli(ws, ['rules', 'apply', String(ruleId)]))
    const full = inspect(ws, actions).value
    expect(full).toBeGreaterThan(0)
    const reset = (): void => {
      const db = new Database(ws.workspace, { fileMustExist: true })
      db.pragma(`cipher = 'sqlcipher'`)
      db.pragma('legacy = 4')
      db.key(cipherKeyBuffer(keyFromText(readFileSync(ws.keyFile, 'utf8').split('\n')[0] ?? '')))
      db.prepare('DELETE FROM outbox_actions WHERE id > ?').run(before)
      db.close()
    }
    reset()
    const random = createRandom(20261125).next
    const outcomes = new Set<number>()
    for (let i = 0; moreKills(i, outcomes.size); i++) {
      await cliAndKill(
        ws,
        ['rules', 'apply', String(ruleId)],
        killAfter(i, random, applyMs, outcomes.has(full)),
      )
      const { integrity, value } = inspect(ws, actions)
      expect(integrity, `kill ${i}`).toBe('ok')
      expect([0, full], `kill ${i}`).toContain(value)
      outcomes.add(value)
      if (value > 0) reset()
    }
    expect(outcomes).toEqual(new Set([0, full]))
  })

  it(
    `a restore (${KILLS} kills): the workspace opens as it was or as the backup, never in between`,
    { timeout: 300_000 },
    async () => {
      const ws = demoWorkspace()
      const backup = join(ws.dir, 'before-sessions.ninefold')
      cli(ws, ['backup', '--out', backup])
      const sessions = (db: Database.Database): number =>
        (db.prepare('SELECT count(*) AS n FROM calibration_sessions').get() as { n: number }).n
      cli(ws, ['calibration', 'create', '--name', 'After the backup'])
      const restoreMs = timed(() => cli(ws, ['restore', backup]))
      expect(inspect(ws, sessions).value).toBe(0)
      cli(ws, ['calibration', 'create', '--name', 'After the backup'])
      const random = createRandom(20261126).next
      const outcomes = new Set<number>()
      for (let i = 0; moreKills(i, outcomes.size); i++) {
        await cliAndKill(ws, ['restore', backup], killAfter(i, random, restoreMs, outcomes.has(0)))
        const { integrity, value } = inspect(ws, sessions)
        expect(integrity, `kill ${i}`).toBe('ok')
        expect([0, 1], `kill ${i}`).toContain(value)
        outcomes.add(value)
        // The next process opens it as usual (a leftover copy beside it changes nothing).
        expect(JSON.parse(cli(ws, ['workspace', 'info']))).toMatchObject({
          schemaVersion: LATEST_SCHEMA_VERSION,
        })
        if (value === 0) cli(ws, ['calibration', 'create', '--name', 'After the backup'])
      }
      expect(outcomes).toEqual(new Set([0, 1]))
    },
  )
})
