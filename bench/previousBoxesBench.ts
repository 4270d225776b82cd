// The previous cycle beside a large session (issue 19 §5): what `withPreviousBoxes` adds to a session view, against
// the calibration itself, measured in the same run on a workspace made by `ninefold demo`.
//   tsx bench/previousBoxesBench.ts WORKSPACE KEY_FILE
import { calibrate } from '../src/core/calibration/calibrate'
import type { CalibrationSettings } from '../src/shared/contract/calibration'
import { previousBoxes, withPreviousBoxes } from '../src/main/services/calibration/previousBoxes'
import { sessionRow } from '../src/main/services/calibration/sessionRecord'
import { computeView } from '../src/main/services/calibration/sessionView'
import { openBenchWorkspace, sessionCoreInput, timed } from './workspaceBench'

const { services, client } = openBenchWorkspace('previousBoxesBench.ts')

const report = async (label: string, sessionId: string): Promise<void> => {
  const db = services.session.reader
  const { row, input } = sessionCoreInput(db, sessionId)
  const core = timed(5, () => calibrate(input))
  const view = computeView(db, row)
  const whole = timed(3, () => computeView(db, row))
  // The first read of the previous cycle (nothing kept yet for this session), then the kept answer after a move.
  const start = performance.now()
  previousBoxes(db, row.id, view.cycle, view.settings)
  const cold = performance.now() - start
  const lookup = timed(7, () => previousBoxes(db, row.id, view.cycle, view.settings))
  // A new view object each time, so the decorator's per-view memo never answers.
  const decorate = timed(7, () => withPreviousBoxes(db, { ...view }))
  const decorated = withPreviousBoxes(db, { ...view })
  const withPrevious = decorated.placements.filter((p) => p.previousBox !== null).length
  const movers = decorated.placements.filter((p) => p.flags.some((f) => f.code === 'BIG_MOVER')).length
  console.log(
    `${label}: ${view.placements.length} placed, ${withPrevious} with a previous box, ${movers} big movers\n` +
      `  calibrate (core)          ${core.toFixed(0)} ms\n` +
      `  computeView (load + core) ${whole.toFixed(0)} ms\n` +
      `  withPreviousBoxes         ${decorate.toFixed(1)} ms  = ${((100 * decorate) / core).toFixed(1)}% of the core, ${((100 * decorate) / whole).toFixed(1)}% of the view\n` +
      `    of which previousBoxes  ${lookup.toFixed(1)} ms kept (${cold.toFixed(0)} ms the first time: the queries and the computed boxes)`,
  )
}

const cycles = await client.call('calibration.cycles')
const latest = await client.call('calibration.create', { name: 'Everyone now', cycle: cycles[0]?.name })
await report('computed from the previous ratings', latest.sessionId)

// A finalized session of the previous cycle holding everyone: its snapshot is read once, then kept.
const earlier = await client.call('calibration.create', { name: 'Everyone then', cycle: cycles[1]?.name })
let start = performance.now()
await client.call('calibration.setStatus', { sessionId: earlier.sessionId, status: 'finalized' })
console.log(`finalized the previous cycle's session in ${(performance.now() - start).toFixed(0)} ms`)
start = performance.now()
const reader = services.session.reader
const settings = JSON.parse(sessionRow(reader, latest.sessionId).settings_json) as CalibrationSettings
const first = previousBoxes(reader, latest.sessionId, cycles[0]?.name ?? '', settings)
console.log(
  `previous boxes the first time after it (the 50,000-person snapshot read): ${(performance.now() - start).toFixed(0)} ms, ` +
    `${[...first.byPerson.values()].filter((p) => p.from !== null).length} from the finalized session`,
)
await report('from a finalized previous session (snapshot kept)', latest.sessionId)
services.dispose()
