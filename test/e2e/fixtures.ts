import { test as base } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')

export interface RunningHost {
  /** The URL the host printed, token included. */
  url: string
  /** The same origin without the token, as a stranger would open it. */
  origin: string
  dataDirectory: string
}

export interface DemoWorkspace {
  path: string
  keyFile: string
  passphrase: string
  plantedCases: { kind: string; employeeId: string }[]
}

/** Starts the built browser host on a free port; resolves with the URL it prints. */
function startHost(
  dataDirectory: string,
  extraArgs: string[],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/main/host.js'), '--data-dir', dataDirectory, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output)
      if (match?.[1]) resolve({ child, url: match[1] })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)))
  })
}

/** A workspace made by the real CLI before the host starts, for tests that need many people. */
export function makeDemoWorkspace(dataDirectory: string, people: number): DemoWorkspace {
  const path = join(dataDirectory, 'workspaces', 'big-demo.ninefold')
  const keyFile = join(dataDirectory, 'big-demo.key')
  const passphrase = 'end to end test passphrase'
  writeFileSync(keyFile, `${passphrase}\n`, { mode: 0o600 })
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'out/main/cli.js'),
      'demo',
      '--people',
      String(people),
      '--workspace',
      path,
      '--key-file',
      keyFile,
      '--data-dir',
      dataDirectory,
      '--json',
    ],
    { encoding: 'utf8' },
  )
  if (result.status !== 0) throw new Error(`ninefold demo failed: ${result.stderr}`)
  const { plantedCases } = JSON.parse(result.stdout) as Pick<DemoWorkspace, 'plantedCases'>
  return { path, keyFile, passphrase, plantedCases }
}

/** One person as the CLI reports them (`ninefold people list --search ID --json`). */
export function personInDemo(
  demo: DemoWorkspace,
  employeeId: string,
): { fullName: string; department: string; email: string | null; managerId: string | null } {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'out/main/cli.js'),
      'people',
      'list',
      '--search',
      employeeId,
      '--workspace',
      demo.path,
      '--key-file',
      demo.keyFile,
      '--json',
    ],
    { encoding: 'utf8' },
  )
  const page = JSON.parse(result.stdout) as {
    rows: {
      employeeId: string
      fullName: string
      department: string
      email: string | null
      managerId: string | null
    }[]
  }
  const person = page.rows.find((r) => r.employeeId === employeeId)
  if (!person) throw new Error(`${employeeId} not found: ${result.stderr}`)
  return person
}

/**
 * Every test gets its own data directory and its own host process, so tests never see each other's workspaces.
 * `hostArgs` lets a test start the host with a workspace already open.
 */
export const test = base.extend<{ dataDirectory: string; hostArgs: string[]; host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern
  dataDirectory: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ninefold-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
  hostArgs: [[], { option: true }],
  host: async ({ dataDirectory, hostArgs }, use) => {
    const { child, url } = await startHost(dataDirectory, hostArgs)
    await use({ url, origin: new URL(url).origin + '/', dataDirectory })
    child.kill('SIGTERM')
  },
})

export { expect } from '@playwright/test'

/** Imports a file into a demo workspace with the real CLI, before the host opens it. */
export function importIntoDemo(demo: DemoWorkspace, file: string, kind: string): void {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'out/main/cli.js'),
      'import',
      file,
      '--as',
      kind,
      '--workspace',
      demo.path,
      '--key-file',
      demo.keyFile,
    ],
    { encoding: 'utf8' },
  )
  if (result.status !== 0) throw new Error(`ninefold import failed: ${result.stderr}`)
}
