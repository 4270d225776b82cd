// Import benchmarks: our full import (parse in a worker, validate, encrypted store) against the floor — the bare
// parse of the same file plus a bare encrypted bulk insert of the same rows — measured in the same run.
import Database from 'better-sqlite3-multiple-ciphers'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { spawnSync } from 'node:child_process'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { randomRawKey } from '../src/main/keys/keyMaterial'
import { createServices } from '../src/main/services/createServices'

const FIXTURES = join(import.meta.dirname, '..', '.bench')
const DEPARTMENTS = [
  'Engineering',
  'Sales',
  'Customer Success',
  'Operations',
  'Marketing',
  'Finance',
  'People',
  'Legal',
]
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024)

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** Writes a one-sheet workbook with exceljs's streaming writer, once: later runs reuse the file in .bench/. */
async function writeXlsxOnce(
  name: string,
  sheetName: string,
  header: string[],
  rows: number,
  rowAt: (i: number) => unknown[],
): Promise<string> {
  const path = join(FIXTURES, name)
  if (existsSync(path)) return path
  mkdirSync(FIXTURES, { recursive: true })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true })
  const sheet = workbook.addWorksheet(sheetName)
  sheet.addRow(header).commit()
  for (let i = 0; i < rows; i++) sheet.addRow(rowAt(i)).commit()
  sheet.commit()
  await workbook.commit()
  return path
}

/** 100k people × 15 columns, as an HRIS staff export. */
export function peopleXlsx(rows: number): Promise<string> {
  const header = [
    'Employee ID',
    'Full Name',
    'Email',
    'Manager ID',
    'Department',
    'Location',
    'Job Title',
    'Job Level',
    'Hire Date',
    'Employment Status',
    'Cost Center',
    'Gender',
    'Birth Year',
    'Work Pattern',
    'Exit Date',
  ]
  return writeXlsxOnce(`people-${rows}.xlsx`, 'Staff', header, rows, (index) => {
    const i = index + 1
    return [
      `E${i}`,
      `Person ${i}`,
      `person.${i}@example.com`,
      i === 1 ? null : `E${Math.max(1, Math.floor(i / 8))}`,
      DEPARTMENTS[i % 8],
      ['London', 'Austin', 'Berlin'][i % 3],
      `Title ${i % 40}`,
      (i % 6) + 1,
      new Date(Date.UTC(2010 + (i % 15), i % 12, (i % 28) + 1)),
      'Active',
      `CC-${i % 100}`,
      i % 2 ? 'F' : 'M',
      1960 + (i % 40),
      i % 5 ? 'Full time' : 'Part time',
      null,
    ]
  })
}

/** 1M learning records × 8 columns for `people` people, as an LMS transcript export. */
export async function learningCsv(rows: number, people: number): Promise<string> {
  const path = join(FIXTURES, `learning-${rows}.csv`)
  if (existsSync(path)) return path
  mkdirSync(FIXTURES, { recursive: true })
  const out = createWriteStream(path)
  out.write('Employee ID,Course ID,Course Title,Type,Status,Score,Completion Date,Duration\n')
  for (let i = 0; i < rows; i++) {
    const line = `E${(i % people) + 1},C-${i % 500},Course ${i % 500},Course,Completed,${40 + (i % 60)},2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},${15 + (i % 120)}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return path
}

function bareInsert(rows: string[][], columns: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-floor-'))
  try {
    const db = new Database(join(dir, 'floor.db'))
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    const key = randomRawKey()
    if (key.kind !== 'raw') throw new Error('raw key expected')
    db.key(Buffer.from(`x'${key.key.toString('hex')}'`))
    db.pragma('journal_mode = WAL')
    const names = Array.from({ length: columns }, (_, i) => `c${i}`)
    db.exec(`CREATE TABLE t (${names.join(', ')})`)
    const insert = db.prepare(`INSERT INTO t VALUES (${names.map(() => '?').join(', ')})`)
    const start = performance.now()
    db.transaction(() => {
      for (const row of rows) insert.run(...Array.from({ length: columns }, (_, i) => row[i] ?? null))
    })()
    const elapsed = performance.now() - start
    db.close()
    return elapsed
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function pandasMs(code: string): number | null {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import pandas'], { stdio: 'ignore' })
  if (probe.status !== 0) return null
  const run = spawnSync(
    '/usr/bin/python3',
    ['-c', `import time, pandas as pd\nt = time.time()\n${code}\nprint((time.time() - t) * 1000)`],
    { encoding: 'utf8' },
  )
  return run.status === 0 ? Number(run.stdout.trim()) : null
}

async function ours(kind: 'people' | 'learning', path: string, setupPeople?: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-bench-'))
  try {
    const services = createServices({ shell: 'cli', version: 'bench', dataDirectory: dir, actor: 'bench' })
    services.session.create({
      name: 'bench',
      path: join(dir, 'w.ninefold'),
      key: randomRawKey(),
      protection: 'key-file',
    })
    if (setupPeople) {
      const r = await services.dispatcher.dispatch('import.commit', { path: setupPeople, kind: 'people' })
      if (!r.ok) throw new Error(r.error.message)
    }
    let summary: unknown
    const ms = await time(async () => {
      const r = await services.dispatcher.dispatch('import.commit', { path, kind })
      if (!r.ok) throw new Error(r.error.message)
      summary = r.value
    })
    const s = summary as { outcome: string; rows: { inserted: number } }
    if (s.outcome !== 'stored') throw new Error(`import not stored: ${JSON.stringify(summary).slice(0, 500)}`)
    services.dispose()
    return ms
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Our side and the floor run in separate processes, so each peak RSS is its own. */
export interface Half {
  ms: number
  peakRssMb: number
  detail?: string
}

export async function oursPeopleXlsx(rows: number): Promise<Half> {
  const path = await peopleXlsx(rows)
  return { ms: await ours('people', path), peakRssMb: peakRssMb() }
}

/** The xlsx floor: exceljs's streaming read of every row, then a bare encrypted insert of the same rows. */
async function floorXlsx(path: string, columns: number): Promise<Half> {
  const parsed: string[][] = []
  const parseMs = await time(async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      styles: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      entries: 'emit',
    })
    for await (const sheet of reader) {
      for await (const row of sheet) {
        parsed.push(
          ((row as ExcelJS.Row).values as unknown[])
            .slice(1)
            .map((v) =>
              v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v),
            ),
        )
      }
    }
  })
  const insertMs = bareInsert(parsed.slice(1), columns)
  const pandas = pandasMs(`pd.read_excel(${JSON.stringify(path)})`)
  return {
    ms: parseMs + insertMs,
    peakRssMb: peakRssMb(),
    detail:
      `exceljs streaming read ${(parseMs / 1000).toFixed(1)} s + bare encrypted insert ${(insertMs / 1000).toFixed(1)} s` +
      (pandas === null ? '; pandas not installed' : `; pandas read_excel ${(pandas / 1000).toFixed(1)} s`),
  }
}

export async function floorPeopleXlsx(rows: number): Promise<Half> {
  return floorXlsx(await peopleXlsx(rows), 15)
}

async function learningFiles(rows: number, people: number): Promise<{ path: string; peopleCsv: string }> {
  const path = await learningCsv(rows, people)
  const peopleCsv = join(FIXTURES, `people-${people}.csv`)
  if (!existsSync(peopleCsv))
    writeFileSync(
      peopleCsv,
      [
        'Employee ID,Full Name',
        ...Array.from({ length: people }, (_, i) => `E${i + 1},Person ${i + 1}`),
      ].join('\n'),
    )
  return { path, peopleCsv }
}

export async function oursLearningCsv(rows: number, people: number): Promise<Half> {
  const { path, peopleCsv } = await learningFiles(rows, people)
  return { ms: await ours('learning', path, peopleCsv), peakRssMb: peakRssMb() }
}

export async function floorLearningCsv(rows: number, people: number): Promise<Half> {
  const { path } = await learningFiles(rows, people)
  const parsed: string[][] = []
  const parseMs = await time(
    () =>
      new Promise<void>((resolve, reject) => {
        // Papa at its fastest: a Node stream in, whole chunks of records out.
        Papa.parse(createReadStream(path) as unknown as File, {
          delimiter: ',',
          chunk: (results: Papa.ParseResult<string[]>) => {
            for (const record of results.data) parsed.push(record)
          },
          complete: () => resolve(),
          error: (error: Error) => reject(error),
        })
      }),
  )
  const insertMs = bareInsert(parsed.slice(1), 8)
  const pandas = pandasMs(`pd.read_csv(${JSON.stringify(path)})`)
  return {
    ms: parseMs + insertMs,
    peakRssMb: peakRssMb(),
    detail:
      `papaparse streaming parse ${(parseMs / 1000).toFixed(1)} s + bare encrypted insert ${(insertMs / 1000).toFixed(1)} s` +
      (pandas === null
        ? '; pandas not installed'
        : `; pandas read_csv alone ${(pandas / 1000).toFixed(1)} s`),
  }
}

/**
 * How responsive the services stay while a large import runs: people.list round trips (the People screen's call)
 * every 50 ms during a learning import, against the same calls when nothing runs.
 */
export async function responsivenessDuringImport(
  rows: number,
  people: number,
): Promise<{ idleP95: number; busyP95: number; busyMax: number; calls: number }> {
  const { path, peopleCsv } = await learningFiles(rows, people)
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-bench-'))
  try {
    const services = createServices({ shell: 'cli', version: 'bench', dataDirectory: dir, actor: 'bench' })
    services.session.create({
      name: 'bench',
      path: join(dir, 'w.ninefold'),
      key: randomRawKey(),
      protection: 'key-file',
    })
    await services.dispatcher.dispatch('import.commit', { path: peopleCsv, kind: 'people' })
    const call = async (): Promise<number> => {
      const start = performance.now()
      await services.dispatcher.dispatch('people.list', { limit: 200 })
      return performance.now() - start
    }
    const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0
    const idle: number[] = []
    for (let i = 0; i < 40; i++) idle.push(await call())
    // A request "arrives" every 50 ms; its latency runs from then (not from when the busy event loop got to it) to
    // its answer, as a person clicking in the People screen would feel it.
    const busy: number[] = []
    let done = false
    const importing = services.dispatcher
      .dispatch('import.commit', { path, kind: 'learning' })
      .finally(() => (done = true))
    while (!done) {
      const due = performance.now() + 50
      await new Promise((r) => setTimeout(r, 50))
      await services.dispatcher.dispatch('people.list', { limit: 200 })
      busy.push(performance.now() - due)
    }
    await importing
    services.dispose()
    return { idleP95: p95(idle), busyP95: p95(busy), busyMax: Math.max(...busy), calls: busy.length }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The same learning records as an xlsx. */
export function learningXlsx(rows: number, people: number): Promise<string> {
  const header = [
    'Employee ID',
    'Course ID',
    'Course Title',
    'Type',
    'Status',
    'Score',
    'Completion Date',
    'Duration',
  ]
  return writeXlsxOnce(`learning-${rows}.xlsx`, 'Transcript', header, rows, (i) => [
    `E${(i % people) + 1}`,
    `C-${i % 500}`,
    `Course ${i % 500}`,
    'Course',
    'Completed',
    40 + (i % 60),
    new Date(Date.UTC(2025, i % 12, (i % 28) + 1)),
    15 + (i % 120),
  ])
}

export async function oursLearningXlsx(rows: number, people: number): Promise<Half> {
  const { peopleCsv } = await learningFiles(rows, people)
  const path = await learningXlsx(rows, people)
  return { ms: await ours('learning', path, peopleCsv), peakRssMb: peakRssMb() }
}

export async function floorLearningXlsx(rows: number, people: number): Promise<Half> {
  return floorXlsx(await learningXlsx(rows, people), 8)
}
