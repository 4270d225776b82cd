import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { AppError } from '../shared/result'
import { APP_VERSION, currentActor, defaultDataDirectory } from '../main/appInfo'
import { keyFromOptions } from '../main/keys/keyMaterial'
import { createServices } from '../main/services/createServices'
import { startHostServer } from './server'

const PARENT_CHECK_MS = 1_000

const USAGE = `Usage: npm run start:web -- [--port N] [--workspace PATH] [--key-file PATH] [--data-dir PATH]

Serves Ninefold to a browser on this computer only (127.0.0.1), for one local user: whoever has the URL with its
token has the open workspace. It stops when its terminal closes or the process that started it ends.
  --port N          listen on port N (default: a free port)
  --workspace PATH  open this workspace at start (needs --key-file or NINEFOLD_KEY)
  --key-file PATH   file whose first line is the key: 64 hex characters or a passphrase (mode 600)
  --data-dir PATH   where workspaces live (default: ${defaultDataDirectory()})`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      workspace: { type: 'string' },
      'key-file': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AppError('INVALID_INPUT', `--port must be 0–65535, not "${values.port}".`)

  const services = createServices({
    shell: 'browser',
    version: APP_VERSION,
    dataDirectory: values['data-dir'] ?? defaultDataDirectory(),
    actor: currentActor(),
    onInternalError: (method, error) => console.error(`[ninefold] ${method} failed:`, error),
  })
  if (values.workspace) {
    const key = keyFromOptions({ keyFile: values['key-file'] })
    if (!key)
      throw new AppError(
        'KEY_UNAVAILABLE',
        '--workspace needs --key-file PATH or the NINEFOLD_KEY environment variable.',
      )
    services.session.open(values.workspace, key, 'key-file')
  }

  const token = randomBytes(32).toString('base64url')
  const host = await startHostServer({
    services,
    rendererDirectory: fileURLToPath(new URL('../renderer', import.meta.url)),
    token,
    port,
  })
  console.log(`Ninefold (browser host) is running at ${host.url}#token=${token}`)

  const shutdown = (): void => {
    void host.close().finally(() => {
      services.dispose()
      process.exit(0)
    })
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  // A closed terminal sends SIGHUP; a parent that dies without one (killed, crashed) leaves us re-parented. Either
  // way nobody is left to stop the host, and a server holding an open workspace must not outlive its user's session.
  process.on('SIGHUP', shutdown)
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) shutdown()
  }, PARENT_CHECK_MS).unref()
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(`ninefold: ${error.message}`)
    process.exit(error.code === 'INVALID_INPUT' ? 2 : 1)
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`ninefold: ${error.message}\n\n${USAGE}`)
    process.exit(2)
  }
  console.error(error)
  process.exit(1)
})
