import Database from 'better-sqlite3-multiple-ciphers'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openWorkspaceDb } from '../../src/main/db/openWorkspaceDb'
import { undoImport } from '../../src/main/import/importBatches'
import { keyFromText } from '../../src/main/keys/keyMaterial'

const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'out', 'main', 'cli.js')

export interface CrashFixture {
  dir: string
  workspace: string
  keyFile: string
  keyHex: string
  learningCsv: string
  learningRows: number
}

/** Builds the app if needed, then a workspace with 2,000 people and a learning file of `rows` records for them. */
export function prepareCrashFixture(dir: string, rows = 40_000): CrashFixture {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-built.mjs')], { encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`)
  mkdirSync(dir, { recursive: true })
  const keyHex = 'ab'.repeat(32) // a raw key: no KDF, so each reopen in the loop is cheap
  const keyFile = join(dir, 'w.key')
  writeFileSync(keyFile, `${keyHex}\n`, { mode: 0o600 })
  const workspace = join(dir, 'w.ninefold')
  const peopleCsv = join(dir, 'people.csv')
  writeFileSync(
    peopleCsv,
    ['Employee ID,Full Name', ...Array.from({ length: 2000 }, (_, i) => `E${i + 1},Person ${i + 1}`)].join(
      '\n',
    ),
  )
  const learningCsv = join(dir, 'learning.csv')
  const lines = ['Employee ID,Course ID,Course Title,Status,Score,Completion Date']
  for (let i = 0; i < rows; i++) {
    lines.push(
      `E${(i % 2000) + 1},C-${i % 50},Course ${i % 50},Completed,${50 + (i % 50)},2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    )
  }
  writeFileSync(learningCsv, lines.join('\n'))
  const cli = (args: string[]): void => {
    const r = spawnSync(
      process.execPath,
      [CLI, ...args, '--workspace', workspace, '--key-file', keyFile, '--data-dir', dir],
      { encoding: 'utf8' },
    )
    if (r.status !== 0) throw new Error(`ninefold ${args.join(' ')} failed: ${r.stderr}`)
  }
  cli(['workspace', 'create'])
  cli(['import', peopleCsv, '--as', 'people'])
  return { dir, workspace, keyFile, keyHex, learningCsv, learningRows: rows }
}

export interface WorkspaceState {
  /** integrity_check reads every page in use, and each page's HMAC is checked as it is decrypted. */
  integrity: string
  batches: { total: number; inserted: number }[]
  learningRecords: number
  journalRows: number
  /** The learning table's indexes: a large batch drops them while it loads and builds them again before COMMIT. */
  learningIndexes: string[]
}

/** What learning_records is indexed by in a workspace no import has touched (bulkLoad.ts must leave it so). */
export const LEARNING_INDEXES = [
  'learning_records_item',
  'learning_records_person_item',
  'learning_records_voluntary_done',
]

/** Opens the workspace the way a fresh process would, and reads what a crash could have damaged. */
export function inspectWorkspace(fixture: CrashFixture): WorkspaceState {
  const db = new Database(fixture.workspace, { fileMustExist: true })
  try {
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.key(Buffer.from(`x'${fixture.keyHex}'`))
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      batches: db
        .prepare("SELECT total, inserted FROM import_batches WHERE kind = 'learning' AND undone_at IS NULL")
        .all() as { total: number; inserted: number }[],
      learningRecords: (db.prepare('SELECT count(*) AS n FROM learning_records').get() as { n: number }).n,
      journalRows: (
        db
          .prepare(
            "SELECT count(*) AS n FROM import_changes c JOIN import_batches b ON b.id = c.batch_id WHERE b.kind = 'learning' AND b.undone_at IS NULL",
          )
          .get() as { n: number }
      ).n,
      learningIndexes: (
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'learning_records' AND sql IS NOT NULL ORDER BY name",
          )
          .all() as { name: string }[]
      ).map((r) => r.name),
    }
  } finally {
    db.close()
  }
}

/** Starts `ninefold import` of the learning file and SIGKILLs it after `killAfterMs`; resolves once it is dead. */
export function importAndKill(fixture: CrashFixture, killAfterMs: number): Promise<{ finished: boolean }> {
  return cliAndKill(fixture, ['import', fixture.learningCsv, '--as', 'learning', '--json'], killAfterMs)
}

/** Runs a `ninefold` command on the fixture's workspace and SIGKILLs it after `killAfterMs`. */
export function cliAndKill(
  fixture: Pick<CrashFixture, 'workspace' | 'keyFile' | 'dir'>,
  args: string[],
  killAfterMs: number,
): Promise<{ finished: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        ...args,
        '--workspace',
        fixture.workspace,
        '--key-file',
        fixture.keyFile,
        '--data-dir',
        fixture.dir,
      ],
      { stdio: 'ignore' },
    )
    let finished = false
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      finished = signal === null && code === 0
      resolve({ finished })
    })
  })
}

export function spoolFoldersOf(fixture: CrashFixture): string[] {
  const base = join(fixture.dir, 'tmp', 'import-spool')
  return existsSync(base) ? readdirSync(base) : []
}

/**
 * How long a whole import takes here, measured once (then undone): kill moments are drawn from 0 to 1.2x that, so
 * most kills land inside the import, from process start to after COMMIT, whatever the machine's speed.
 */
export async function measureImportMs(fixture: CrashFixture): Promise<number> {
  const started = Date.now()
  const { finished } = await importAndKill(fixture, 600_000)
  if (!finished) throw new Error('the calibration import did not finish')
  const elapsed = Date.now() - started
  undoCompletedImport(fixture)
  return elapsed
}

/** One crash: kill an import at a random moment, then check the workspace is whole and holds all or nothing. */
export async function crashOnce(
  fixture: CrashFixture,
  random: () => number,
  importMs: number,
): Promise<{ finished: boolean; state: WorkspaceState }> {
  const { finished } = await importAndKill(fixture, Math.floor(random() * importMs * 1.2))
  return { finished, state: inspectWorkspace(fixture) }
}

/** Undo the batch if the import did complete, so the next iteration starts from the same state. */
export function undoCompletedImport(fixture: CrashFixture): void {
  const db = openWorkspaceDb(fixture.workspace, keyFromText(fixture.keyHex), { create: false })
  try {
    const live = db
      .prepare("SELECT id FROM import_batches WHERE kind = 'learning' AND undone_at IS NULL")
      .get() as { id: string } | undefined
    if (live) undoImport(db, live.id, 'crash-test', new Date())
  } finally {
    db.close()
  }
}
