#!/usr/bin/env node
// The `ninefold` command. The encrypted SQLite driver needs Node 22.12+; on an older Node this re-runs itself
// with the Node 22 that the project installs as a devDependency, so the command works from any shell.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = join(import.meta.dirname, '..')
const [major, minor] = process.versions.node.split('.').map(Number)

if (major < 22 || (major === 22 && minor < 12)) {
  let node
  try {
    node = join(createRequire(import.meta.url).resolve('node/package.json'), '..', 'bin', 'node')
  } catch {
    node = null
  }
  if (!node || !existsSync(node)) {
    console.error(
      `ninefold: needs Node 22.12 or newer (this is ${process.version}). Run npm ci in ${root} first.`,
    )
    process.exit(1)
  }
  const result = spawnSync(node, [import.meta.filename, ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}

const built = spawnSync(process.execPath, [join(root, 'scripts/ensure-built.mjs')], { stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)
await import(pathToFileURL(join(root, 'out/main/cli.js')).href)
