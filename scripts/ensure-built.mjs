// Builds the app when out/ is missing or older than the sources, so `npm run start:web`, `npm run demo` and the
// CLI always run what is in src/ without a separate build step to remember.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const outputs = [
  'out/main/index.js',
  'out/main/host.js',
  'out/main/cli.js',
  'out/main/parseWorker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
]

function newestMtime(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  )
}

const built = outputs.map((o) => join(root, o))
const stale =
  built.some((o) => !existsSync(o)) ||
  Math.min(...built.map((o) => statSync(o).mtimeMs)) <
    Math.max(...['src', 'electron.vite.config.ts', 'package.json'].map((p) => newestMtime(join(root, p))))

if (stale) {
  process.stderr.write('Building Ninefold…\n')
  // Run electron-vite's own entry with this Node (22+) rather than whatever `electron-vite` is on PATH.
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '')
    process.stderr.write('The build failed; see the messages above.\n')
    process.exit(result.status ?? 1)
  }
}
