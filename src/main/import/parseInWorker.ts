import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { message } from '../../shared/i18n/translate'
import type { ParseMessage, ParseRequest } from './parseProtocol'
import { FileFormatError, type SourceRow } from './readers/types'

/** Built: out/main/parseWorker.js beside the entry points. From source (tests, bench): the .ts file through tsx. */
function workerLocation(): { file: string; execArgv: string[] } {
  // Benchmarks run the services from source but must measure the built worker, not tsx compiling it.
  const override = process.env['NINEFOLD_PARSE_WORKER']
  if (override) return { file: override, execArgv: [] }
  const here = import.meta.url
  if (here.endsWith('.ts'))
    return { file: fileURLToPath(new URL('./parseWorker.ts', here)), execArgv: ['--import', 'tsx'] }
  for (const candidate of ['./parseWorker.js', '../parseWorker.js']) {
    const file = fileURLToPath(new URL(candidate, here))
    if (existsSync(file)) return { file, execArgv: [] }
  }
  throw new Error('parseWorker.js is missing from the build')
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Returns a spool folder of this services instance's own under `base`, after removing the folders of processes that are gone
 * (a killed import leaves plaintext there). Folders of live processes — the CLI running beside the app — stay.
 */
export function claimSpoolRoot(base: string): string {
  if (existsSync(base)) {
    for (const entry of readdirSync(base)) {
      // One folder per services instance, named pid-random: a process can hold several (the tests do), and a
      // folder is left alone while its process lives.
      const pid = Number(entry.split('-')[0])
      if (!Number.isInteger(pid) || (pid !== process.pid && !isAlive(pid)))
        rmSync(join(base, entry), { recursive: true, force: true })
    }
  }
  return join(base, `${process.pid}-${randomBytes(4).toString('hex')}`)
}

/**
 * The parse worker's heap limit: what the reader keeps (a workbook's shared strings, read whole: about three times
 * their XML as JS strings) over a base of 128 MB, at most 384 MB. The limit is also when V8 collects: with 384 MB for
 * every file, a 1M-row workbook whose strings take 5 MB peaked at 798 MB of RSS; with 128 MB at 450 MB. A workbook
 * whose strings or cells need more than the most kills the worker, not the app, as before.
 */
export function workerHeapMb(sharedStringsBytes: number): number {
  return Math.min(384, 128 + Math.ceil((3 * sharedStringsBytes) / 2 ** 20))
}

/**
 * Streams a file's rows from a worker thread. Stopping early (a preview, a cancel, an error downstream)
 * terminates the worker and removes its spool folder, so no plaintext outlives the read.
 */
export async function* parseInWorker(
  request: Omit<ParseRequest, 'spoolDirectory'> & { spoolRoot: string; heapLimitMb?: number },
  signal?: AbortSignal,
): AsyncGenerator<SourceRow> {
  mkdirSync(request.spoolRoot, { recursive: true, mode: 0o700 })
  const spoolDirectory = mkdtempSync(join(request.spoolRoot, 'parse-'))
  const { file, execArgv } = workerLocation()
  const { spoolRoot: _root, heapLimitMb = 384, ...rest } = request
  const worker = new Worker(file, {
    workerData: { ...rest, spoolDirectory } satisfies ParseRequest,
    execArgv,
    // A tight heap makes V8 collect early (see workerHeapMb), and a workbook whose shared strings or cells inflate
    // past it kills the worker, not the app.
    resourceLimits: { maxOldGenerationSizeMb: heapLimitMb },
  })
  const inbox: ParseMessage[] = []
  let wake: (() => void) | null = null
  let crashed: Error | null = null
  worker.on('message', (message: ParseMessage) => {
    inbox.push(message)
    wake?.()
    wake = null
  })
  worker.on('error', (error) => {
    crashed = error
    wake?.()
    wake = null
  })
  const onAbort = (): void => {
    wake?.()
    wake = null
  }
  signal?.addEventListener('abort', onAbort)
  try {
    for (;;) {
      signal?.throwIfAborted()
      const next = inbox.shift()
      if (!next) {
        if (crashed)
          throw new FileFormatError(
            'CORRUPT_FILE',
            message('import.errors.unreadableFile', { detail: (crashed as Error).message }),
          )
        await new Promise<void>((resolve) => (wake = resolve))
        continue
      }
      if (next.type === 'end') return
      if (next.type === 'error') throw new FileFormatError(next.code, next.text ?? next.message)
      worker.postMessage({ type: 'credit', batches: 1 })
      yield* next.rows
    }
  } finally {
    signal?.removeEventListener('abort', onAbort)
    await worker.terminate()
    rmSync(spoolDirectory, { recursive: true, force: true })
  }
}
