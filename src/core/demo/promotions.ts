import { addDays, daysBetween } from '../dates'
import { createRandom } from '../random'
import type { DemoPerson } from './hierarchy'
import type { DemoLearningRecord } from './records'

/** A person's last promotion: to the level they hold now, from the one below. */
export interface DemoPromotion {
  promotedOn: string
  fromLevel: number
  toLevel: number
}

/** About one person in seven was promoted in the last three years. */
const BASE_RATE = 0.14
/** After a leadership programme, a promotion within a year is likelier: the pattern the leading indicator finds. */
const AFTER_PROGRAMME_RATE = 0.4

/**
 * The promotion that brought a person to their current level, if it was recent (within three years of `asOf`, and
 * at least six months after they were hired). Drawn from a stream of its own, so adding promotions changed nobody's
 * other records. A leadership programme completed in the window makes a promotion 3–12 months later likelier.
 */
export function promotionsFor(
  person: DemoPerson,
  records: readonly DemoLearningRecord[],
  seed: number,
  asOf: string,
): DemoPromotion[] {
  if (person.jobLevel < 2) return []
  const random = createRandom(seed ^ 0x2c1b3c6d)
  const earliest = [addDays(person.hireDate, 183), addDays(asOf, -3 * 365)].sort()[1] ?? asOf
  if (earliest >= asOf) return []
  const programme = records.find(
    (r) => r.activityId.startsWith('PRG-') && r.status === 'completed' && r.completedAt !== null,
  )
  const promoted = (on: string): DemoPromotion[] => [
    { promotedOn: on, fromLevel: person.jobLevel - 1, toLevel: person.jobLevel },
  ]
  if (programme?.completedAt && random.chance(AFTER_PROGRAMME_RATE)) {
    const on = addDays(programme.completedAt, random.int(90, 365))
    if (on <= asOf && on >= earliest) return promoted(on)
  }
  if (!random.chance(BASE_RATE)) return []
  return promoted(addDays(earliest, random.int(0, daysBetween(earliest, asOf))))
}
