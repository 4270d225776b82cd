// `npm run bench`: each benchmark runs in its own child process (so its peak memory is its own) and prints our
// time against a baseline measured in the same run on the same machine, as a ratio.
import Database from 'better-sqlite3-multiple-ciphers'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDemoOrganisation } from '../src/core/demo'
import { migrate } from '../src/main/db/migrate'
import { openWorkspaceDb } from '../src/main/db/openWorkspaceDb'
import { randomRawKey } from '../src/main/keys/keyMaterial'
import { createServices } from '../src/main/services/createServices'
import { calibrationCoreBench } from './calibrationBench'
import { insightTimings } from './insightsBench'
import { successionReportBench } from './successionBench'
import { lrsPullBench } from './lrsBench'
import { xlsxReadBench } from './xlsxReadBench'
import { XAPI_BENCH_TARGET_MB, xapiImportBench } from './xapiImportBench'
import {
  floorLearningCsvInto,
  floorPeopleXlsx,
  oursLearningCsvInto,
  prepareLearningCsv,
  oursPeopleXlsx,
  oursLearningXlsx,
  floorLearningXlsx,
  responsivenessDuringImport,
  type Half,
} from './importBench'

interface Measurement {
  name: string
  oursMs: number
  baselineMs: number
  baseline: string
  peakRssMb: number
  note?: string
}

const AS_OF = '2026-11-01'
const time = async (fn: () => unknown): Promise<number> => {
  const start = performance.now()
  await fn()
  return performance.now() - start
}
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024)

function services(dir: string) {
  return createServices({
    shell: 'cli',
    version: 'bench',
    dataDirectory: dir,
    actor: 'bench',
    now: () => new Date(`${AS_OF}T09:00:00Z`),
  })
}

/** Our demo fill (generation + validation + one transaction) vs inserting the same people rows with bare SQL. */
async function demoFill(people: number): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-bench-'))
  try {
    const svc = services(dir)
    svc.session.create({
      name: 'bench',
      path: join(dir, 'ours.ninefold'),
      key: randomRawKey(),
      protection: 'key-file',
    })
    let rows = 0
    const oursMs = await time(async () => {
      const result = await svc.dispatcher.dispatch('demo.populate', { people, seed: 1 })
      if (!result.ok) throw new Error(result.error.message)
      const v = result.value as {
        people: number
        reviews: number
        competencyRatings: number
        learningRecords: number
      }
      rows = v.people + v.reviews + v.competencyRatings + v.learningRecords
    })
    svc.dispose()

    // Baseline: the same number of rows of the same shape, pre-generated, inserted into the same encrypted schema.
    const org = createDemoOrganisation({ people, seed: 1, asOf: AS_OF })
    const all = [...org.records()]
    const db = openWorkspaceDb(join(dir, 'baseline.ninefold'), randomRawKey(), { create: true })
    migrate(db)
    const baselineMs = await time(() => {
      db.transaction(() => {
        const person = db.prepare(
          'INSERT INTO people (employee_id, full_name, email, manager_id, department, location, job_title, job_level, hire_date) VALUES (?,?,?,?,?,?,?,?,?)',
        )
        const item = db.prepare(
          "INSERT INTO learning_items (activity_id, title, activity_type) VALUES (?, ?, 'course')",
        )
        db.prepare("INSERT INTO review_cycles (name, scale_min, scale_max) VALUES ('c', 1, 5)").run()
        db.prepare("INSERT INTO skills (name) VALUES ('s')").run()
        item.run('i', 'i')
        const review = db.prepare(
          'INSERT INTO reviews (person_id, cycle_id, overall_rating, potential_rating, reviewer_id, review_date) VALUES (?, 1, ?, ?, ?, ?)',
        )
        const rating = db.prepare(
          "INSERT INTO competency_ratings (person_id, cycle_id, skill_id, level, source, rated_by, rated_at) VALUES (?, 1, 1, ?, 'manager', ?, ?)",
        )
        const learning = db.prepare(
          "INSERT INTO learning_records (person_id, item_id, status, score, completed_at, due_at) VALUES (?, 1, 'completed', ?, ?, ?)",
        )
        for (const { person: p, records } of all) {
          const id = person.run(
            p.employeeId,
            p.fullName,
            p.email,
            p.managerId,
            p.department,
            p.location,
            p.jobTitle,
            p.jobLevel,
            p.hireDate,
          ).lastInsertRowid
          for (const r of records.reviews) {
            // A person has one review per cycle; the baseline has one cycle, so later reviews are counted as ratings.
            review.run(id, r.overallRating, r.potentialRating, r.reviewerId, r.reviewDate)
            break
          }
          for (const r of records.reviews.slice(1))
            rating.run(id, r.overallRating, r.reviewerId, r.reviewDate)
          for (const r of records.competencyRatings) rating.run(id, r.level, r.ratedBy, r.ratedAt)
          for (const r of records.learningRecords) learning.run(id, r.score, r.completedAt, r.dueAt)
        }
      })()
    })
    db.close()
    return {
      name: `demo fill, ${people.toLocaleString('en-US')} people (${rows.toLocaleString('en-US')} rows)`,
      oursMs,
      baselineMs,
      baseline: 'bare INSERTs of pre-generated rows, same encrypted schema, one transaction',
      peakRssMb: peakRssMb(),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** people.list through the dispatcher (validation, join for manager names) vs a bare SELECT of the same page. */
async function peoplePages(people: number): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-bench-'))
  try {
    const svc = services(dir)
    svc.session.create({
      name: 'bench',
      path: join(dir, 'w.ninefold'),
      key: randomRawKey(),
      protection: 'key-file',
    })
    await svc.dispatcher.dispatch('demo.populate', { people, seed: 1 })
    const offsets = [0, Math.floor(people / 2), people - 200]
    const rounds = 20
    const pageMs = async (field: string): Promise<number> =>
      (await time(async () => {
        for (let i = 0; i < rounds; i++) {
          for (const offset of offsets) {
            const r = await svc.dispatcher.dispatch('people.list', {
              offset,
              limit: 200,
              sort: { field, direction: 'desc' },
            })
            if (!r.ok) throw new Error(r.error.message)
          }
        }
      })) /
      (rounds * offsets.length)
    const byHireDate = await pageMs('hireDate')
    const byManager = await pageMs('managerName')
    const bare = svc.session.db.prepare(
      'SELECT * FROM people ORDER BY hire_date DESC, employee_id DESC LIMIT 200 OFFSET ?',
    )
    const baselineMs =
      (await time(() => {
        for (let i = 0; i < rounds; i++) for (const offset of offsets) bare.all(offset)
      })) /
      (rounds * offsets.length)
    svc.dispose()
    return {
      name: `people.list, ${people.toLocaleString('en-US')} people, a 200-row page (first, middle, last) by hire date`,
      oursMs: byHireDate,
      baselineMs,
      baseline: 'bare SELECT … ORDER BY hire_date LIMIT/OFFSET, same file: no join, count or validation',
      peakRssMb: peakRssMb(),
      note: `sorted by manager name instead (a join, no index): ${byManager.toFixed(1)} ms per page`,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Opening a workspace: the passphrase KDF dominates, by design. */
async function openCost(): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-bench-'))
  try {
    const path = join(dir, 'w.ninefold')
    const create = openWorkspaceDb(
      path,
      { kind: 'passphrase', passphrase: 'benchmark passphrase' },
      { create: true },
    )
    migrate(create)
    create.close()
    const oursMs = await time(() =>
      openWorkspaceDb(
        path,
        { kind: 'passphrase', passphrase: 'benchmark passphrase' },
        { create: false },
      ).close(),
    )
    const plainPath = join(dir, 'plain.sqlite')
    new Database(plainPath).close()
    const baselineMs = await time(() => {
      const db = new Database(plainPath)
      db.prepare('SELECT count(*) FROM sqlite_master').get()
      db.close()
    })
    return {
      name: 'open a passphrase workspace',
      oursMs,
      baselineMs,
      baseline: 'open an unencrypted SQLite file',
      peakRssMb: peakRssMb(),
      note: 'PBKDF2-SHA512 × 256,000 is the point: it is what a guess costs an attacker too',
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const BENCHMARKS: Record<string, () => Promise<Measurement>> = {
  'succession-report-500': async () => {
    const r = await successionReportBench(500, 10)
    return {
      name: 'succession report, 500 roles × 10 candidates (best of 9)',
      oursMs: r.oursMs,
      baselineMs: r.baselineMs,
      baseline:
        "exceljs's streaming writer writing the same cells bare (no widths, panes, filters, colours, print setup)",
      peakRssMb: peakRssMb(),
      note: 'target ≤ 1.2×',
    }
  },
  'calibration-core-50k': async () => {
    const people = Math.round(50_000 * Number(process.env['NINEFOLD_BENCH_SCALE'] ?? 1))
    const r = calibrationCoreBench(people)
    return {
      name: `calibration core, ${people.toLocaleString('en-US')} people: placements, agility ranks and every flag (median of 9)`,
      oursMs: r.oursMs,
      baselineMs: r.baselineMs,
      baseline: 'one bare pass reading every review, rating and learning record once',
      peakRssMb: peakRssMb(),
      note: `${r.placed.toLocaleString('en-US')} placed, ${r.flags.toLocaleString('en-US')} flags; target ≤ 250 ms`,
    }
  },
  'insights-50k': async () => {
    const people = Math.round(50_000 * Number(process.env['NINEFOLD_BENCH_SCALE'] ?? 1))
    const dir = mkdtempSync(join(tmpdir(), 'ninefold-bench-insights-'))
    try {
      const svc = services(dir)
      svc.session.create({
        name: 'bench',
        path: join(dir, 'insights.ninefold'),
        key: randomRawKey(),
        protection: 'key-file',
      })
      const filled = await svc.dispatcher.dispatch('demo.populate', { people, seed: 1 })
      if (!filled.ok) throw new Error(filled.error.message)
      const { views, baselineMs } = await insightTimings(svc)
      svc.dispose()
      const slowest = views.reduce((a, b) => (b.ms > a.ms ? b : a))
      return {
        name: `Insights views and the fairness audit, ${people.toLocaleString('en-US')} people (median of 5 each; ours = the slowest)`,
        oursMs: slowest.ms,
        baselineMs,
        baseline: 'one bare scan of every learning record',
        peakRssMb: peakRssMb(),
        note: `target ≤ 300 ms each: ${views.map((v) => `${v.view} ${v.ms.toFixed(0)} ms`).join('; ')}`,
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
  'lrs-pull-10k': async () => {
    const statements = Math.round(10_000 * Number(process.env['NINEFOLD_BENCH_SCALE'] ?? 1))
    const r = await lrsPullBench(services, statements)
    return {
      name: `pull ${statements.toLocaleString('en-US')} xAPI statements from a real LRS on loopback, pages of 500 (median of 3)`,
      oursMs: r.oursMs,
      baselineMs: r.baselineMs,
      baseline:
        'a bare paging loop over the same server: fetch and parse every page, store nothing (median of 3)',
      peakRssMb: peakRssMb(),
      note: `target ≤ 1.5×; ${r.stored.toLocaleString('en-US')} stored in ${r.pages} page(s), ${Math.round(r.stored / (r.oursMs / 1000)).toLocaleString('en-US')} statements/s stored`,
    }
  },
  'xlsx-read-people': async () => {
    const rows = Math.round(100_000 * Number(process.env['NINEFOLD_BENCH_SCALE'] ?? 1))
    const r = await xlsxReadBench(rows)
    return {
      name: `bare xlsx read, people ${rows.toLocaleString('en-US')} rows × 15 columns: our reader (median of 5)`,
      oursMs: r.oursMs,
      baselineMs: r.exceljsMs,
      baseline: "exceljs's streaming WorkbookReader reading every row of the same file (median of 5)",
      peakRssMb: r.oursPeakRssMb,
      note: `target ≤ 0.6×; ${r.cells.toLocaleString('en-US')} cells; peak RSS ${r.oursPeakRssMb} MB after ours, ${r.bothPeakRssMb} MB after exceljs too`,
    }
  },
  'xapi-import-200mb': async () => {
    const megabytes = Math.round(200 * Number(process.env['NINEFOLD_BENCH_SCALE'] ?? 1))
    const dir = mkdtempSync(join(tmpdir(), 'ninefold-bench-xapi-'))
    try {
      const r = await xapiImportBench(services, dir, megabytes)
      return {
        name: `import a ${r.fileMb} MB single-line xAPI statements file (${r.statements.toLocaleString('en-US')} statements, dry run: read, checked, stored, rolled back)`,
        oursMs: r.oursMs,
        baselineMs: r.baselineMs,
        baseline:
          'reading the file and JSON.parse of it whole (how it was read before; nothing checked or stored)',
        peakRssMb: r.oursPeakRssMb,
        note: `peak RSS ${r.oursPeakRssMb} MB after ours (target ≤ ${XAPI_BENCH_TARGET_MB} MiB: ${r.oursPeakRssMb <= XAPI_BENCH_TARGET_MB ? 'met' : 'MISSED'}); ${Math.round(r.statements / (r.oursMs / 1000)).toLocaleString('en-US')} statements/s`,
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
  'demo-fill-20k': () => demoFill(20_000),
  'people-list-100k': () => peoplePages(100_000),
  'open-workspace': () => openCost(),
  'responsive-during-import': async () => {
    const rows = Math.round(1_000_000 * Number(process.env['NINEFOLD_BENCH_SCALE'] ?? 1))
    const r = await responsivenessDuringImport(rows, Math.round(rows / 10))
    return {
      name: `people.list while a ${rows.toLocaleString('en-US')}-row learning import runs (p95 round trip)`,
      oursMs: r.busyP95,
      baselineMs: r.idleP95,
      baseline: 'the same call with nothing running',
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      note: `${r.calls} calls during the import, slowest ${r.busyMax.toFixed(0)} ms; parsing runs on a worker, the store yields every 500 rows`,
    }
  },
}

/** Import benchmarks: ours and the floor each in a process of its own (see importBench.ts). */
const SCALE = Number(process.env['NINEFOLD_BENCH_SCALE'] ?? 1)
const PEOPLE_ROWS = Math.round(100_000 * SCALE)
const LEARNING_ROWS = Math.round(1_000_000 * SCALE)
const IMPORT_TARGET_RSS_MB = 512
const IMPORT_BENCHMARKS: Record<
  string,
  {
    title: string
    ours: () => Promise<Half>
    floor: () => Promise<Half>
    /** Fixtures made before either half runs (files, template workspaces), so neither pays for them. */
    prepare?: () => Promise<Half>
    /** Ours and the floor alternate this many times; the medians are compared. */
    rounds?: number
    target?: number
  }
> = {
  'import-people-xlsx': {
    title: `import people xlsx, ${PEOPLE_ROWS.toLocaleString('en-US')} rows × 15 columns`,
    ours: () => oursPeopleXlsx(PEOPLE_ROWS),
    floor: () => floorPeopleXlsx(PEOPLE_ROWS),
  },
  'import-learning-xlsx': {
    title: `import learning xlsx, ${LEARNING_ROWS.toLocaleString('en-US')} rows × 8 columns`,
    ours: () => oursLearningXlsx(LEARNING_ROWS, PEOPLE_ROWS),
    floor: () => floorLearningXlsx(LEARNING_ROWS, PEOPLE_ROWS),
  },
  'import-learning-csv': {
    title: `import learning csv, ${LEARNING_ROWS.toLocaleString('en-US')} rows × 8 columns, into a workspace holding a 20,000-person demo (median of 3)`,
    prepare: () => prepareLearningCsv(LEARNING_ROWS, 'demo'),
    ours: () => oursLearningCsvInto(LEARNING_ROWS, 'demo'),
    floor: () => floorLearningCsvInto(LEARNING_ROWS, 'demo'),
    rounds: 3,
    target: 2.0,
  },
  'import-learning-csv-first-load': {
    title: `import learning csv, ${LEARNING_ROWS.toLocaleString('en-US')} rows × 8 columns, a first load (the same 20,000 people, no records yet; median of 3)`,
    prepare: () => prepareLearningCsv(LEARNING_ROWS, 'first-load'),
    ours: () => oursLearningCsvInto(LEARNING_ROWS, 'first-load'),
    floor: () => floorLearningCsvInto(LEARNING_ROWS, 'first-load'),
    rounds: 3,
    target: 1.5,
  },
}

/** The run with the median time (its detail goes with it). */
function medianHalf(halves: Half[]): Half {
  const sorted = [...halves].sort((a, b) => a.ms - b.ms)
  const median = sorted[Math.floor(sorted.length / 2)]
  if (!median) throw new Error('no runs')
  return median
}

function runChild(args: string[]): unknown {
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  })
  if (child.status !== 0) throw new Error(child.stderr)
  return JSON.parse(child.stdout)
}

async function main(): Promise<void> {
  process.env['NINEFOLD_PARSE_WORKER'] ??= join(import.meta.dirname, '..', 'out', 'main', 'parseWorker.js')
  const [only, half] = process.argv.slice(2)
  if (only && half) {
    const bench = IMPORT_BENCHMARKS[only]
    const run = half === 'ours' || half === 'floor' || half === 'prepare' ? bench?.[half] : undefined
    if (!run) throw new Error(`unknown benchmark ${only} ${half}`)
    process.stdout.write(JSON.stringify(await run()))
    return
  }
  if (only) {
    const bench = BENCHMARKS[only]
    if (!bench) throw new Error(`unknown benchmark ${only}`)
    process.stdout.write(JSON.stringify(await bench()))
    return
  }
  console.log(`Ninefold benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`)
  // NINEFOLD_BENCH_ONLY=xlsx-read-people,import-people-xlsx runs just those, printed the same way.
  const chosen = process.env['NINEFOLD_BENCH_ONLY']?.split(',')
  const wanted = (name: string): boolean => !chosen || chosen.includes(name)
  for (const name of Object.keys(BENCHMARKS).filter(wanted)) {
    try {
      const m = runChild([name]) as Measurement
      console.log(m.name)
      console.log(`  ours     ${m.oursMs.toFixed(1).padStart(9)} ms`)
      console.log(`  baseline ${m.baselineMs.toFixed(1).padStart(9)} ms   (${m.baseline})`)
      console.log(
        `  ratio    ${(m.oursMs / m.baselineMs).toFixed(2).padStart(9)} ×   peak RSS ${m.peakRssMb} MB`,
      )
      if (m.note) console.log(`  note: ${m.note}`)
      console.log('')
    } catch (error) {
      console.log(`${name}: FAILED\n${String(error)}`)
      process.exitCode = 1
    }
  }
  for (const [name, bench] of Object.entries(IMPORT_BENCHMARKS).filter(([name]) => wanted(name))) {
    try {
      if (bench.prepare) runChild([name, 'prepare'])
      const oursRuns: Half[] = []
      const floorRuns: Half[] = []
      for (let round = 0; round < (bench.rounds ?? 1); round++) {
        oursRuns.push(runChild([name, 'ours']) as Half)
        floorRuns.push(runChild([name, 'floor']) as Half)
      }
      const ours = medianHalf(oursRuns)
      const floor = medianHalf(floorRuns)
      const rss = Math.max(...oursRuns.map((h) => h.peakRssMb))
      const pandas = /pandas read_\w+(?: alone)? ([\d.]+) s/.exec(floor.detail ?? '')?.[1]
      const duck = /DuckDB persisted load ([\d.]+) s/.exec(floor.detail ?? '')?.[1]
      const ratio = ours.ms / floor.ms
      const runs = (halves: Half[]): string =>
        halves.length > 1 ? `; runs ${halves.map((h) => (h.ms / 1000).toFixed(1)).join(', ')} s` : ''
      console.log(bench.title)
      console.log(
        `  ours  ${(ours.ms / 1000).toFixed(1).padStart(7)} s   peak RSS ${rss} MB${runs(oursRuns)}`,
      )
      console.log(
        `  floor ${(floor.ms / 1000).toFixed(1).padStart(7)} s   (${floor.detail}${runs(floorRuns)})`,
      )
      console.log(
        `  ratio ${ratio.toFixed(2).padStart(7)} × floor${pandas ? `, ${(ours.ms / (Number(pandas) * 1000)).toFixed(2)} × pandas` : ''}${duck ? `, ${(ours.ms / (Number(duck) * 1000)).toFixed(2)} × DuckDB` : ', DuckDB not measured'}`,
      )
      const rssTarget = `peak RSS ≤ ${IMPORT_TARGET_RSS_MB} MiB: ${rss <= IMPORT_TARGET_RSS_MB ? 'met' : 'MISSED'}`
      console.log(
        bench.target === undefined
          ? `  target ${rssTarget}`
          : `  target ≤ ${bench.target.toFixed(1)} × floor: ${ratio <= bench.target ? 'met' : 'MISSED'}; ${rssTarget}`,
      )
      console.log('')
    } catch (error) {
      console.log(`${name}: FAILED\n${String(error)}`)
      process.exitCode = 1
    }
  }
}

void main()
