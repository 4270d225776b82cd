// Pulling 10,000 statements from a real LRS (Learning Locker's statements service on loopback) through our
// connector, against a bare paging loop over the same server in the same run: the same pages fetched and parsed,
// nothing checked or stored. The difference is validation, dedupe, identity resolution and the per-page commits
// (each one durable: an fsync of the WAL), less what the overlap of fetching page n+1 while storing page n hides.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomRawKey } from '../src/main/keys/keyMaterial'
import type { Services } from '../src/main/services/createServices'
import { completion, startRealLrs } from '../test/support/lrs/realLrs'

export interface LrsBenchResult {
  oursMs: number
  baselineMs: number
  stored: number
  pages: number
}

async function barePagingLoop(
  endpoint: string,
  key: string,
  secret: string,
  pageSize: number,
): Promise<number> {
  const headers = {
    Authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
    'X-Experience-API-Version': '1.0.3',
  }
  let url: string | null = `${endpoint}statements?limit=${pageSize}&ascending=true`
  let received = 0
  while (url) {
    const page = (await (await fetch(url, { headers })).json()) as { statements: unknown[]; more?: string }
    received += page.statements.length
    url = page.more ? new URL(page.more, new URL(endpoint).origin).toString() : null
  }
  return received
}

/**
 * Median of `rounds` pulls, each into a fresh workspace holding the same 2,000-person demo (a second pull into the
 * same one would only find duplicates), against the median of as many bare loops, interleaved so both see the
 * machine in the same state.
 */
export async function lrsPullBench(
  makeServices: (dir: string) => Services,
  statements: number,
  pageSize = 500,
  rounds = 3,
): Promise<LrsBenchResult> {
  const lrs = await startRealLrs()
  const dirs: string[] = []
  const workspace = async (): Promise<{
    svc: Services
    call: (method: string, input: unknown) => Promise<unknown>
  }> => {
    const dir = mkdtempSync(join(tmpdir(), 'ninefold-bench-lrs-'))
    dirs.push(dir)
    const svc = makeServices(dir)
    svc.session.create({
      name: 'bench',
      path: join(dir, 'lrs.ninefold'),
      key: randomRawKey(),
      protection: 'key-file',
    })
    const call = async (method: string, input: unknown): Promise<unknown> => {
      const result = await svc.dispatcher.dispatch(method, input)
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    }
    await call('demo.populate', { people: 2_000, seed: 1 })
    return { svc, call }
  }
  try {
    const first = await workspace()
    const people = (await first.call('people.list', { limit: 1_000 })) as {
      rows: { email: string | null }[]
    }
    first.svc.dispose()
    const emails = people.rows.flatMap((p) => (p.email ? [p.email] : []))
    const base = Date.parse('2026-01-01T00:00:00Z')
    await lrs.post(
      Array.from({ length: statements }, (_, n) =>
        completion(emails[n % emails.length] ?? '', `bench-${n}`, new Date(base + n * 1000).toISOString()),
      ),
    )
    // Warm the server's paging once, so neither side pays its first-request costs.
    await barePagingLoop(lrs.endpoint, lrs.key, lrs.secret, pageSize)
    const bare: number[] = []
    const ours: number[] = []
    let stored = 0
    let pages = 0
    for (let round = 0; round < rounds; round++) {
      let start = performance.now()
      const received = await barePagingLoop(lrs.endpoint, lrs.key, lrs.secret, pageSize)
      bare.push(performance.now() - start)
      if (received !== statements) throw new Error(`the bare loop saw ${received} of ${statements}`)

      const { svc, call } = await workspace()
      await call('lrs.add', { name: 'bench', endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret })
      start = performance.now()
      const pulled = (await call('lrs.pull', { name: 'bench', pageSize })) as {
        rows: { inserted: number }
        pull: { pages: number }
      }
      ours.push(performance.now() - start)
      svc.dispose()
      stored = pulled.rows.inserted
      pages = pulled.pull.pages
    }
    return { oursMs: median(ours), baselineMs: median(bare), stored, pages }
  } finally {
    await lrs.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
