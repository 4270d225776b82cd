// Managers' proposals beside a large session (issue 19 §5): what `withProposals` adds to a session view (a map
// lookup per person) against the calibration core, measured in the same run on a workspace made by `ninefold demo`,
// with everyone given a proposal (the cycle's ratings taken as proposals).
//   tsx bench/proposalsBench.ts WORKSPACE KEY_FILE
import { agendaItems } from '../src/core/calibration/agenda'
import { calibrate } from '../src/core/calibration/calibrate'
import { withProposals } from '../src/main/services/calibration/proposals'
import { computeView } from '../src/main/services/calibration/sessionView'
import { openBenchWorkspace, sessionCoreInput, timed } from './workspaceBench'

const { services, client } = openBenchWorkspace('proposalsBench.ts')

const { sessionId } = await client.call('calibration.create', { name: 'Everyone with proposals' })
let start = performance.now()
const imported = await client.call('calibration.importProposals', { sessionId, from: 'ratings' })
console.log(
  `${imported.proposals} proposals taken from the ratings in ${(performance.now() - start).toFixed(0)} ms`,
)

const db = services.session.reader
const { row, input } = sessionCoreInput(db, sessionId)
const core = timed(5, () => calibrate(input))
const view = computeView(db, row)
// The first decoration reads the batch's proposals; after it they are kept (a meeting's moves keep them).
start = performance.now()
const first = withProposals(db, { ...view })
const cold = performance.now() - start
// A new view object each time, so the decorator's per-view memo never answers.
const decorate = timed(7, () => withProposals(db, { ...view }))
const proposed = first.placements.filter((p) => p.proposedBox !== null).length
// The agenda judges every placement once per view; the far-proposal reason is one more comparison each.
const bare = { ...view, placements: view.placements.map((p) => ({ ...p, proposedBox: null })) }
const agendaWithout = timed(5, () => agendaItems(bare.placements, view.flagContext))
const agendaWith = timed(5, () => agendaItems(first.placements, view.flagContext))
console.log(
  `${view.placements.length} placed, ${proposed} with a proposal\n` +
    `  calibrate (core)         ${core.toFixed(0)} ms\n` +
    `  withProposals (kept)     ${decorate.toFixed(1)} ms = ${((100 * decorate) / core).toFixed(1)}% of the core ` +
    `(${cold.toFixed(0)} ms the first time: the batch's rows read)\n` +
    `  agenda items             ${agendaWith.toFixed(1)} ms with proposals, ${agendaWithout.toFixed(1)} ms without`,
)
services.dispose()
