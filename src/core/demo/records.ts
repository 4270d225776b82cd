import { addDays } from '../dates'
import type { Random } from '../random'
import {
  CERTIFICATIONS,
  COMPLIANCE_COURSES,
  DEPARTMENTS,
  LEADERSHIP_SKILLS,
  PROGRAMS,
  SHARED_SKILLS,
  skillActivityId,
} from './catalogue'
import type { DemoPerson } from './hierarchy'

export interface DemoCycle {
  name: string
  startsOn: string
  endsOn: string
  scaleMin: number
  scaleMax: number
}

export interface DemoReview {
  employeeId: string
  cycle: string
  overallRating: number
  potentialRating: number
  reviewerId: string | null
  reviewDate: string
}

export type CompetencySource = 'self' | 'manager' | '360' | 'assessment'

export interface DemoCompetencyRating {
  employeeId: string
  cycle: string | null
  skill: string
  level: number
  source: CompetencySource
  ratedBy: string | null
  ratedAt: string
}

export type LearningStatus =
  'enrolled' | 'in_progress' | 'completed' | 'passed' | 'failed' | 'waived' | 'withdrawn' | 'no_show'

export interface DemoLearningRecord {
  employeeId: string
  activityId: string
  status: LearningStatus
  score: number | null
  scoreMin: number | null
  scoreMax: number | null
  assignedAt: string | null
  dueAt: string | null
  completedAt: string | null
  durationMinutes: number | null
  validUntil: string | null
  voluntary: boolean
}

export interface DemoRecords {
  reviews: DemoReview[]
  competencyRatings: DemoCompetencyRating[]
  learningRecords: DemoLearningRecord[]
}

/** What a planted case forces, on top of the person's ordinary records. */
export type Plant = 'compliance-gap' | 'expired-certification' | 'hidden-gem' | null

const clampLevel = (n: number): number => Math.max(1, Math.min(5, Math.round(n)))

export function skillsFor(person: DemoPerson): string[] {
  const spec = DEPARTMENTS.find((d) => d.name === person.department)
  const own = spec ? spec.skills.slice(0, 3) : ['Problem Solving']
  return [...own, ...SHARED_SKILLS.slice(0, 1), ...(person.traits.isManager ? LEADERSHIP_SKILLS : [])]
}

/**
 * Everything one person has on record across two review cycles. Ratings follow the person's hidden performance;
 * skill growth, assessment improvement and voluntary learning follow their agility, so the data carries the signal
 * that calibration later has to find.
 */
export function recordsFor(
  person: DemoPerson,
  cycles: readonly [DemoCycle, DemoCycle],
  asOf: string,
  plant: Plant,
  random: Random,
): DemoRecords {
  const { performance } = person.traits
  const agility = plant === 'hidden-gem' ? 0.92 + random.next() * 0.08 : person.traits.agility
  const reviews: DemoReview[] = []
  const competencyRatings: DemoCompetencyRating[] = []
  const learningRecords: DemoLearningRecord[] = []
  const hiredBefore = (date: string): boolean => person.hireDate < date

  cycles.forEach((cycle, index) => {
    if (!hiredBefore(addDays(cycle.endsOn, -90))) return
    const reviewDate = addDays(cycle.endsOn, random.int(20, 50))
    let rating = clampLevel(performance + random.normal(0, 0.45, -1.5, 1.5))
    if (plant === 'hidden-gem') rating = 3
    if ((plant === 'compliance-gap' || plant === 'expired-certification') && index === 1) rating = 5
    reviews.push({
      employeeId: person.employeeId,
      cycle: cycle.name,
      overallRating: rating,
      potentialRating: Math.max(
        1,
        Math.min(3, Math.round(1 + agility * 1.4 + (rating - 3) * 0.3 + random.normal(0, 0.3, -1, 1))),
      ),
      reviewerId: person.managerId,
      reviewDate,
    })
  })

  for (const skill of skillsFor(person)) {
    let level = clampLevel(
      1 + person.jobLevel * 0.45 + (performance - 3) * 0.4 + random.normal(0, 0.5, -1, 1),
    )
    cycles.forEach((cycle, index) => {
      if (!hiredBefore(addDays(cycle.endsOn, -90))) return
      // A planted hidden gem grows in every skill (the draw is still made, so the random stream stays the same).
      if (index > 0 && (random.chance(agility * 0.75) || plant === 'hidden-gem'))
        level = clampLevel(level + 1)
      competencyRatings.push({
        employeeId: person.employeeId,
        cycle: cycle.name,
        skill,
        level,
        source: 'manager',
        ratedBy: person.managerId,
        ratedAt: addDays(cycle.endsOn, random.int(5, 30)),
      })
    })
  }

  addComplianceRecords(person, asOf, plant, random, learningRecords)
  addCertification(person, asOf, plant, random, learningRecords)
  addSkillLearning(person, asOf, agility, plant === 'hidden-gem', random, learningRecords, competencyRatings)
  if (person.traits.performance > 3.8 && random.chance(0.25)) {
    const program = random.pick(PROGRAMS)
    const completedAt = addDays(asOf, -random.int(30, 500))
    learningRecords.push(
      record(person, program.activityId, 'completed', {
        completedAt,
        durationMinutes: 2400,
        voluntary: false,
        assignedAt: addDays(completedAt, -120),
      }),
    )
    // A 360 on the programme's skill a few months later, as leadership programmes usually close with one: the data
    // the leading-indicator question ("did completers get higher ratings within six months?") needs. Drawn last,
    // so nothing else about the person changes.
    const ratedAt = addDays(completedAt, random.int(60, 160))
    if (program.skill && ratedAt <= asOf)
      competencyRatings.push({
        employeeId: person.employeeId,
        cycle: null,
        skill: program.skill,
        level: clampLevel(person.traits.performance - 0.5 + random.next()),
        source: '360',
        ratedBy: null,
        ratedAt,
      })
  }
  return { reviews, competencyRatings, learningRecords }
}

function record(
  person: DemoPerson,
  activityId: string,
  status: LearningStatus,
  fields: Partial<DemoLearningRecord>,
): DemoLearningRecord {
  return {
    employeeId: person.employeeId,
    activityId,
    status,
    score: null,
    scoreMin: null,
    scoreMax: null,
    assignedAt: null,
    dueAt: null,
    completedAt: null,
    durationMinutes: null,
    validUntil: null,
    voluntary: false,
    ...fields,
  }
}

function addComplianceRecords(
  person: DemoPerson,
  asOf: string,
  plant: Plant,
  random: Random,
  out: DemoLearningRecord[],
): void {
  const assignedAt = addDays(asOf, -200)
  const dueAt = addDays(asOf, -110)
  if (person.hireDate > assignedAt) return
  const plantedIndex = plant === 'compliance-gap' ? random.int(0, COMPLIANCE_COURSES.length - 1) : -1
  COMPLIANCE_COURSES.forEach((course, index) => {
    const roll = random.next()
    const outcome =
      index === plantedIndex
        ? random.chance(0.5)
          ? 'failed'
          : 'overdue'
        : roll < 0.02
          ? 'failed'
          : roll < 0.05
            ? 'overdue'
            : 'done'
    if (outcome === 'done') {
      out.push(
        record(person, course.activityId, 'completed', {
          assignedAt,
          dueAt,
          completedAt: addDays(assignedAt, random.int(1, 85)),
          durationMinutes: random.int(20, 60),
          score: random.int(80, 100),
          scoreMin: 0,
          scoreMax: 100,
        }),
      )
    } else if (outcome === 'failed') {
      out.push(
        record(person, course.activityId, 'failed', {
          assignedAt,
          dueAt,
          completedAt: addDays(assignedAt, random.int(30, 85)),
          durationMinutes: random.int(20, 60),
          score: random.int(30, 69),
          scoreMin: 0,
          scoreMax: 100,
        }),
      )
    } else {
      out.push(
        record(person, course.activityId, random.chance(0.5) ? 'enrolled' : 'in_progress', {
          assignedAt,
          dueAt,
        }),
      )
    }
  })
}

function addCertification(
  person: DemoPerson,
  asOf: string,
  plant: Plant,
  random: Random,
  out: DemoLearningRecord[],
): void {
  const spec = DEPARTMENTS.find((d) => d.name === person.department)
  const certificationId = spec?.certification ?? (plant === 'expired-certification' ? 'CERT-PMP' : null)
  const cert = CERTIFICATIONS.find((c) => c.activityId === certificationId)
  if (!cert || (plant !== 'expired-certification' && !random.chance(0.4))) return
  const expired = plant === 'expired-certification' || random.chance(0.12)
  const validUntil = expired ? addDays(asOf, -random.int(10, 300)) : addDays(asOf, random.int(30, 1000))
  out.push(
    record(person, cert.activityId, 'passed', {
      completedAt: addDays(validUntil, -3 * 365),
      validUntil,
      score: random.int(70, 95),
      scoreMin: 0,
      scoreMax: 100,
      voluntary: true,
    }),
  )
}

function addSkillLearning(
  person: DemoPerson,
  asOf: string,
  agility: number,
  planted: boolean,
  random: Random,
  out: DemoLearningRecord[],
  ratings: DemoCompetencyRating[],
): void {
  const skills = skillsFor(person)
  const courses = Math.round(agility * 5 + random.next() * 1.5)
  for (let i = 0; i < courses; i++) {
    const skill = random.pick(skills)
    const completedAt = addDays(asOf, -random.int(5, 700))
    out.push(
      record(person, skillActivityId('CRS', skill), 'completed', {
        completedAt,
        assignedAt: addDays(completedAt, -random.int(5, 60)),
        durationMinutes: random.int(30, 240),
        voluntary: true,
      }),
    )
  }
  if (!random.chance(0.25 + agility * 0.4) && !planted) return
  const skill = random.pick(skills)
  const activityId = skillActivityId('ASM', skill)
  const first = Math.round(random.normal(55 + agility * 15, 10, 20, 95))
  const firstAt = addDays(asOf, -random.int(250, 500))
  out.push(
    record(person, activityId, first >= 60 ? 'passed' : 'failed', {
      completedAt: firstAt,
      score: first,
      scoreMin: 0,
      scoreMax: 100,
      voluntary: true,
    }),
  )
  let best = first
  if (random.chance(0.3 + agility * 0.6) || planted) {
    best = Math.min(100, first + Math.round(agility * 30 + random.next() * 8))
    out.push(
      record(person, activityId, best >= 60 ? 'passed' : 'failed', {
        completedAt: addDays(asOf, -random.int(20, 200)),
        score: best,
        scoreMin: 0,
        scoreMax: 100,
        voluntary: true,
      }),
    )
  }
  ratings.push({
    employeeId: person.employeeId,
    cycle: null,
    skill,
    level: clampLevel(best / 20),
    source: 'assessment',
    ratedBy: null,
    ratedAt: firstAt,
  })
}
