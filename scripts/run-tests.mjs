// `npm test`: lint, typecheck, build, unit/service/contract tests (Vitest), then end-to-end tests in Chromium
// (Playwright). Every step runs even if an earlier one failed, so one run shows everything that is wrong; the last
// line is the `N passed, N failed` total CI reads (lint, typecheck and build count as one check each).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const results = join(root, 'test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const failedSteps = []

function step(name, command, args, env = {}) {
  process.stdout.write(`\n== ${name} ==\n`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  process.stdout.write(
    `== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ==\n`,
  )
  if (result.status !== 0) failedSteps.push(name)
  return result.status === 0
}

function check(name, command, args) {
  if (step(name, command, args)) totals.passed++
  else totals.failed++
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

check('lint', process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings=0', '.'])
check('format', bin('prettier'), ['--check', '.'])
check('typecheck', bin('tsc'), ['-b'])
const built = step('build', process.execPath, [
  join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
  'build',
])
if (built) totals.passed++
else totals.failed++

step('unit, service and contract tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(results, 'vitest.json')}`,
])
const vitest = readJson(join(results, 'vitest.json'))
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0)
} else {
  totals.failed++ // the runner itself crashed before reporting
}

if (!existsSync(process.env.NINEFOLD_CHROMIUM ?? '/usr/bin/chromium')) {
  process.stdout.write(
    '\nEnd-to-end tests need Chromium at /usr/bin/chromium: sudo apt-get install -y chromium\n',
  )
  failedSteps.push('e2e (no Chromium)')
  totals.failed++
} else if (built) {
  step('end-to-end tests (playwright, Chromium)', bin('playwright'), ['test'])
  const e2e = readJson(join(results, 'playwright.json'))
  if (e2e?.stats) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky
    totals.failed += e2e.stats.unexpected
    totals.skipped += e2e.stats.skipped
  } else {
    totals.failed++
  }
} else {
  failedSteps.push('e2e (not run: the build failed)')
  totals.failed++
}

if (failedSteps.length > 0) process.stdout.write(`\nFailed: ${failedSteps.join(', ')}\n`)
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`)
process.exit(totals.failed > 0 || failedSteps.length > 0 ? 1 : 0)
