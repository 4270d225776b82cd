import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'

export interface RealLrs {
  /** e.g. http://127.0.0.1:41234/xAPI/ */
  endpoint: string
  key: string
  secret: string
  /** GET /statements requests served so far. */
  pagesServed(): number
  /** Serve again after `dropAfterPages` took the server away. */
  heal(): Promise<void>
  /** POSTs statements in chunks; returns their ids as the LRS gave them. */
  post(statements: object[]): Promise<string[]>
  stop(): Promise<void>
  readonly process: ChildProcess
}

const LAUNCHER = join(import.meta.dirname, 'launch-lrs.mjs')

/**
 * Starts Learning Locker's statements service (in memory) on 127.0.0.1 with Basic auth checked, in its own
 * process. `dropAfterPages` makes it drop every connection after serving that many GET /statements pages (a
 * server lost mid-pull), until `heal()`.
 */
export async function startRealLrs(
  options: { dropAfterPages?: number; pageDelayMs?: number } = {},
): Promise<RealLrs> {
  const key = 'ninefold-test'
  const secret = `s-${randomUUID()}`
  const child = spawn(process.execPath, [LAUNCHER], {
    env: {
      ...process.env,
      LRS_KEY: key,
      LRS_SECRET: secret,
      LRS_DROP_AFTER_PAGES: String(options.dropAfterPages ?? 0),
      LRS_PAGE_DELAY_MS: String(options.pageDelayMs ?? 0),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`the LRS did not start in 30 s: ${stderr}`)), 30_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening (\d+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the LRS exited (${code}) before listening: ${stderr}`))
    })
  })
  let pages = 0
  child.stdout?.on('data', (chunk: Buffer) => {
    pages += (chunk.toString().match(/^page \d+$/gm) ?? []).length
  })
  const endpoint = `http://127.0.0.1:${port}/xAPI/`
  const authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`
  return {
    endpoint,
    key,
    secret,
    process: child,
    pagesServed: () => pages,
    heal: async () => {
      const response = await fetch(`http://127.0.0.1:${port}/__control/heal`, {
        method: 'POST',
        headers: { Authorization: authorization },
      })
      if (response.status !== 204) throw new Error(`heal: ${response.status}`)
    },
    post: async (statements) => {
      const ids: string[] = []
      for (let i = 0; i < statements.length; i += 1_000) {
        const response = await fetch(`${endpoint}statements`, {
          method: 'POST',
          headers: {
            Authorization: authorization,
            'X-Experience-API-Version': '1.0.3',
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(statements.slice(i, i + 1_000)),
        })
        if (!response.ok) throw new Error(`POST statements: ${response.status} ${await response.text()}`)
        ids.push(...((await response.json()) as string[]))
      }
      return ids
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
    },
  }
}

export const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed'
export const PASSED = 'http://adlnet.gov/expapi/verbs/passed'
export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided'

/** A completion statement by a learner (email) of an activity, with its own id. */
export function completion(
  email: string,
  activity: string,
  timestamp: string,
  options: { id?: string; verb?: string } = {},
): Record<string, unknown> {
  return {
    id: options.id ?? randomUUID(),
    actor: { objectType: 'Agent', mbox: `mailto:${email}` },
    verb: { id: options.verb ?? COMPLETED, display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: `https://lms.example.com/courses/${activity}`,
      definition: { name: { 'en-US': activity }, type: 'http://adlnet.gov/expapi/activities/course' },
    },
    timestamp,
  }
}

export function voiding(targetId: string, email: string): Record<string, unknown> {
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', mbox: `mailto:${email}` },
    verb: { id: VOIDED, display: { 'en-US': 'voided' } },
    object: { objectType: 'StatementRef', id: targetId },
  }
}
