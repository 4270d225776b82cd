import type { Placement, RaterFinding } from '../../shared/contract/calibration'
import { boxDistance } from './placement'
import { crossesEdge, movement } from './previousPlacement'

/**
 * A proposal far from the evidence: two boxes or more from where the records place the person (steps added over
 * both axes), or across the grid's top or bottom edge (into or out of box 9 or box 1) — the same measure as a big
 * move since the last cycle. Worth talking about before anything else a manager proposed.
 */
export function farFromEvidence(proposedBox: number, evidenceBox: number): boolean {
  return boxDistance(proposedBox, evidenceBox) >= 2 || crossesEdge(proposedBox, evidenceBox)
}

/** Per manager: what the meeting did with their proposals, beside the reviewer finding on their ratings, if any. */
export interface ProposalOutcome {
  /** The proposer's employee ID when known (their reviewer ID), else null. */
  proposerId: string | null
  /** The proposer as the file or the workspace names them (their ID when nobody named them). */
  proposer: string
  proposals: number
  /** Proposals whose final box is the proposed one. */
  kept: number
  /** Final box above the proposal (steps gained over both axes), below it, or both (3 → 7). */
  up: number
  down: number
  /** Reviewer leniency or severity found on the same person's ratings in this session. */
  rater: RaterFinding['code'] | null
}

/**
 * Who proposed what and how much of it the meeting changed, in the order of most changed first (then by name). Only
 * placed people count: someone held has no final box to compare with.
 */
export function proposalOutcomes(
  placements: readonly Placement[],
  raters: readonly Pick<RaterFinding, 'reviewerId' | 'code'>[],
): ProposalOutcome[] {
  const byProposer = new Map<string, ProposalOutcome>()
  const raterOf = new Map(raters.map((r) => [r.reviewerId, r.code]))
  for (const p of placements) {
    const proposed = p.proposedBox
    if (proposed === null || proposed === undefined) continue
    const proposerId = p.proposal?.byId ?? null
    const proposer = p.proposal?.by ?? proposerId ?? ''
    const key = proposerId ?? `name:${proposer}`
    let outcome = byProposer.get(key)
    if (!outcome) {
      outcome = {
        proposerId,
        proposer,
        proposals: 0,
        kept: 0,
        up: 0,
        down: 0,
        rater: proposerId === null ? null : (raterOf.get(proposerId) ?? null),
      }
      byProposer.set(key, outcome)
    }
    outcome.proposals++
    if (p.box === proposed) {
      outcome.kept++
      continue
    }
    const m = movement(proposed, p.box)
    if (m.up > 0) outcome.up++
    if (m.down > 0) outcome.down++
  }
  const byName = new Intl.Collator()
  return [...byProposer.values()].sort(
    (a, b) => b.proposals - b.kept - (a.proposals - a.kept) || byName.compare(a.proposer, b.proposer),
  )
}
