import type {
  AgilityScore,
  AxisScore,
  CalibrationSettings,
  Placement,
} from '../../shared/contract/calibration'
import { agilityComponents, explainAgility } from './agility'
import type { CalibrationPerson, CycleInfo } from './evidenceModel'
import { explainPerformance } from './performance'
import { explainPotential } from './potential'

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
  const review = person.reviews.find((r) => r.cycleId === cycle.id)
  if (!review)
    throw new Error(`${person.employeeId} has no review in ${cycle.name}, so no placement to explain`)
  return {
    performance: explainPerformance(review, settings.performanceCuts),
    potential: explainPotential(placement.potential, placement.agility.index, review, settings.potential),
    agility: explainAgility(placement.agility, agilityComponents(person, settings.asOf, true)),
  }
}
