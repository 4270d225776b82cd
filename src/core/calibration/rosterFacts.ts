import type { Placement } from '../../shared/contract/calibration'

/**
 * What a screen works out from a session's placements that does not depend on anyone's box — which departments,
 * managers and flags there are — kept per placements array. A move shown on the grid (withMovesShown) changes only
 * boxes, so it hands these facts on to the array it makes: at 50,000 people the filters' lists then cost nothing
 * on a move instead of a pass over everyone. A view read from the services starts afresh.
 */
const facts = new WeakMap<readonly Placement[], Map<string, unknown>>()

export function rosterFact<T>(placements: readonly Placement[], name: string, work: () => T): T {
  let known = facts.get(placements)
  if (!known) facts.set(placements, (known = new Map()))
  if (known.has(name)) return known.get(name) as T
  const value = work()
  known.set(name, value)
  return value
}

/** The facts of `from` hold for `to` too: the same people, only boxes changed. */
export function sameRoster(from: readonly Placement[], to: readonly Placement[]): void {
  const known = facts.get(from)
  if (known) facts.set(to, known)
}
