import { useMemo, useState } from 'react'
import type { CalibrationView, MethodInput } from '../../../../shared/contract'
import { withMovesShown } from '../../../../core/calibration/moveShown'

export type SandboxMove = MethodInput<'calibration.adoptSandbox'>['moves'][number]
export type MoveRequest = Omit<MethodInput<'calibration.move'>, 'sessionId'>

/**
 * A what-if layer over a session: moves tried here change nothing stored. The grid, the tables and the chart show
 * the session with the tries on top; undo takes back the last try; the tries are adopted (one service call, one
 * step of the session's history) or thrown away.
 */
export function useSandbox(view: CalibrationView | null) {
  // One entry per move asked for (a group dragged together is one try, taken back together).
  const [tries, setTries] = useState<SandboxMove[][] | null>(null)
  const moves = useMemo(() => (tries ?? []).flat(), [tries])
  const shown = useMemo(() => {
    if (!view || tries === null) return view
    // Undo here is the sandbox's own: the last try is taken back; nothing is redone.
    return { ...withMovesShown(view, moves), canUndo: moves.length > 0, canRedo: false }
  }, [view, tries, moves])
  return {
    active: tries !== null,
    /** Every move tried, in order (a person tried twice appears twice; the last one counts). */
    moves,
    /** The session as stored, with the sandbox's view on screen. */
    saved: view,
    shown,
    start: () => setTries([]),
    discard: () => setTries(null),
    tryMove: (request: MoveRequest) =>
      setTries((current) => [
        ...(current ?? []),
        request.employeeIds.map((employeeId) => ({
          employeeId,
          box: request.box,
          reasonCode: request.reasonCode,
          reason: request.reason ?? '',
        })),
      ]),
    undoTry: () => setTries((current) => (current ? current.slice(0, -1) : current)),
  }
}
