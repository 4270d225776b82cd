import type { CalibrationView } from '../../../shared/contract/calibration'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'

/** A member as the data places them: null when the data cannot (they are in the holding area, or placed by hand). */
export interface ComputedBox {
  personId: number
  computedBox: number | null
}

/** Where a member stands now, for a move: their box (null in the holding area) and the data's box. */
export interface CurrentBox extends ComputedBox {
  box: number | null
}

/** Settings decide the data's boxes (potential source, cuts), so each settings text has its own map. */
export const computedBoxesKey = (settingsJson: string): string => `computed-boxes:${settingsJson}`

/** Every member's box as the data places it, from a view: moves never change it, so any view of the session will do. */
export function computedBoxesOf(
  view: Pick<CalibrationView, 'placements' | 'holding'>,
): Map<string, ComputedBox> {
  const boxes = new Map<string, ComputedBox>()
  for (const h of view.holding) boxes.set(h.employeeId, { personId: h.personId, computedBox: null })
  for (const p of view.placements)
    boxes.set(p.employeeId, {
      personId: p.personId,
      computedBox: p.source === 'placed' ? null : p.computedBox,
    })
  return boxes
}

/**
 * Where the given members stand now without computing the grid: the last move in force (the same rule the grid
 * uses: the newest active step wins), else the data's box. Members not in the map are left out.
 */
export function currentBoxes(
  db: WorkspaceDb,
  sessionId: string,
  boxes: ReadonlyMap<string, ComputedBox>,
  employeeIds: readonly string[],
  /** A roll-up's starting boxes (people.id → box): where a member is before the roll-up moves them. */
  starts: ReadonlyMap<number, { box: number }> = new Map(),
): Map<string, CurrentBox> {
  const moved = new Map<number, number>()
  for (const m of db
    .prepare(
      `SELECT person_id AS personId, to_box AS toBox FROM calibration_moves
       WHERE session_id = ? AND state = 0 ORDER BY step, id`,
    )
    .all(sessionId) as { personId: number; toBox: number }[])
    moved.set(m.personId, m.toBox)
  const current = new Map<string, CurrentBox>()
  for (const id of employeeIds) {
    const known = boxes.get(id)
    if (known)
      current.set(id, {
        ...known,
        box: moved.get(known.personId) ?? starts.get(known.personId)?.box ?? known.computedBox,
      })
  }
  return current
}
