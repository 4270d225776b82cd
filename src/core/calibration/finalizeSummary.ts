import type { CalibrationView } from '../../shared/contract/calibration'

/** What is left in a session before it is locked: what the Finalize dialog shows. */
export interface FinalizeSummary {
  /** People on the grid nobody marked as discussed. */
  notDiscussed: number
  /** Flags still open, on the grid and in the holding area. */
  openFlags: number
  /** Boxes whose count is over or under the target. */
  offTarget: CalibrationView['distribution']
  holding: number
  /** The session refuses to finalize while a box is off target (the service says so too; this says it first). */
  refused: boolean
}

export function finalizeSummary(view: CalibrationView): FinalizeSummary {
  const offTarget = view.distribution.filter((d) => d.deviation !== 'on-target')
  const openFlags = [...view.placements, ...view.holding].reduce(
    (n, p) => n + p.flags.filter((f) => f.status === 'open').length,
    0,
  )
  return {
    notDiscussed: view.placements.filter((p) => !p.discussed).length,
    openFlags,
    offTarget,
    holding: view.holding.length,
    refused: view.settings.enforceTargets && offTarget.length > 0,
  }
}

/** Nothing left to check: everyone discussed, no open flag, every box on target, nobody held. */
export const allClear = (s: FinalizeSummary): boolean =>
  s.notDiscussed === 0 && s.openFlags === 0 && s.offTarget.length === 0 && s.holding === 0
