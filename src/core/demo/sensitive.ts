import { addDays } from '../dates'
import { createRandom } from '../random'
import type { DemoPerson } from './hierarchy'
import type { DemoRecords } from './records'

/** The attributes a fairness audit groups people by; kept apart from everything else in the workspace. */
export interface DemoSensitiveAttributes {
  gender: 'Female' | 'Male' | 'Non-binary' | null
  birthYear: number
  workPattern: 'Full-time' | 'Part-time'
}

/**
 * Drawn from a stream of their own (seeded by the person's position), so adding them changed nobody's records.
 * Part-time work is more common among women, as in most workforces; nothing else about a person depends on them.
 */
export function sensitiveAttributesFor(
  person: DemoPerson,
  seed: number,
  asOf: string,
): DemoSensitiveAttributes {
  const random = createRandom(seed)
  const gender = random.weighted<DemoSensitiveAttributes['gender']>([
    ['Female', 48],
    ['Male', 49],
    ['Non-binary', 1.5],
    [null, 1.5],
  ])
  const ageAtHire = Math.round(random.normal(29 + person.jobLevel * 2, 6, 20, 58))
  const hiredYear = Number(person.hireDate.slice(0, 4))
  const birthYear = Math.min(hiredYear - ageAtHire, Number(asOf.slice(0, 4)) - 20)
  const partTime = random.chance(gender === 'Female' ? 0.24 : 0.07)
  return { gender, birthYear, workPattern: partTime ? 'Part-time' : 'Full-time' }
}

/**
 * Part-time staff finish fewer voluntary courses in a year, having fewer hours for them: the demo keeps that real
 * pattern so the fairness audit has a component-driven disparity to find (breadth of recent learning). Planted
 * cases keep all their records, so what they are planted to show does not change.
 */
export function withPartTimeLearning(
  records: DemoRecords,
  attributes: DemoSensitiveAttributes,
  planted: boolean,
  seed: number,
  asOf: string,
): DemoRecords {
  if (attributes.workPattern !== 'Part-time' || planted) return records
  const random = createRandom(seed ^ 0x2545f491)
  const lastYear = addDays(asOf, -365)
  return {
    ...records,
    learningRecords: records.learningRecords.filter(
      (r) =>
        !(r.voluntary && r.activityId.startsWith('CRS-') && (r.completedAt ?? '') > lastYear) ||
        random.chance(0.2),
    ),
  }
}
