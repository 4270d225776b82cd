// Importing a 200 MB single-line xAPI statements file (a dry run: every statement is read, checked, stored and its
// learning record written inside the import's transaction, which is then rolled back). Memory is the point: the
// file is read statement by statement, so the peak must stay under the target whatever the file's size.
import { randomUUID } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { randomRawKey } from '../src/main/keys/keyMaterial'
import type { Services } from '../src/main/services/createServices'

export const XAPI_BENCH_TARGET_MB = 512

const DATASIM = join(
  import.meta.dirname,
  '..',
  '..',
  'shared',
  'data',
  'xapi',
  'datasim',
  'tccc_dev_statements_array.json',
)

/**
 * Writes `.bench/xapi-<MB>mb.json` once: the DATASIM statements over and over, each with a fresh id, as one JSON
 * array on one line (the layout that used to be parsed whole).
 */
export async function xapiStatementsFile(megabytes: number): Promise<{ path: string; statements: number }> {
  const dir = join(import.meta.dirname, '..', '.bench')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `xapi-${megabytes}mb.json`)
  const countPath = `${path}.count`
  if (existsSync(path) && existsSync(countPath))
    return { path, statements: Number(readFileSync(countPath, 'utf8')) }
  const source = JSON.parse(readFileSync(DATASIM, 'utf8')) as Record<string, unknown>[]
  const out = createWriteStream(path)
  let written = 0
  let statements = 0
  out.write('[')
  while (written < megabytes * 1024 * 1024) {
    for (const s of source) {
      const text = `${statements === 0 ? '' : ','}${JSON.stringify({ ...s, id: randomUUID() })}`
      if (!out.write(text)) await once(out, 'drain')
      written += text.length
      statements++
    }
  }
  out.end(']')
  await once(out, 'finish')
  writeFileSync(countPath, String(statements))
  return { path, statements }
}

export interface XapiImportBenchResult {
  oursMs: number
  oursPeakRssMb: number
  baselineMs: number
  statements: number
  fileMb: number
  inserted: number
}

export async function xapiImportBench(
  makeServices: (dir: string) => Services,
  dir: string,
  megabytes: number,
): Promise<XapiImportBenchResult> {
  const { path, statements } = await xapiStatementsFile(megabytes)
  const svc = makeServices(dir)
  svc.session.create({
    name: 'bench',
    path: join(dir, 'xapi.ninefold'),
    key: randomRawKey(),
    protection: 'key-file',
  })
  const start = performance.now()
  const result = await svc.dispatcher.dispatch('import.commit', { path, kind: 'xapi', dryRun: true })
  const oursMs = performance.now() - start
  const oursPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  if (!result.ok) throw new Error(result.error.message)
  const value = result.value as { outcome: string; rows: { inserted: number; total: number } }
  if (value.outcome !== 'dry-run' || value.rows.total !== statements)
    throw new Error(`unexpected result ${JSON.stringify(value)}`)
  svc.dispose()
  // The floor: reading the file and parsing it whole, as the reader did before (no checks, nothing stored).
  const baselineStart = performance.now()
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown[]
  const baselineMs = performance.now() - baselineStart
  if (parsed.length !== statements) throw new Error('baseline parse disagrees')
  return {
    oursMs,
    oursPeakRssMb,
    baselineMs,
    statements,
    fileMb: Math.round(statSync(path).size / 1024 / 1024),
    inserted: value.rows.inserted,
  }
}
