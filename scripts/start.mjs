// `npm start`: the desktop app where Electron can run; otherwise the browser host, saying why in one line.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const args = process.argv.slice(2)

function electronBinary() {
  try {
    // The electron package exports the path of its binary; the binary itself may never have been downloaded.
    const path = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function canRunElectron(binary) {
  if (!binary) return false
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false
  return spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 15_000 }).status === 0
}

const binary = electronBinary()
let child
if (canRunElectron(binary)) {
  child = spawn(binary, [root, ...args], { stdio: 'inherit' })
} else {
  const why = binary
    ? 'there is no display to open a window on'
    : 'the Electron binary is not installed on this machine'
  console.log(
    `Desktop app unavailable (${why}); starting the browser host instead — open the URL below in a browser.`,
  )
  child = spawn(process.execPath, [join(root, 'out/main/host.js'), ...args], { stdio: 'inherit' })
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
