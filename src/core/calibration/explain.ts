import type {
  AgilityScore,
  AxisScore,
  CalibrationSettings,
  Flag,
  FlagContext,
  Placement,
  RaterFinding,
} from '../../shared/contract/calibration'
import { addDays } from '../dates'
import { agilityComponents, explainAgility } from './agility'
import type { AppliedMove, CalibrationPerson, CycleInfo, ReviewRecord } from './evidenceModel'
import { explainPerformance, placePerformance } from './performance'
import { flagsWithEvidence, personFlags } from './personFlags'
import { explainPotential } from './potential'
import { scanEvidence } from './evidenceScan'
import { levelKey, message } from './messages'
import { reviewEvidence } from './evidenceLabels'

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
  if (placement.source === 'placed') return explainHandPlacement(person, placement, cycle, settings)
  const review = reviewIn(person, cycle)
  // The records behind assessment results are named only where they make up the potential score.
  const assessment =
    placement.assessment &&
    (placement.potential.basis === 'assessment' || placement.potential.basis === 'blend')
      ? {
          percentile: placement.assessment.percentile,
          records: scanEvidence(
            person,
            {
              asOf: settings.asOf,
              periodStart: cycle.startsOn ?? addDays(settings.asOf, -365),
              periodEnd: cycle.endsOn ?? settings.asOf,
            },
            null,
          ).results.lastValues(),
        }
      : undefined
  return {
    performance: explainPerformance(review, settings.performanceCuts),
    potential: explainPotential(
      placement.potential as Parameters<typeof explainPotential>[0],
      placement.agility.index,
      review,
      settings.potential,
      assessment,
      settings.performanceCuts,
    ),
    agility: explainAgility(
      placement.agility,
      agilityComponents(person, settings.asOf),
      settings.agilityWeights,
    ),
  }
}

/**
 * Someone the data could not place, placed by hand from the holding area: the box is the meeting's judgement (the
 * move's reason is in their moves), so the axes say so and cite only the rating, when there is one.
 */
function explainHandPlacement(
  person: CalibrationPerson,
  placement: Placement,
  cycle: CycleInfo,
  settings: CalibrationSettings,
): { performance: AxisScore; potential: AxisScore; agility: AgilityScore } {
  const review = person.reviews.find((r) => r.cycleId === cycle.id)
  const reason = message(`calibration.todo.heldFor.${placement.heldFor ?? 'not-rated'}`)
  const axis = (level: Placement['performance']['level'], value: number | null): AxisScore => ({
    level,
    value,
    explanation: `Placed by hand in box ${placement.box} from the holding area. ${level[0]?.toUpperCase()}${level.slice(1)}.`,
    explanationText: message('calibration.potential.byHand', {
      box: placement.box,
      reason,
      level: message(levelKey(level, true)),
    }),
    evidence: [],
  })
  return {
    performance: review
      ? {
          ...explainPerformance(review, settings.performanceCuts),
          level: placement.performance.level,
          evidence: [reviewEvidence(review)],
        }
      : axis(placement.performance.level, null),
    potential: axis(placement.potential.level, null),
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
      assessment: placement.assessment,
    },
    session.flagContext,
  )
  return flagsWithEvidence(raw, placement.flags)
}
