import type { CalibrationSettings, Evidence } from '../../shared/contract/calibration'
import type { RawFlag } from './flags'
import { message, type Message } from './messages'
import { levelFromCuts, normaliseRating } from './performance'
import { boxAxes, boxDistance, placeInNineBox } from './placement'
import { managerLevel } from './potential'

/** One review of the previous cycle, as much of it as a placement needs. */
export interface PreviousRating {
  overallRating: number
  potentialRating: number | null
  scaleMin: number
  scaleMax: number
}

/**
 * Where the previous cycle's ratings put a person, cut by this session's settings: performance from the overall
 * rating (as `placePerformance` cuts it), potential from the manager's potential rating on the session's manager
 * scale (as `managerLevel` cuts it). The agility index and assessment results are not ratings of a cycle:
 * rebuilding them as they stood a cycle ago would be the whole calibration again (for 50,000 people, doubling the
 * time), so a previous placement without a finalized session rests on the cycle's two ratings. Null without a
 * potential rating: the previous cycle then gives no box.
 */
export function boxFromRatings(rating: PreviousRating, settings: CalibrationSettings): number | null {
  if (rating.potentialRating === null) return null
  const { lowMax, highMin } = settings.performanceCuts
  const performance = levelFromCuts(
    normaliseRating(rating.overallRating, rating.scaleMin, rating.scaleMax),
    lowMax,
    highMin,
  )
  return placeInNineBox(
    performance,
    managerLevel(rating.potentialRating, settings.potential, settings.performanceCuts),
  )
}

/**
 * How far a person went since the previous box: steps gained (up) and lost (down) along the two axes, counted
 * apart so a move from box 3 to box 7 (high performance, low potential → low performance, high potential) reads
 * "up 2 / down 2" rather than cancelling out.
 */
export interface Movement {
  up: number
  down: number
}

export function movement(from: number, to: number): Movement {
  const a = boxAxes(from)
  const b = boxAxes(to)
  let up = 0
  let down = 0
  for (const delta of [b.performance - a.performance, b.potential - a.potential]) {
    if (delta > 0) up += delta
    else down -= delta
  }
  return { up, down }
}

/**
 * The grid's top and bottom edges: box 9 (high performance, high potential: nothing is above it) and box 1 (low on
 * both: nothing is below it). A move into or out of either corner box crosses the edge even when it is one step
 * (8 → 9, 1 → 2), because it changes what the meeting does with the person: the top-talent pool, or a plan.
 */
export const TOP_BOX = 9
export const BOTTOM_BOX = 1

export function crossesEdge(from: number, to: number): boolean {
  return from !== to && (from === TOP_BOX || to === TOP_BOX || from === BOTTOM_BOX || to === BOTTOM_BOX)
}

/** A big mover: two boxes or more since the previous cycle (steps added over both axes), or across an edge. */
export function isBigMover(from: number, to: number): boolean {
  return boxDistance(from, to) >= 2 || crossesEdge(from, to)
}

/** The movement in words as a message ("up 2 boxes / down 1 box"), or null when the box is the same. */
export function movementText(m: Movement): Message | null {
  const up = m.up > 0 ? message('calibration.previous.up', { count: m.up }) : null
  const down = m.down > 0 ? message('calibration.previous.down', { count: m.down }) : null
  if (up && down) return message('calibration.previous.both', { up, down })
  return up ?? down
}

/** The same in English, by hand (for the flag's rationale, built for every big mover of a large session). */
export function movementEnglish(m: Movement): string {
  const part = (word: string, n: number): string => `${word} ${n} ${n === 1 ? 'box' : 'boxes'}`
  return [m.up > 0 ? part('up', m.up) : null, m.down > 0 ? part('down', m.down) : null]
    .filter((s): s is string => s !== null)
    .join(' / ')
}

/** The big-mover flag: where the person was in the previous cycle, where they are now, and why it is big. */
export function bigMoverFlag(
  previousBox: number,
  box: number,
  previousCycle: string,
  evidence: () => Evidence[],
): RawFlag {
  const m = movement(previousBox, box)
  const edge = boxDistance(previousBox, box) < 2
  const change = movementText(m) ?? ''
  return {
    code: 'BIG_MOVER',
    severity: 'info',
    rationale: `Box ${previousBox} in ${previousCycle}, box ${box} now: ${movementEnglish(m)}${
      edge
        ? `, ${previousBox === TOP_BOX || box === TOP_BOX ? 'into or out of box 9, the top corner' : 'into or out of box 1, the bottom corner'}`
        : ''
    }.`,
    text: message(edge ? 'calibration.flags.bigMoverEdge' : 'calibration.flags.bigMover', {
      from: previousBox,
      to: box,
      cycle: previousCycle,
      change,
      edge: message(
        previousBox === TOP_BOX || box === TOP_BOX
          ? 'calibration.previous.topEdge'
          : 'calibration.previous.bottomEdge',
      ),
    }),
    evidence,
  }
}
