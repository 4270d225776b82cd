import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const HOST = join(import.meta.dirname, '..', '..', 'out', 'main', 'host.js')

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (condition()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return condition()
}

/** Starts `parent`, a node process that spawns the host and prints the host's pid, and waits until it serves. */
function startUnderParent(dataDir: string): Promise<{ parent: ChildProcess; hostPid: number }> {
  const script = `
    const { spawn } = require('node:child_process')
    const host = spawn(process.execPath, [${JSON.stringify(HOST)}, '--data-dir', ${JSON.stringify(dataDir)}], { stdio: ['ignore', 'pipe', 'inherit'] })
    host.stdout.on('data', (d) => { if (String(d).includes('is running at')) console.log('HOST ' + host.pid) })
    setInterval(() => {}, 1000)
  `
  const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    parent.stdout?.on('data', (d: Buffer) => {
      const match = /HOST (\d+)/.exec(String(d))
      if (match) resolve({ parent, hostPid: Number(match[1]) })
    })
    parent.on('exit', () => reject(new Error('the parent exited before the host started')))
  })
}

describe('the browser host does not outlive its session', () => {
  it(
    'stops when the process that started it dies without a word (SIGKILL)',
    { timeout: 30_000 },
    async () => {
      const { parent, hostPid } = await startUnderParent(tempDir())
      expect(alive(hostPid)).toBe(true)
      parent.kill('SIGKILL')
      expect(await until(() => !alive(hostPid), 10_000)).toBe(true)
    },
  )

  it('stops on SIGHUP, as when its terminal is closed', { timeout: 30_000 }, async () => {
    const { parent, hostPid } = await startUnderParent(tempDir())
    process.kill(hostPid, 'SIGHUP')
    expect(await until(() => !alive(hostPid), 10_000)).toBe(true)
    parent.kill('SIGKILL')
  })
})
