import type {
  AgilityPlacement,
  AxisPlacement,
  Evidence,
  Flag,
  FlagCode,
} from '../../shared/contract/calibration'
import type { CalibrationPerson, LearningRecord, ReviewRecord } from './evidenceModel'
import { competencyEvidence, learningEvidence, reviewEvidence } from './evidenceLabels'
import { normaliseRating } from './performance'

export type RawFlag = Omit<Flag, 'status' | 'note'>

/** A person's performance placement with the review it came from (the flags cite it as evidence). */
export interface RatedPerformance extends AxisPlacement {
  review: ReviewRecord
}

export interface FlagContext {
  asOf: string
  /** Start of the review period the session looks at (the cycle's start, else a year before asOf). */
  periodStart: string
  /** Agility index at or above which a person is in the session's top share. */
  agilityTopCut: number | null
  /** Median normalised rating of the session. */
  medianRating: number
  staleEvidenceMonths: number
  /** asOf minus staleEvidenceMonths, computed once per session. */
  staleSince: string
}

const flag = (
  code: FlagCode,
  severity: RawFlag['severity'],
  rationale: string,
  evidence: Evidence[],
): RawFlag => ({
  code,
  severity,
  rationale,
  evidence,
})
const DONE = new Set(['completed', 'passed', 'waived'])

/** Records of one activity, latest first (by completion, else due, else assignment date). */
function latestFirst(records: readonly LearningRecord[]): LearningRecord[] {
  const when = (r: LearningRecord): string => r.completedAt ?? r.dueAt ?? r.assignedAt ?? ''
  return [...records].sort((a, b) => when(b).localeCompare(when(a)))
}

function byActivity(
  records: readonly LearningRecord[],
  keep: (r: LearningRecord) => boolean,
): Map<string, LearningRecord[]> {
  const map = new Map<string, LearningRecord[]>()
  for (const r of records) {
    if (!keep(r)) continue
    const list = map.get(r.activityId)
    if (list) list.push(r)
    else map.set(r.activityId, [r])
  }
  return map
}

/** Mandatory learning whose latest record failed, or is still open past its due date, within the period. */
export function complianceGap(
  person: CalibrationPerson,
  performance: RatedPerformance,
  ctx: FlagContext,
): RawFlag | null {
  if (performance.level !== 'high') return null
  const gaps: LearningRecord[] = []
  for (const records of byActivity(
    person.learning,
    (r) => r.mandatory && r.activityType !== 'certification',
  ).values()) {
    const latest = latestFirst(records)[0] as LearningRecord
    if (DONE.has(latest.status)) continue
    const failed =
      latest.status === 'failed' &&
      latest.completedAt !== null &&
      latest.completedAt >= ctx.periodStart &&
      latest.completedAt <= ctx.asOf
    const overdue =
      latest.status !== 'failed' &&
      latest.dueAt !== null &&
      latest.dueAt < ctx.asOf &&
      latest.dueAt >= ctx.periodStart
    if (failed || overdue) gaps.push(latest)
  }
  if (gaps.length === 0) return null
  const what = gaps.map(
    (r) => `${r.title} ${r.status === 'failed' ? `failed on ${r.completedAt}` : `overdue since ${r.dueAt}`}`,
  )
  return flag(
    'COMPLIANCE_GAP',
    'high',
    `Rated high, but mandatory training is not done: ${what.join('; ')}.`,
    [...gaps.map(learningEvidence), reviewEvidence(performance.review)],
  )
}

/** A certification the person held whose latest validity has ended, with no valid record of it since. */
export function expiredCertification(
  person: CalibrationPerson,
  performance: RatedPerformance,
  ctx: FlagContext,
): RawFlag | null {
  if (performance.level !== 'high') return null
  const expired: LearningRecord[] = []
  for (const records of byActivity(
    person.learning,
    (r) => r.activityType === 'certification' && DONE.has(r.status),
  ).values()) {
    const validUntil = records.map((r) => r.validUntil)
    if (validUntil.some((v) => v === null || v >= ctx.asOf)) continue
    const latest = [...records].sort((a, b) =>
      (b.validUntil ?? '').localeCompare(a.validUntil ?? ''),
    )[0] as LearningRecord
    expired.push(latest)
  }
  if (expired.length === 0) return null
  return flag(
    'EXPIRED_CERTIFICATION',
    'high',
    `Rated high, but ${expired.map((r) => `${r.title} expired on ${r.validUntil}`).join('; ')}.`,
    [...expired.map(learningEvidence), reviewEvidence(performance.review)],
  )
}

/**
 * The review and the independent evidence (assessment and 360 competency ratings of the cycle's period) disagree
 * by two levels or more, either way; also a manager's rating of a skill against an assessment of the same skill.
 */
export function ratingEvidenceMismatch(
  person: CalibrationPerson,
  review: ReviewRecord,
  ctx: FlagContext,
): RawFlag | null {
  const independent = person.competencies.filter(
    (c) =>
      (c.source === 'assessment' || c.source === '360') &&
      c.ratedAt !== null &&
      c.ratedAt >= ctx.periodStart &&
      c.ratedAt <= ctx.asOf,
  )
  const reasons: string[] = []
  const evidence: Evidence[] = []
  if (independent.length > 0) {
    const mean = independent.reduce((s, c) => s + c.level, 0) / independent.length
    const overall = normaliseRating(review.overallRating, review.scaleMin, review.scaleMax)
    if (Math.abs(overall - mean) >= 2 - 1e-9) {
      reasons.push(
        `overall rating ${Math.round(overall * 10) / 10}/5 vs assessed skills averaging ${Math.round(mean * 10) / 10}/5`,
      )
      evidence.push(reviewEvidence(review), ...independent.map(competencyEvidence))
    }
  }
  for (const manager of person.competencies.filter(
    (c) => c.source === 'manager' && c.cycleName === review.cycleName,
  )) {
    const assessed = independent.find((c) => c.skill.toLowerCase() === manager.skill.toLowerCase())
    if (assessed && Math.abs(assessed.level - manager.level) >= 2) {
      reasons.push(`${manager.skill}: manager ${manager.level} vs ${assessed.source} ${assessed.level}`)
      evidence.push(competencyEvidence(manager), competencyEvidence(assessed))
    }
  }
  if (reasons.length === 0) return null
  return flag(
    'RATING_EVIDENCE_MISMATCH',
    'medium',
    `Ratings and independent evidence differ by 2+ levels: ${reasons.join('; ')}.`,
    evidence,
  )
}

/** The records behind an agility index, built only for the people a flag cites them for. */
export type AgilityEvidence = () => Evidence[]

export function hiddenGem(
  performance: RatedPerformance,
  agility: AgilityPlacement,
  ctx: FlagContext,
  agilityEvidence: AgilityEvidence,
): RawFlag | null {
  if (agility.index === null || ctx.agilityTopCut === null || agility.index < ctx.agilityTopCut) return null
  const rating = performance.value ?? Number.POSITIVE_INFINITY
  // A high performer is never hidden, even in a lenient session where the median rating is high.
  if (performance.level === 'high') return null
  if (performance.level !== 'moderate' && rating > ctx.medianRating) return null
  return flag(
    'HIDDEN_GEM',
    'info',
    `Learning agility ${agility.index} is in the session's top group (≥ ${ctx.agilityTopCut}) while performance is ${performance.level} (rating ${Math.round(rating * 100) / 100}/5, session median ${ctx.medianRating}).`,
    [reviewEvidence(performance.review), ...agilityEvidence()],
  )
}

export function miscastTalent(
  performance: RatedPerformance,
  agility: AgilityPlacement,
  ctx: FlagContext,
  agilityEvidence: AgilityEvidence,
): RawFlag | null {
  if (
    performance.level !== 'low' ||
    agility.index === null ||
    ctx.agilityTopCut === null ||
    agility.index < ctx.agilityTopCut
  )
    return null
  return flag(
    'MISCAST_TALENT',
    'medium',
    `Low performance with learning agility ${agility.index} in the session's top group: consider a different role before an exit.`,
    [reviewEvidence(performance.review), ...agilityEvidence()],
  )
}

/** No learning or skill evidence newer than the configured age (or none at all). */
export function staleEvidence(person: CalibrationPerson, ctx: FlagContext): RawFlag | null {
  const since = ctx.staleSince
  let newest: string | null = null
  for (const r of person.learning)
    if (r.completedAt !== null && r.completedAt <= ctx.asOf && (newest === null || r.completedAt > newest))
      newest = r.completedAt
  for (const c of person.competencies)
    if (
      c.source !== 'self' &&
      c.ratedAt !== null &&
      c.ratedAt <= ctx.asOf &&
      (newest === null || c.ratedAt > newest)
    )
      newest = c.ratedAt
  if (newest !== null && newest >= since) return null
  return flag(
    'STALE_EVIDENCE',
    'info',
    newest === null
      ? 'No learning or skill evidence on record.'
      : `The newest learning or skill evidence is from ${newest}, older than ${ctx.staleEvidenceMonths} months.`,
    [],
  )
}

export function notRated(cycleName: string): RawFlag {
  return flag('STALE_EVIDENCE', 'info', `No rating in ${cycleName}.`, [])
}

export function movedAgainstEvidence(
  computedBox: number,
  box: number,
  distance: number,
  move: { reason: string; actor: string; at: string; step: number },
): RawFlag {
  return flag(
    'MOVED_AGAINST_EVIDENCE',
    'medium',
    `Moved from box ${computedBox} (where the data puts them) to box ${box}, ${distance} steps against the evidence: "${move.reason}".`,
    [
      {
        kind: 'move',
        id: move.step,
        date: move.at.slice(0, 10),
        label: `Move by ${move.actor}`,
        value: `box ${computedBox} → ${box}`,
      },
    ],
  )
}
