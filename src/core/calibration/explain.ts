import type {
  AgilityScore,
  AxisScore,
  CalibrationSettings,
  Flag,
  FlagContext,
  Placement,
  RaterFinding,
} from '../../shared/contract/calibration'
import { agilityComponents, explainAgility } from './agility'
import type { AppliedMove, CalibrationPerson, CycleInfo, ReviewRecord } from './evidenceModel'
import { explainPerformance, placePerformance } from './performance'
import { flagsWithEvidence, personFlags } from './personFlags'
import { explainPotential } from './potential'

function reviewIn(person: CalibrationPerson, cycle: CycleInfo): ReviewRecord {
  const review = person.reviews.find((r) => r.cycleId === cycle.id)
  if (!review)
    throw new Error(`${person.employeeId} has no review in ${cycle.name}, so no placement to explain`)
  return review
}

/**
 * One person's placement in words, with the records behind each number. The grid's view carries only levels and
 * numbers (for 50,000 people the sentences were most of the work); the side panel asks for this.
 */
export function explainPlacement(
  person: CalibrationPerson,
  placement: Placement,
  cycle: CycleInfo,
  settings: CalibrationSettings,
): { performance: AxisScore; potential: AxisScore; agility: AgilityScore } {
  const review = reviewIn(person, cycle)
  return {
    performance: explainPerformance(review, settings.performanceCuts),
    potential: explainPotential(placement.potential, placement.agility.index, review, settings.potential),
    agility: explainAgility(
      placement.agility,
      agilityComponents(person, settings.asOf),
      settings.agilityWeights,
    ),
  }
}

/**
 * A placement's flags with the records behind each, judged again for this one person against the session's context
 * (the same rules as the grid, so the same flags), with what the meeting recorded on each.
 */
export function explainFlags(
  person: CalibrationPerson,
  placement: Placement,
  session: {
    cycle: CycleInfo
    settings: CalibrationSettings
    flagContext: FlagContext
    raters: readonly RaterFinding[]
    move: AppliedMove | undefined
  },
): Flag[] {
  const review = reviewIn(person, session.cycle)
  const { level, value } = placePerformance(review, session.settings.performanceCuts)
  const raw = personFlags(
    person,
    {
      review,
      performance: { level, value, review },
      agility: placement.agility,
      computedBox: placement.computedBox,
      box: placement.box,
      move: session.move,
      rater: session.raters.find((r) => r.reviewerId === review.reviewerId),
    },
    session.flagContext,
  )
  return flagsWithEvidence(raw, placement.flags)
}
