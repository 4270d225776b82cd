import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('ninefold CLI', () => {
  it('creates a workspace with a new key file (mode 600) and reports it with workspace info --json', async () => {
    const dir = tempDir()
    const workspace = join(dir, 'team.ninefold')
    const keyFile = join(dir, 'team.key')
    const created = await cli([
      'workspace',
      'create',
      '--workspace',
      workspace,
      '--key-file',
      keyFile,
      '--name',
      'Team',
      '--json',
    ])
    expect(created.code).toBe(0)
    expect(JSON.parse(created.stdout)).toMatchObject({
      name: 'Team',
      path: workspace,
      protection: 'key-file',
      peopleCount: 0,
    })
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/)
    const info = await cli(['workspace', 'info', '--workspace', workspace, '--key-file', keyFile, '--json'])
    expect(info.code).toBe(0)
    expect(JSON.parse(info.stdout)).toMatchObject({
      name: 'Team',
      schemaVersion: LATEST_SCHEMA_VERSION,
      peopleCount: 0,
    })
  })

  it('fills a demo workspace and lists people as JSON, sorted and filtered', async () => {
    const dir = tempDir()
    const workspace = join(dir, 'demo.ninefold')
    const keyFile = join(dir, 'demo.key')
    const demo = await cli([
      'demo',
      '--people',
      '250',
      '--seed',
      '5',
      '--workspace',
      workspace,
      '--key-file',
      keyFile,
      '--json',
    ])
    expect(demo.code).toBe(0)
    expect(JSON.parse(demo.stdout)).toMatchObject({ workspace, people: 250, seed: 5 })
    // A demo key is a passphrase a person can type into the app.
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^([a-z]+-){8}\d{4}\n$/)

    const listed = await cli([
      'people',
      'list',
      '--workspace',
      workspace,
      '--key-file',
      keyFile,
      '--json',
      '--limit',
      '5',
      '--sort',
      'jobLevel:desc',
      '--department',
      'Engineering',
    ])
    expect(listed.code).toBe(0)
    const page = JSON.parse(listed.stdout) as {
      total: number
      rows: { department: string; jobLevel: number }[]
    }
    expect(page.rows).toHaveLength(5)
    expect(page.rows.every((r) => r.department === 'Engineering')).toBe(true)
    expect(page.rows[0]?.jobLevel).toBe(5)

    const text = await cli([
      'people',
      'list',
      '--workspace',
      workspace,
      '--key-file',
      keyFile,
      '--limit',
      '3',
    ])
    expect(text.stdout).toMatch(/^employeeId\s+fullName/)
    expect(text.stdout).toMatch(/3 of 250 people$/)
  })

  it('makes a new demo on each run without --workspace (demo, demo-2) with its passphrase beside the workspaces', async () => {
    const dataDir = tempDir()
    for (const name of ['demo', 'demo-2']) {
      const result = await cli(['demo', '--people', '200', '--data-dir', dataDir, '--json'])
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout)).toMatchObject({
        workspace: join(dataDir, 'workspaces', `${name}.ninefold`),
        keyFile: join(dataDir, `${name}.key`),
      })
    }
  })

  it('takes the key from NINEFOLD_KEY', async () => {
    const dir = tempDir()
    const workspace = join(dir, 'env.ninefold')
    const env = { NINEFOLD_KEY: 'a passphrase from the environment' }
    expect((await cli(['workspace', 'create', '--workspace', workspace], env)).code).toBe(0)
    expect((await cli(['workspace', 'info', '--workspace', workspace, '--json'], env)).code).toBe(0)
    const wrong = await cli(['workspace', 'info', '--workspace', workspace], {
      NINEFOLD_KEY: 'another passphrase',
    })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/does not open this workspace/)
  })

  it('exits 2 with a message on stderr for invalid input', async () => {
    const dir = tempDir()
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['people', 'list', '--limit', 'ten', '--workspace', 'x'], /--limit must be a whole number/],
      [['people', 'list', '--bogus'], /Unknown option '--bogus'/],
      [['workspace', 'info'], /--workspace PATH/],
      [
        [
          'workspace',
          'info',
          '--workspace',
          join(dir, 'missing.ninefold'),
          '--key-file',
          join(dir, 'nope.key'),
        ],
        /Key file .* does not exist/,
      ],
      [
        ['demo', '--people', '10', '--workspace', join(dir, 'd.ninefold'), '--key-file', join(dir, 'd.key')],
        /--people must be between 20 and 100000 \(not 10\)/,
      ],
    ]
    for (const [args, message] of cases) {
      const result = await cli(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toMatch(message)
    }
    // The refused demo created nothing: no workspace, no key file, so running it again with a valid size works.
    expect(existsSync(join(dir, 'd.ninefold'))).toBe(false)
    expect(existsSync(join(dir, 'd.key'))).toBe(false)
    const small = await cli([
      'demo',
      '--people',
      '20',
      '--workspace',
      join(dir, 'd.ninefold'),
      '--key-file',
      join(dir, 'd.key'),
    ])
    expect(small.code, small.stderr).toBe(0)
    expect(small.stdout).toMatch(/: 20 people, /)
  })

  it('prints errors as JSON with --json', async () => {
    const result = await cli(['workspace', 'info', '--json'])
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stderr)).toEqual({
      error: { code: 'INVALID_INPUT', message: 'Say which workspace: --workspace PATH.' },
    })
  })

  it("runs as the installed `ninefold` command under the machine's own Node, re-running itself on Node 22", () => {
    const dir = tempDir()
    const keyFile = join(dir, 'k.key')
    writeFileSync(keyFile, 'a sufficiently long passphrase\n', { mode: 0o600 })
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'ninefold.mjs')
    const run = (args: string[]) =>
      spawnSync('/usr/bin/env', ['node', bin, ...args], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `/usr/local/bin:/usr/bin:/bin` },
      })
    const created = run([
      'workspace',
      'create',
      '--workspace',
      join(dir, 'w.ninefold'),
      '--key-file',
      keyFile,
      '--json',
    ])
    expect(created.stderr).not.toMatch(/error|fail/i) // (it may say it is building first)
    expect(created.status).toBe(0)
    expect(JSON.parse(created.stdout)).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION })
    const bad = run([
      'people',
      'list',
      '--workspace',
      join(dir, 'w.ninefold'),
      '--key-file',
      keyFile,
      '--sort',
      'salary',
    ])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--sort takes FIELD/)
  })
})
