import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startHostServer, type HostServer } from '../../src/host/server'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createHttpTransport } from '../../src/renderer/src/api/httpTransport'
import { contract, type MethodInput, type MethodName } from '../../src/shared/contract'
import type { MethodSpec } from '../../src/shared/contract/define'
import { pathFields } from '../../src/shared/contract/pathFields'
import { createClient, type Client } from '../../src/shared/rpc/client'
import type { AppError } from '../../src/shared/result'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const TOKEN = 'per-run-token-for-the-path-tests'
const PEOPLE_CSV = 'Employee ID,Full Name\n1,Ada Lovelace\n2,Alan Turing\n'

interface Setup {
  services: Services
  host: HostServer
  /** Over HTTP, as the browser calls. */
  http: Client
  /** In process, as the desktop app calls with a path from its dialog. */
  local: Client
  data: string
  /** A folder outside the data directory with a readable secret in it. */
  outside: string
  secret: string
}

const open: Setup[] = []
afterEach(async () => {
  for (const s of open.splice(0)) {
    await s.host.close()
    s.services.dispose()
  }
})

async function setUp(): Promise<Setup> {
  const data = join(tempDir(), 'data')
  const outside = tempDir()
  const secret = join(outside, 'secret.csv')
  writeFileSync(secret, 'Employee ID,Full Name\n99,Not For The Browser\n')
  const services = testServices(data)
  const host = await startHostServer({
    services,
    rendererDirectory: join(import.meta.dirname, '..', '..', 'out', 'renderer'),
    token: TOKEN,
  })
  const http = createClient(createHttpTransport({ baseUrl: host.url, token: TOKEN }))
  const local = createClient(createInProcessTransport(services))
  await http.call('workspace.create', { name: 'paths', passphrase: PASSPHRASE })
  const setup = { services, host, http, local, data, outside, secret }
  open.push(setup)
  return setup
}

async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = (await call.then(
    () => null,
    (e: unknown) => e,
  )) as AppError | null
  expect(error, 'the call should have been refused').not.toBeNull()
  return error!
}

/** The smallest input each method that names a file accepts, with `path` to fill in. */
const WITH_PATH: { [M in MethodName]?: (path: string) => MethodInput<M> } = {
  'workspace.create': (path) => ({ name: 'elsewhere', passphrase: PASSPHRASE, path }),
  'workspace.recover': (path) => ({ path, recoveryKey: 'AAAA-BBBB', newPassphrase: PASSPHRASE }),
  'workspace.open': (path) => ({ path, passphrase: PASSPHRASE }),
  'workspace.backup': (path) => ({ path }),
  'workspace.restore': (path) => ({ path }),
  // The damaged workspace (and, as its other path field, the backup) are both confined to the data directory.
  'workspace.restoreDamaged': (path) => ({ path, backup: path }),
  'import.preview': (path) => ({ path, kind: 'people' }),
  'import.commit': (path) => ({ path, kind: 'people' }),
  'skills.importOntology': (path) => ({ path }),
  'calibration.export': (path) => ({ sessionId: 'any', path }),
  // Its other path field: the workbook to copy comes as an upload over HTTP, never as a path.
  'calibration.exportInto': (path) => ({ sessionId: 'any', sourcePath: path }),
  // A staged upload over HTTP, like import.preview.
  'calibration.importProposals': (path) => ({ sessionId: 'any', path }),
  'fairness.export': (path) => ({ sessionId: 'any', path }),
  'privacy.subjectAccess': (path) => ({ employeeId: '1', path }),
  'privacy.anonymisedExport': (path) => ({ path }),
  'insights.export': (path) => ({ view: 'program', input: {}, path }),
  'succession.export': (path) => ({ path }),
  'outbox.export': (path) => ({ path }),
  'skills.exportOntology': (path) => ({ path }),
  'settings.export': (path) => ({ path }),
}

const call = (client: Client, method: MethodName, path: string): Promise<unknown> =>
  (client.call as (m: string, i: unknown) => Promise<unknown>)(method, WITH_PATH[method]!(path))

describe('file paths over the browser host', () => {
  it('covers every contract method that names a file', () => {
    const naming = Object.keys(contract).filter((m) => pathFields(contract[m as MethodName].input).length > 0)
    expect(Object.keys(WITH_PATH).sort()).toEqual(naming.sort())
  })

  it('import.preview reads no file but an upload: not /etc/passwd, not a file in the data directory, not a climb out of the spool', async () => {
    const { http, data, secret } = await setUp()
    const staged = await http.call('import.stage', {
      fileName: 'people.csv',
      bytes: new TextEncoder().encode(PEOPLE_CSV),
    })
    writeFileSync(join(data, 'plain.csv'), PEOPLE_CSV)
    const climb = join(staged.path, '..', '..', '..', '..', '..', '..', '..', secret)
    for (const path of ['/etc/passwd', secret, join(data, 'plain.csv'), climb, 'people.csv']) {
      const error = await refusal(http.call('import.preview', { path, kind: 'people' }))
      expect(error.code, path).toBe('PATH_NOT_ALLOWED')
      expect(JSON.stringify(error)).not.toContain('root:')
      expect(JSON.stringify(error)).not.toContain('Not For The Browser')
    }
    const preview = await http.call('import.preview', { path: staged.path, kind: 'people' })
    expect(preview.headers).toEqual(['Employee ID', 'Full Name'])
  })

  it('every method that names a file refuses, over HTTP, paths outside the data directory: absolute, relative, `..`, and a link pointing out', async () => {
    const { http, data, outside } = await setUp()
    mkdirSync(join(data, 'inside'), { recursive: true })
    symlinkSync(outside, join(data, 'inside', 'link-out'))
    const attempts = [
      join(outside, 'target.xlsx'),
      join(data, '..', 'target.xlsx'),
      join(data, 'inside', '..', '..', 'target.xlsx'),
      join(data, 'inside', 'link-out', 'target.xlsx'),
      'target.xlsx',
    ]
    for (const method of Object.keys(WITH_PATH) as MethodName[]) {
      for (const path of attempts) {
        const error = await refusal(call(http, method, path))
        expect(`${method} ${path}: ${error.code}`).toBe(`${method} ${path}: PATH_NOT_ALLOWED`)
        expect(error.details).toMatchObject({ method, path })
        expect(String(error.details?.['field'])).toMatch(/^(path|sourcePath)$/)
      }
    }
    expect(readdirSync(outside)).toEqual(['secret.csv'])
  })

  it('exports over HTTP take no path even inside the data directory, and come back as bytes', async () => {
    const { http, data } = await setUp()
    const dialogOnly = (Object.keys(WITH_PATH) as MethodName[]).filter(
      (m) => (contract[m] as MethodSpec).paths === 'dialog-only',
    )
    expect(dialogOnly).toContain('settings.export')
    for (const method of dialogOnly) {
      const error = await refusal(call(http, method, join(data, 'export.xlsx')))
      expect(error.code).toBe('PATH_NOT_ALLOWED')
      expect(error.message).toContain('download')
    }
    expect(existsSync(join(data, 'export.xlsx'))).toBe(false)
    const settings = await http.call('settings.export', {})
    expect(settings.path).toBeNull()
    expect(JSON.parse(new TextDecoder().decode(settings.bytes!))).toMatchObject({
      format: 'ninefold-settings',
    })
  })

  it('workspace methods reach the data directory over HTTP, following links that stay inside', async () => {
    const { http, data } = await setUp()
    mkdirSync(join(data, 'kept'), { recursive: true })
    symlinkSync(join(data, 'kept'), join(data, 'link-in'))
    const backup = await http.call('workspace.backup', { path: join(data, 'link-in', 'copy.ninefold') })
    expect(backup.check.name).toBe('paths')
    expect(existsSync(join(data, 'kept', 'copy.ninefold'))).toBe(true)
  })

  it('the desktop transport keeps the paths its dialogs chose, anywhere', async () => {
    const { local, outside } = await setUp()
    const target = join(outside, 'settings.json')
    const result = await local.call('settings.export', { path: target })
    expect(result.path).toBe(target)
    expect(existsSync(target)).toBe(true)
  })
})
