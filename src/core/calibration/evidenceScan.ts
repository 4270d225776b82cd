import type { Evidence } from '../../shared/contract/calibration'
import { addDays, daysBetween } from '../dates'
import type { CalibrationPerson, CompetencyRecord, LearningRecord } from './evidenceModel'
import { competencyEvidence, learningEvidence } from './evidenceLabels'

const DONE = new Set(['completed', 'passed'])
/** A certification counts as held once completed, passed or waived; its validity decides whether it lapsed. */
const HELD = new Set(['completed', 'passed', 'waived'])
const MIN_SPAN_DAYS = 90

const scaled = (r: LearningRecord): number | null =>
  r.score !== null && r.scoreMin !== null && r.scoreMax !== null && r.scoreMax > r.scoreMin
    ? (r.score - r.scoreMin) / (r.scoreMax - r.scoreMin)
    : null

const when = (r: LearningRecord): string => r.completedAt ?? r.dueAt ?? r.assignedAt ?? ''
/** Latest by completion, else due, else assignment date (a tie keeps the record seen first). */
const laterByWhen = (a: LearningRecord, b: LearningRecord): boolean => when(a) > when(b)
/** Open-ended validity (null) outlasts any date. */
const laterValidity = (a: LearningRecord, b: LearningRecord): boolean =>
  b.validUntil !== null && (a.validUntil === null || a.validUntil > b.validUntil)

/**
 * First and last record per key for one person, in arrays reused from person to person. A person has a handful of
 * skills and activities, so a linear search beats hashing; Maps cleared per person reallocated their tables, and for
 * a 50k-person session that garbage was most of the scoring's time.
 */
export class FirstLast<T> {
  private keys: string[] = []
  private firsts: T[] = []
  private lasts: T[] = []
  size = 0

  clear(): void {
    this.size = 0
  }

  /** Keeps `record` as the key's first when `when` is earlier, as its last when not earlier than the last. */
  add(key: string, record: T, when: string, whenOf: (r: T) => string): void {
    for (let i = 0; i < this.size; i++) {
      if (this.keys[i] !== key) continue
      if (when < whenOf(this.firsts[i] as T)) this.firsts[i] = record
      else if (when >= whenOf(this.lasts[i] as T)) this.lasts[i] = record
      return
    }
    this.keys[this.size] = key
    this.firsts[this.size] = record
    this.lasts[this.size] = record
    this.size++
  }

  /** Keeps one record per key: the one `later` prefers (with no preference, the one added first). */
  keep(key: string, record: T, later: (a: T, b: T) => boolean): void {
    for (let i = 0; i < this.size; i++)
      if (this.keys[i] === key) {
        if (later(record, this.lasts[i] as T)) this.lasts[i] = record
        return
      }
    this.keys[this.size] = key
    this.firsts[this.size] = record
    this.lasts[this.size] = record
    this.size++
  }

  /** Keeps the latest record added for the key (records are added in any order; the last added wins). */
  put(key: string, record: T): void {
    for (let i = 0; i < this.size; i++)
      if (this.keys[i] === key) {
        this.lasts[i] = record
        return
      }
    this.keys[this.size] = key
    this.firsts[this.size] = record
    this.lasts[this.size] = record
    this.size++
  }

  first(i: number): T {
    return this.firsts[i] as T
  }

  last(i: number): T {
    return this.lasts[i] as T
  }

  lastValues(): T[] {
    return this.lasts.slice(0, this.size)
  }
}

const ratedAt = (r: CompetencyRecord): string => r.ratedAt as string
const completedAt = (r: LearningRecord): string => r.completedAt as string

/** The dates a scan is judged against. */
export interface ScanWindow {
  asOf: string
  /** Start of the review period: independent ratings and compliance failures count from here. */
  periodStart: string
  /** End of the review period (the cycle's end, else asOf): assessment results after it are not the cycle's. */
  periodEnd?: string | undefined
}

/** The date an assessment result is shown with: completed, else assigned, else due; null when undated. */
export const resultDate = (r: LearningRecord): string | null => r.completedAt ?? r.assignedAt ?? r.dueAt

/**
 * An assessment result as a number: within its bounds as a percentage (0–100) when the record gives a maximum
 * (the minimum defaults to 0), else the raw score as recorded. Results are only ever compared by rank within a
 * session, so a file of raw scores on one scale ranks as it should; bounded and raw results mixed in one session
 * rank on their numbers as given.
 */
export function resultScore(r: LearningRecord): number {
  const score = r.score as number
  const min = r.scoreMin ?? 0
  return r.scoreMax !== null && r.scoreMax > min ? (100 * (score - min)) / (r.scoreMax - min) : score
}

/** The same on a known scale only: a percentage when the record gives a maximum, else null (no scale to judge). */
export function boundedResult(r: LearningRecord): number | null {
  const min = r.scoreMin ?? 0
  return r.score !== null && r.scoreMax !== null && r.scoreMax > min
    ? (100 * (r.score - min)) / (r.scoreMax - min)
    : null
}

/** A later result (by its date; an undated one is older than any dated one) replaces an earlier one. */
const laterResult = (a: LearningRecord, b: LearningRecord): boolean =>
  (resultDate(a) ?? '') > (resultDate(b) ?? '')

/**
 * Everything calibration reads from one person's records, gathered in one pass over their ratings and one over
 * their learning: the agility components and the facts behind the record-level flags. In a 50k-person session
 * the records are scattered over a large heap, and each extra pass over them cost as much as a whole bare read.
 * One instance is reused from person to person: a scan is valid until the next `run`.
 */
export class PersonEvidenceScan {
  readonly growth = new FirstLast<CompetencyRecord>()
  /** Distinct skills rated by others in the last 12 months (the latest rating of each). */
  readonly freshSkills = new FirstLast<CompetencyRecord>()
  readonly attempts = new FirstLast<LearningRecord>()
  /** Distinct non-mandatory learning finished in the last 12 months. */
  readonly finished = new FirstLast<LearningRecord>()
  /** Distinct programmes completed in the last 3 years. */
  readonly programmes = new FirstLast<LearningRecord>()
  /** The newest learning completion or rating by others (stale evidence). */
  newest: string | null = null
  /** Assessment and 360 ratings within the review period (independent of the manager). */
  readonly independent: CompetencyRecord[] = []
  /** The manager's skill ratings in the reviewed cycle. */
  readonly managerRatings: CompetencyRecord[] = []
  /** Latest record of each mandatory, non-certification activity. */
  readonly compliance = new FirstLast<LearningRecord>()
  /** Longest-valid record of each certification held. */
  readonly certifications = new FirstLast<LearningRecord>()
  /**
   * The latest scored result of each assessment in the review period, or undated (potential from assessments, the
   * thin-evidence flags). Only items of type assessment count: a course's or certification's score measures that
   * course or a pass mark, not the person, so it is never read as an assessment result.
   */
  readonly results = new FirstLast<LearningRecord>()
  /** Since when learning and ratings count as recent (12 months) and programmes as stretch (3 years). */
  year = ''
  threeYears = ''
  private windowsOf = ''

  run(person: CalibrationPerson, window: ScanWindow, cycleName: string | null): this {
    const { asOf, periodStart } = window
    this.newest = null
    this.independent.length = 0
    this.managerRatings.length = 0
    this.compliance.clear()
    this.certifications.clear()
    this.results.clear()
    this.growth.clear()
    this.freshSkills.clear()
    this.attempts.clear()
    this.finished.clear()
    this.programmes.clear()
    // The same asOf for a whole session: work out its windows once.
    if (asOf !== this.windowsOf) {
      this.windowsOf = asOf
      this.year = addDays(asOf, -365)
      this.threeYears = addDays(asOf, -3 * 365)
    }
    const { year, threeYears } = this
    const periodEnd = window.periodEnd ?? asOf
    // Self-ratings are not evidence of growth or breadth.
    for (const r of person.competencies) {
      const at = r.ratedAt
      if (r.source === 'manager' && cycleName !== null && r.cycleName === cycleName)
        this.managerRatings.push(r)
      if (r.source === 'self' || at === null || at > asOf) continue
      if (this.newest === null || at > this.newest) this.newest = at
      if ((r.source === 'assessment' || r.source === '360') && at >= periodStart) this.independent.push(r)
      this.growth.add(r.skill, r, at, ratedAt)
      if (at > year) this.freshSkills.put(r.skill, r)
    }
    for (const r of person.learning) {
      if (r.mandatory && r.activityType !== 'certification')
        this.compliance.keep(r.activityId, r, laterByWhen)
      else if (r.activityType === 'certification' && HELD.has(r.status))
        this.certifications.keep(r.activityId, r, laterValidity)
      if (r.activityType === 'assessment' && r.score !== null) {
        const dated = resultDate(r)
        if (dated === null || (dated >= periodStart && dated <= periodEnd))
          this.results.keep(r.activityId, r, laterResult)
      }
      const at = r.completedAt
      if (at === null || at > asOf) continue
      if (this.newest === null || at > this.newest) this.newest = at
      if (r.activityType === 'assessment' && scaled(r) !== null)
        this.attempts.add(r.activityId, r, at, completedAt)
      if (!DONE.has(r.status)) continue
      if (!r.mandatory && r.activityType !== 'certification' && at > year) this.finished.put(r.activityId, r)
      if (r.activityType === 'program' && at > threeYears) this.programmes.put(r.activityId, r)
    }
    return this
  }

  /** The skills whose first and last rating are 3+ months apart, by position. */
  private grownSkill(i: number): boolean {
    return daysBetween(ratedAt(this.growth.first(i)), ratedAt(this.growth.last(i))) >= MIN_SPAN_DAYS
  }

  /** Levels gained per year, averaged over the skills rated at least twice, 3+ months apart. */
  skillGrowth(): { raw: number | null; skills: number } {
    let total = 0
    let skills = 0
    for (let i = 0; i < this.growth.size; i++) {
      const first = this.growth.first(i)
      const last = this.growth.last(i)
      if (first === last) continue
      const days = daysBetween(ratedAt(first), ratedAt(last))
      if (days < MIN_SPAN_DAYS) continue
      total += (last.level - first.level) / (days / 365.25)
      skills++
    }
    return { raw: skills === 0 ? null : total / skills, skills }
  }

  growthEvidence(): Evidence[] {
    const evidence: Evidence[] = []
    for (let i = 0; i < this.growth.size; i++)
      if (this.grownSkill(i))
        evidence.push(competencyEvidence(this.growth.first(i)), competencyEvidence(this.growth.last(i)))
    return evidence
  }

  /** Latest score per assessment (mastery) plus half the gain since the first attempt (improvement). */
  assessment(): { raw: number | null; mastery: number; improvement: number } {
    const n = this.attempts.size
    if (n === 0) return { raw: null, mastery: 0, improvement: 0 }
    let mastery = 0
    let improvement = 0
    for (let i = 0; i < n; i++) {
      const last = scaled(this.attempts.last(i)) as number
      mastery += last
      improvement += Math.max(0, last - (scaled(this.attempts.first(i)) as number))
    }
    mastery /= n
    improvement /= n
    return { raw: mastery + improvement / 2, mastery, improvement }
  }

  assessmentEvidence(): Evidence[] {
    const evidence: Evidence[] = []
    for (let i = 0; i < this.attempts.size; i++) {
      const first = this.attempts.first(i)
      const last = this.attempts.last(i)
      if (first !== last) evidence.push(learningEvidence(first))
      evidence.push(learningEvidence(last))
    }
    return evidence
  }

  /** The mean of the latest result per assessment in the period (null without one), and how many it rests on. */
  assessmentResult(): { raw: number | null; results: number } {
    const n = this.results.size
    if (n === 0) return { raw: null, results: 0 }
    let total = 0
    for (let i = 0; i < n; i++) total += resultScore(this.results.last(i))
    return { raw: total / n, results: n }
  }

  breadth(): number | null {
    const count = this.freshSkills.size + this.finished.size
    return count === 0 ? null : count
  }

  /** Everyone has a value here: no programme is a real 0, not missing evidence. */
  stretch(): number {
    return this.programmes.size
  }
}

const shared = new PersonEvidenceScan()

/** Scans one person with the shared scanner: the result is valid until the next call. */
export function scanEvidence(
  person: CalibrationPerson,
  window: ScanWindow,
  cycleName: string | null,
): PersonEvidenceScan {
  return shared.run(person, window, cycleName)
}
