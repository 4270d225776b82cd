import type { CalibrationView } from '../../shared/contract/calibration'
import { deviation } from './distribution'

/**
 * A session view with a move the services have just written shown in it, while the whole view is recomputed: the
 * people in their new box (a box back to the data's own is no longer "moved") and the distribution recounted.
 * Flags that depend on the move arrive with the recomputed view; someone placed from the holding area appears
 * with it too (the holding area has no box to change here).
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
  const to = new Map(moves.map((m) => [m.employeeId, m.box]))
  let changed = false
  const placements = view.placements.map((p) => {
    const box = to.get(p.employeeId)
    if (box === undefined || p.box === box) return p
    changed = true
    return {
      ...p,
      box,
      source:
        p.source === 'placed' ? p.source : box === p.computedBox ? ('computed' as const) : ('moved' as const),
    }
  })
  if (!changed) return view
  const actual = new Map<number, number>()
  for (const p of placements) actual.set(p.box, (actual.get(p.box) ?? 0) + 1)
  return {
    ...view,
    placements,
    canUndo: true,
    canRedo: false,
    distribution: view.distribution.map((d) => {
      const now = actual.get(d.box) ?? 0
      return { ...d, actual: now, deviation: deviation(now, d.targetCount) }
    }),
  }
}
