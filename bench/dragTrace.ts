// `npm run bench:ui`: how smooth a drag on the nine-box grid is, measured from a Chromium performance trace.
// A 5,000-person demo workspace, a session for one department (so its boxes are drawn person by person), the
// real renderer in Debian's Chromium against the browser host; a person is dragged across the grid in 60 steps
// and the frame intervals and main-thread tasks during the drag are read from the trace.
import { chromium } from '@playwright/test'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const PEOPLE = Number(process.env['NINEFOLD_UI_PEOPLE'] ?? 5000)
const DEPARTMENT = process.env['NINEFOLD_UI_DEPARTMENT'] ?? 'Operations'

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tid: number
  args?: { name?: string }
}

function cli(args: string[]): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`ninefold ${args.join(' ')}: ${run.stderr}`)
  return run.stdout
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-ui-bench-'))
  const ws = [
    '--workspace',
    join(dir, 'demo.ninefold'),
    '--key-file',
    join(dir, 'demo.key'),
    '--data-dir',
    dir,
  ]
  try {
    cli(['demo', '--people', String(PEOPLE), ...ws])
    const { people } = JSON.parse(
      cli([
        'calibration',
        'create',
        '--name',
        `${DEPARTMENT} trace`,
        '--scope',
        `department=${DEPARTMENT}`,
        ...ws,
        '--json',
      ]),
    ) as { people: number }
    const started = spawn(process.execPath, [join(ROOT, 'out/main/host.js'), ...ws], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const url = await new Promise<string>((resolve, reject) => {
      let output = ''
      const onData = (chunk: Buffer): void => {
        output += chunk.toString()
        const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output)
        if (match?.[1]) resolve(match[1])
      }
      started.stdout.on('data', onData)
      started.stderr.on('data', onData)
      started.on('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)))
    })
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await page.goto(url)
      await page.getByRole('button', { name: 'Calibration' }).click()
      await page.getByRole('button', { name: `${DEPARTMENT} trace` }).click()
      const grid = page.locator('svg.nine-box')
      await grid.waitFor()
      const nodes = await grid.locator('*').count()
      const drawn = await grid.locator('[data-employee]').count()
      const person = grid.locator('[data-employee]').first()
      const from = await person.boundingBox()
      const to = await page.getByTestId('box-9').boundingBox()
      if (!from || !to) throw new Error('nothing to drag')
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await browser.startTracing(page, {
        categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame'],
      })
      await page.mouse.down()
      const steps = 60
      for (let i = 1; i <= steps; i++) {
        const t = i / steps
        await page.mouse.move(
          from.x + (to.x + to.width / 2 - from.x) * t,
          from.y + (to.y + to.height / 2 - from.y) * t + Math.sin(t * Math.PI * 4) * 40,
        )
      }
      await page.mouse.up()
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
      const frames = trace.traceEvents
        .filter((e) => e.name === 'DrawFrame')
        .map((e) => e.ts)
        .sort((a, b) => a - b)
      const intervals = frames.slice(1).map((ts, i) => (ts - (frames[i] as number)) / 1000)
      const sortedIntervals = [...intervals].sort((a, b) => a - b)
      // Tasks on the renderer's main thread (where React and the SVG work run), from the trace's thread names.
      const main = new Set(
        trace.traceEvents
          .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
          .map((e) => e.tid),
      )
      const tasks = trace.traceEvents
        .filter((e) => e.ph === 'X' && e.name.endsWith('RunTask') && main.has(e.tid) && e.dur !== undefined)
        .map((e) => (e.dur as number) / 1000)
        .sort((a, b) => a - b)
      console.log(
        `Drag on the nine-box grid — ${PEOPLE.toLocaleString('en-US')}-person workspace, ${DEPARTMENT} session`,
      )
      console.log(`  session: ${people} people; ${drawn} drawn person by person; ${nodes} SVG nodes`)
      console.log(
        `  frames during a ${steps}-step drag: ${frames.length}; interval p50 ${percentile(sortedIntervals, 50).toFixed(1)} ms, p95 ${percentile(sortedIntervals, 95).toFixed(1)} ms, max ${(sortedIntervals.at(-1) ?? 0).toFixed(1)} ms`,
      )
      console.log(
        `  main-thread tasks: ${tasks.length}; p95 ${percentile(tasks, 95).toFixed(1)} ms, longest ${(tasks.at(-1) ?? 0).toFixed(1)} ms, over 16.7 ms: ${tasks.filter((d) => d > 16.7).length}`,
      )
    } finally {
      await browser.close()
      started.kill()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
