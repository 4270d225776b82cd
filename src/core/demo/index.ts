import { addDays, parseIsoDate } from '../dates'
import { createRandom } from '../random'
import {
  CERTIFICATIONS,
  COMPLIANCE_COURSES,
  DEPARTMENTS,
  LEADERSHIP_SKILLS,
  PROGRAMS,
  SHARED_SKILLS,
  skillItems,
  type LearningItemSpec,
} from './catalogue'
import { buildHierarchy, type DemoPerson } from './hierarchy'
import { sensitiveAttributesFor, withPartTimeLearning, type DemoSensitiveAttributes } from './sensitive'
import { reactionSurveysFor, type DemoSurveyResponse } from './reactionSurveys'
import { promotionsFor, type DemoPromotion } from './promotions'
import { recordsFor, type DemoCycle, type DemoRecords, type Plant } from './records'

export type { DemoPerson } from './hierarchy'
export type { DemoSensitiveAttributes } from './sensitive'
export type { DemoSurveyResponse } from './reactionSurveys'
export type { DemoPromotion } from './promotions'
export type * from './records'
export type { LearningItemSpec } from './catalogue'

export type PlantedCaseKind = Exclude<Plant, null>

export interface PlantedCase {
  kind: PlantedCaseKind
  employeeId: string
  note: string
}

export interface DemoOrganisation {
  asOf: string
  cycles: readonly [DemoCycle, DemoCycle]
  skills: string[]
  learningItems: LearningItemSpec[]
  people: DemoPerson[]
  plantedCases: PlantedCase[]
  /** Each person's records, made on demand so 100k people never sit in memory as 2M record objects at once. */
  records(): Generator<{
    person: DemoPerson
    records: DemoRecords
    sensitive: DemoSensitiveAttributes
    surveys: DemoSurveyResponse[]
    promotions: DemoPromotion[]
  }>
}

const PLANT_NOTES: Record<PlantedCaseKind, string> = {
  'compliance-gap': 'Top rating in the latest cycle, but a mandatory compliance course is failed or overdue.',
  'expired-certification': 'Top rating in the latest cycle, but their certification has expired.',
  'hidden-gem':
    'Average rating in both cycles, but very high learning agility (skill gains, assessment improvement).',
}

function reviewCycles(asOf: string): [DemoCycle, DemoCycle] {
  const year = parseIsoDate(asOf).getUTCFullYear()
  const cycle = (y: number): DemoCycle => ({
    name: `${y} Annual Review`,
    startsOn: `${y}-01-01`,
    endsOn: `${y}-12-31`,
    scaleMin: 1,
    scaleMax: 5,
  })
  return [cycle(year - 2), cycle(year - 1)]
}

/**
 * Chooses planted cases among established individual contributors (hired over a year before `asOf`), spread
 * evenly through the organisation so every department-sized calibration scope has some to find.
 */
function choosePlants(people: readonly DemoPerson[], asOf: string): Map<string, PlantedCaseKind> {
  const eligible = people.filter((p) => !p.traits.isManager && p.hireDate < addDays(asOf, -365 * 3))
  const counts: [PlantedCaseKind, number][] = [
    ['hidden-gem', Math.max(3, Math.round(people.length * 0.01))],
    ['compliance-gap', Math.max(3, Math.round(people.length * 0.005))],
    ['expired-certification', Math.max(2, Math.round(people.length * 0.003))],
  ]
  const total = counts.reduce((sum, [, n]) => sum + n, 0)
  const stride = Math.max(1, Math.floor(eligible.length / total))
  const plants = new Map<string, PlantedCaseKind>()
  let cursor = Math.floor(stride / 2)
  for (const [kind, count] of counts) {
    for (let i = 0; i < count && cursor < eligible.length; i++, cursor += stride) {
      const person = eligible[cursor]
      if (person) plants.set(person.employeeId, kind)
    }
  }
  return plants
}

/** Mixes the seed with a person's position so their records don't depend on who was generated before them. */
function personSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 31) + Math.imul(index + 1, 0x9e3779b1)) >>> 0
}

export function createDemoOrganisation(options: {
  people: number
  seed: number
  asOf: string
}): DemoOrganisation {
  const { seed, asOf } = options
  const people = buildHierarchy(options.people, createRandom(seed), asOf)
  const plants = choosePlants(people, asOf)
  const cycles = reviewCycles(asOf)
  const departmentSkills = DEPARTMENTS.flatMap((d) => d.skills)
  const skills = [...new Set([...departmentSkills, ...SHARED_SKILLS, ...LEADERSHIP_SKILLS])]
  return {
    asOf,
    cycles,
    skills,
    learningItems: [...COMPLIANCE_COURSES, ...CERTIFICATIONS, ...PROGRAMS, ...skillItems(skills)],
    people,
    plantedCases: [...plants].map(([employeeId, kind]) => ({ kind, employeeId, note: PLANT_NOTES[kind] })),
    *records() {
      for (const [index, person] of people.entries()) {
        const plant = plants.get(person.employeeId) ?? null
        const ownSeed = personSeed(seed ^ 0x51ed270b, index)
        const sensitive = sensitiveAttributesFor(person, ownSeed, asOf)
        const records = recordsFor(person, cycles, asOf, plant, createRandom(personSeed(seed, index)))
        const kept = withPartTimeLearning(records, sensitive, plant !== null, ownSeed, asOf)
        yield {
          person,
          records: kept,
          sensitive,
          surveys: reactionSurveysFor(kept.learningRecords, ownSeed),
          promotions: promotionsFor(person, kept.learningRecords, ownSeed, asOf),
        }
      }
    },
  }
}
