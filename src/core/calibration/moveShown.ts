import type { CalibrationView, HeldPerson, Placement } from '../../shared/contract/calibration'
import { deviation } from './distribution'
import { boxLevels } from './placement'
import { sameRoster } from './rosterFacts'

/**
 * A session view with a move the services have just written shown in it, while the whole view is recomputed: the
 * people in their new box (a box back to the data's own is no longer "moved") and the distribution recounted.
 * Flags that depend on the move arrive with the recomputed view; someone placed from the holding area is shown
 * placed by hand at once (their manager, location and level arrive with the recomputed view).
 */
export function withMoveShown(
  view: CalibrationView,
  employeeIds: readonly string[],
  box: number,
): CalibrationView {
  return withMovesShown(
    view,
    employeeIds.map((employeeId) => ({ employeeId, box })),
  )
}

/** Several moves shown at once (a sandbox's tries): a person moved twice ends where they were moved last. */
export function withMovesShown(
  view: CalibrationView,
  moves: readonly { employeeId: string; box: number }[],
): CalibrationView {
  if (moves.length === 0) return view
  const to = new Map(moves.map((m) => [m.employeeId, m.box]))
  // A plain scan and the counts adjusted per person moved: at 50,000 people this runs on every move.
  let placements: Placement[] | null = null
  const actual = new Map(view.distribution.map((d) => [d.box, d.actual]))
  for (let i = 0; i < view.placements.length; i++) {
    const p = view.placements[i] as Placement
    const box = to.get(p.employeeId)
    if (box === undefined || p.box === box) continue
    placements ??= view.placements.slice()
    placements[i] = {
      ...p,
      box,
      source: p.source === 'placed' ? p.source : box === p.computedBox ? 'computed' : 'moved',
    }
    actual.set(p.box, (actual.get(p.box) ?? 0) - 1)
    actual.set(box, (actual.get(box) ?? 0) + 1)
  }
  // Someone placed from the holding area: on the grid at once, as the services will place them (by hand, both levels
  // read from the box), and out of the holding area.
  let holding = view.holding
  if (view.holding.length > 0) {
    const placed = view.holding.filter((h) => to.has(h.employeeId))
    if (placed.length > 0) {
      placements ??= view.placements.slice()
      for (const held of placed) {
        const box = to.get(held.employeeId) as number
        placements.push(placedByHand(held, box))
        actual.set(box, (actual.get(box) ?? 0) + 1)
      }
      holding = view.holding.filter((h) => !to.has(h.employeeId))
    }
  }
  if (placements === null) return view
  // A person added from the holding area changes the roster.
  if (holding === view.holding) sameRoster(view.placements, placements)
  return {
    ...view,
    placements,
    holding,
    canUndo: true,
    canRedo: false,
    distribution: view.distribution.map((d) => {
      const now = actual.get(d.box) ?? 0
      return now === d.actual ? d : { ...d, actual: now, deviation: deviation(now, d.targetCount) }
    }),
  }
}

/** A held person placed by hand in `box`, as the core places them: the box is the meeting's judgement. */
function placedByHand(held: HeldPerson, box: number): Placement {
  const levels = boxLevels(box)
  return {
    personId: held.personId,
    employeeId: held.employeeId,
    name: held.name,
    pseudonym: held.pseudonym,
    managerId: null,
    department: held.department,
    location: null,
    jobLevel: null,
    computedBox: box,
    box,
    source: 'placed',
    performance: { level: levels.performance, value: null },
    potential: { level: levels.potential, value: null, basis: 'hand' },
    agility: { index: null, ranks: [null, null, null, null] },
    heldFor: held.reason,
    flags: held.flags,
    discussed: false,
  }
}
