// `npm start`: the desktop app where Electron can run; otherwise the browser host, saying why in one line.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const electronDir = join(root, 'node_modules', 'electron')
const args = process.argv.slice(2)

// Read the binary's location ourselves: loading the electron package would start a download when it is missing.
function installedElectron() {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function findElectron() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { binary: null, why: 'there is no display to open a window on' }
  }
  let binary = installedElectron()
  if (!binary) {
    // First run on a desktop: fetch the Electron binary once, quietly; offline machines fall back to the host.
    spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 })
    binary = installedElectron()
    if (!binary)
      return { binary: null, why: 'the Electron binary is not installed and could not be downloaded' }
  }
  const works = spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 15_000 }).status === 0
  return works
    ? { binary, why: null }
    : { binary: null, why: 'the Electron binary does not start on this machine' }
}

const { binary, why } = findElectron()
const child = binary
  ? spawn(binary, [root, ...args], { stdio: 'inherit' })
  : (console.log(
      `Desktop app unavailable (${why}); starting the browser host instead — open the URL below in a browser.`,
    ),
    spawn(process.execPath, [join(root, 'out/main/host.js'), ...args], { stdio: 'inherit' }))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
