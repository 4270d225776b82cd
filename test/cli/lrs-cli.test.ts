import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { cli } from '../support/cli'
import { completion, startRealLrs, type RealLrs } from '../support/lrs/realLrs'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const ROOT = join(import.meta.dirname, '..', '..')

async function demoWorkspace(): Promise<{ ws: string[]; emails: string[]; dir: string }> {
  const dir = tempDir()
  const ws = ['--workspace', join(dir, 'w.ninefold'), '--key-file', join(dir, 'w.key'), '--data-dir', dir]
  expect((await cli(['demo', '--people', '200', '--seed', '4', ...ws])).code).toBe(0)
  const listed = JSON.parse((await cli(['people', 'list', '--limit', '50', ...ws, '--json'])).stdout) as {
    rows: { email: string | null }[]
  }
  return { ws, dir, emails: listed.rows.flatMap((r) => (r.email ? [r.email] : [])) }
}

/** `ninefold lrs add main …` with the LRS's secret in a file of its own (mode 600), as a person would. */
async function addMain(
  lrs: RealLrs,
  dir: string,
  ws: string[],
): Promise<{ secretFile: string; added: Awaited<ReturnType<typeof cli>> }> {
  const secretFile = join(dir, 'lrs.secret')
  writeFileSync(secretFile, `${lrs.secret}\n`, { mode: 0o600 })
  const args = [
    'lrs',
    'add',
    'main',
    '--endpoint',
    lrs.endpoint,
    '--key',
    lrs.key,
    '--secret-file',
    secretFile,
  ]
  return { secretFile, added: await cli([...args, ...ws]) }
}

describe('ninefold lrs', () => {
  let lrs: RealLrs
  beforeAll(async () => {
    lrs = await startRealLrs()
  }, 60_000)
  afterAll(() => lrs?.stop())

  it('adds a connection from a secret file, lists it without the secret, pulls with the import summary, and refuses bad arguments with exit 2', async () => {
    const { ws, dir, emails } = await demoWorkspace()
    const base = Date.parse('2026-04-01T00:00:00Z')
    await lrs.post(
      Array.from({ length: 120 }, (_, n) =>
        completion(emails[n % emails.length] ?? '', `cli-${n}`, new Date(base + n * 1000).toISOString()),
      ),
    )
    const { secretFile, added } = await addMain(lrs, dir, ws)
    expect(added).toMatchObject({ code: 0, stdout: `Added LRS connection main → ${lrs.endpoint}` })

    const listed = await cli(['lrs', 'list', ...ws, '--json'])
    expect(listed.stdout).not.toContain(lrs.secret)
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        name: 'main',
        endpoint: lrs.endpoint,
        key: lrs.key,
        hasSecret: true,
        checkpoint: null,
      }),
    ])

    const dry = await cli(['lrs', 'pull', 'main', '--dry-run', ...ws, '--json'])
    expect(dry.code).toBe(0)
    const drySummary = JSON.parse(dry.stdout) as Record<string, unknown>
    // The same keys, in the same order, as `ninefold import --json`.
    expect(Object.keys(drySummary)).toEqual([
      'batchId',
      'kind',
      'file',
      'sha256',
      'rows',
      'errors',
      'warnings',
      'unmatched',
    ])
    expect(drySummary).toMatchObject({
      batchId: null,
      kind: 'xapi',
      file: 'LRS main',
      rows: { inserted: 120 },
    })

    const pulled = await cli(['lrs', 'pull', 'main', '--since', '2020-01-01T00:00:00+02:00', ...ws, '--json'])
    expect(pulled.code).toBe(0)
    expect(JSON.parse(pulled.stdout)).toMatchObject({
      rows: { total: 120, inserted: 120, rejected: 0 },
      unmatched: 0,
    })
    const again = await cli(['lrs', 'pull', 'main', ...ws])
    expect(again).toMatchObject({ code: 0 })
    expect(again.stdout).toMatch(
      /^LRS main was already imported; nothing changed\n {2}rows: \d+ total, 0 inserted/,
    )
    const imports = JSON.parse((await cli(['import', 'list', ...ws, '--json'])).stdout) as { file: string }[]
    expect(imports.filter((b) => b.file === 'LRS main')).toHaveLength(1)

    expect((await cli(['lrs', 'add', 'x', '--endpoint', lrs.endpoint, '--key', 'k', ...ws])).code).toBe(2)
    expect(
      (
        await cli([
          'lrs',
          'add',
          'x',
          '--endpoint',
          'ftp://x',
          '--key',
          'k',
          '--secret-file',
          secretFile,
          ...ws,
        ])
      ).code,
    ).toBe(2)
    expect((await cli(['lrs', 'pull', 'nope', ...ws])).code).toBe(2)
    expect((await cli(['lrs', 'pull', 'main', '--since', 'last tuesday', ...ws])).code).toBe(2)
    writeFileSync(secretFile, 'wrong\n')
    expect(
      (
        await cli([
          'lrs',
          'add',
          'main',
          '--endpoint',
          lrs.endpoint,
          '--key',
          lrs.key,
          '--secret-file',
          secretFile,
          '--replace',
          ...ws,
        ])
      ).code,
    ).toBe(0)
    const refused = await cli(['lrs', 'pull', 'main', ...ws, '--json'])
    expect(refused.code).toBe(2)
    expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: 'LRS_AUTH' } })
  }, 120_000)

  it('a pull killed mid-way resumes from its checkpoint to exact counts: every statement once', async () => {
    // An LRS of its own, so the counts are this test's alone.
    const lrs = await startRealLrs()
    onTestFinished(() => lrs.stop())
    const { ws, dir, emails } = await demoWorkspace()
    const base = Date.parse('2026-05-01T00:00:00Z')
    const total = 2_000
    await lrs.post(
      Array.from({ length: total }, (_, n) =>
        completion(emails[n % emails.length] ?? '', `kill-${n}`, new Date(base + n * 1000).toISOString()),
      ),
    )
    await addMain(lrs, dir, ws)

    // The real CLI in its own process, killed without warning once it has stored a few pages.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/main/cli/main.ts'),
        'lrs',
        'pull',
        'main',
        '--page-size',
        '10',
        ...ws,
      ],
      { cwd: ROOT, stdio: 'ignore' },
    )
    const pagesBefore = lrs.pagesServed()
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (lrs.pagesServed() - pagesBefore >= 15) {
          clearInterval(timer)
          child.kill('SIGKILL')
          resolve()
        }
      }, 5)
      child.once(
        'exit',
        (code) => (clearInterval(timer), reject(new Error(`the pull ended (${code}) before the kill`))),
      )
    })
    await new Promise((resolve) => child.once('exit', resolve))

    const history = JSON.parse((await cli(['lrs', 'history', 'main', ...ws, '--json'])).stdout) as {
      outcome: string
      stored: number
    }[]
    const killedAt = history[0]?.stored ?? 0
    expect(history[0]?.outcome).toBe('running')
    expect(killedAt).toBeGreaterThan(0)
    expect(killedAt).toBeLessThan(total)
    expect(killedAt % 10).toBe(0) // whole pages only

    const resumed = await cli(['lrs', 'pull', 'main', '--page-size', '200', ...ws, '--json'])
    expect(resumed.code).toBe(0)
    const summary = JSON.parse(resumed.stdout) as { rows: { inserted: number } }
    // Resuming from the checkpoint re-reads at most the last page, which dedupe drops.
    expect(summary.rows.inserted).toBe(total - killedAt)
    const after = JSON.parse((await cli(['lrs', 'history', 'main', ...ws, '--json'])).stdout) as {
      outcome: string
    }[]
    expect(after.map((h) => h.outcome)).toEqual(['stored', 'interrupted'])
    expect(JSON.parse((await cli(['lrs', 'pull', 'main', ...ws, '--json'])).stdout)).toMatchObject({
      rows: { inserted: 0 },
    })
  }, 180_000)
})
