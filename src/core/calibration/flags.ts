import type {
  AgilityPlacement,
  AssessmentPlacement,
  AxisPlacement,
  Evidence,
  Flag,
  FlagCode,
  FlagContext,
} from '../../shared/contract/calibration'
import type { CalibrationPerson, CompetencyRecord, ReviewRecord } from './evidenceModel'
import { agilityComponents } from './agility'
import { boundedResult, scanEvidence, type PersonEvidenceScan } from './evidenceScan'
import { competencyEvidence, learningEvidence, reviewEvidence } from './evidenceLabels'
import { englishOrdinal, joinMessages, levelKey, message, type Message } from './messages'
import { normaliseRating } from './performance'

/**
 * A flag as the rules raise it. Its records are built only when someone looks (the person panel, the export): for a
 * 50k-person session, listing every flag's evidence up front was a third of the grid's time and most of its memory.
 */
export type RawFlag = Omit<Flag, 'status' | 'note' | 'evidence'> & { evidence: () => Evidence[] }

/** A person's performance placement with the review it came from (the flags cite it as evidence). */
export interface RatedPerformance extends AxisPlacement {
  review: ReviewRecord
}

const flag = (
  code: FlagCode,
  severity: RawFlag['severity'],
  rationale: string,
  text: Message,
  evidence: () => Evidence[],
): RawFlag => ({
  code,
  severity,
  rationale,
  text,
  evidence,
})
const DONE = new Set(['completed', 'passed', 'waived'])

/** Mandatory learning whose latest record failed, or is still open past its due date, within the period. */
export function complianceGap(
  scan: PersonEvidenceScan,
  performance: RatedPerformance,
  ctx: FlagContext,
): RawFlag | null {
  if (performance.level !== 'high') return null
  const gaps = scan.compliance.lastValues().filter((latest) => {
    if (DONE.has(latest.status)) return false
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
    return failed || overdue
  })
  if (gaps.length === 0) return null
  const what = gaps.map(
    (r) => `${r.title} ${r.status === 'failed' ? `failed on ${r.completedAt}` : `overdue since ${r.dueAt}`}`,
  )
  return flag(
    'COMPLIANCE_GAP',
    'high',
    `Rated high, but mandatory training is not done: ${what.join('; ')}.`,
    message('calibration.flags.complianceGap', {
      items: joinMessages(
        gaps.map((r) =>
          r.status === 'failed'
            ? message('calibration.flags.failedOn', { title: r.title, date: String(r.completedAt) })
            : message('calibration.flags.overdueSince', { title: r.title, date: String(r.dueAt) }),
        ),
        'semicolon',
      ),
    }),
    () => [...gaps.map(learningEvidence), reviewEvidence(performance.review)],
  )
}

/** A certification the person held whose latest validity has ended, with no valid record of it since. */
export function expiredCertification(
  scan: PersonEvidenceScan,
  performance: RatedPerformance,
  ctx: FlagContext,
): RawFlag | null {
  if (performance.level !== 'high') return null
  const expired = scan.certifications
    .lastValues()
    .filter((r) => r.validUntil !== null && r.validUntil < ctx.asOf)
  if (expired.length === 0) return null
  return flag(
    'EXPIRED_CERTIFICATION',
    'high',
    `Rated high, but ${expired.map((r) => `${r.title} expired on ${r.validUntil}`).join('; ')}.`,
    message('calibration.flags.expired', {
      items: joinMessages(
        expired.map((r) =>
          message('calibration.flags.expiredOn', { title: r.title, date: String(r.validUntil) }),
        ),
        'semicolon',
      ),
    }),
    () => [...expired.map(learningEvidence), reviewEvidence(performance.review)],
  )
}

/**
 * The review and the independent evidence (assessment and 360 competency ratings of the cycle's period) disagree
 * by two levels or more, either way; also a manager's rating of a skill against an assessment of the same skill.
 */
export function ratingEvidenceMismatch(scan: PersonEvidenceScan, review: ReviewRecord): RawFlag | null {
  const { independent } = scan
  // Nothing independent to compare with (most people): no lists to build, unless assessment results say something.
  if (independent.length === 0) return assessmentMismatch(scan, review)
  const reasons: string[] = []
  const texts: Message[] = []
  // The records behind each reason, turned into evidence only when someone looks.
  const cited: (CompetencyRecord | ReviewRecord)[] = []
  if (independent.length > 0) {
    const mean = independent.reduce((s, c) => s + c.level, 0) / independent.length
    const overall = normaliseRating(review.overallRating, review.scaleMin, review.scaleMax)
    if (Math.abs(overall - mean) >= 2 - 1e-9) {
      reasons.push(
        `overall rating ${Math.round(overall * 10) / 10}/5 vs assessed skills averaging ${Math.round(mean * 10) / 10}/5`,
      )
      texts.push(
        message('calibration.flags.mismatchOverall', {
          overall: Math.round(overall * 10) / 10,
          mean: Math.round(mean * 10) / 10,
        }),
      )
      cited.push(review, ...independent)
    }
  }
  // Each skill lower-cased once, not once per pair compared.
  const independentSkills =
    scan.managerRatings.length > 0 ? independent.map((c) => c.skill.toLowerCase()) : []
  for (const manager of scan.managerRatings) {
    const skill = manager.skill.toLowerCase()
    const at = independentSkills.indexOf(skill)
    const assessed = at < 0 ? undefined : independent[at]
    if (assessed && Math.abs(assessed.level - manager.level) >= 2) {
      reasons.push(`${manager.skill}: manager ${manager.level} vs ${assessed.source} ${assessed.level}`)
      texts.push(
        message('calibration.flags.mismatchSkill', {
          skill: manager.skill,
          manager: manager.level,
          source: message(`calibration.source.${assessed.source}`),
          assessed: assessed.level,
        }),
      )
      cited.push(manager, assessed)
    }
  }
  if (reasons.length === 0) return null
  return flag(
    'RATING_EVIDENCE_MISMATCH',
    'medium',
    `Ratings and independent evidence differ by 2+ levels: ${reasons.join('; ')}.`,
    message('calibration.flags.mismatch', { items: joinMessages(texts, 'semicolon') }),
    () => cited.map((r) => ('overallRating' in r ? reviewEvidence(r) : competencyEvidence(r))),
  )
}

/**
 * On thin evidence (no assessed or 360 skill ratings), the review against the person's assessment results in the
 * period: only results on a known scale (a maximum on record), as a percentage mapped onto 1–5. A raw score with no
 * scale says nothing about a level, so it is never compared; one result is enough, and the rationale says how many.
 */
function assessmentMismatch(scan: PersonEvidenceScan, review: ReviewRecord): RawFlag | null {
  if (scan.results.size === 0) return null
  const scaled = scan.results.lastValues().filter((r) => boundedResult(r) !== null)
  if (scaled.length === 0) return null
  const percent = scaled.reduce((sum, r) => sum + (boundedResult(r) as number), 0) / scaled.length
  const assessed = 1 + (4 * percent) / 100
  const overall = normaliseRating(review.overallRating, review.scaleMin, review.scaleMax)
  if (Math.abs(overall - assessed) < 2 - 1e-9) return null
  const values = {
    overall: Math.round(overall * 10) / 10,
    assessed: Math.round(assessed * 10) / 10,
    percent: Math.round(percent),
    count: scaled.length,
  }
  // The English by hand, as the other flags do: translating per flagged person cost more than the whole rule.
  const against =
    scaled.length === 1
      ? `one assessment result of ${values.percent}%`
      : `${scaled.length} assessment results averaging ${values.percent}%`
  return flag(
    'RATING_EVIDENCE_MISMATCH',
    'medium',
    `Ratings and independent evidence differ by 2+ levels: overall rating ${values.overall}/5 vs ${against} (${values.assessed}/5).`,
    message('calibration.flags.mismatch', { items: message('calibration.flags.mismatchAssessment', values) }),
    () => [reviewEvidence(review), ...scaled.map(learningEvidence)],
  )
}

/** The records behind an agility index, a few per component (the panel lists every component's records in full). */
const agilityEvidence = (person: CalibrationPerson, asOf: string): Evidence[] =>
  agilityComponents(person, asOf).flatMap((c) => c.evidence.slice(0, 3))

export function hiddenGem(
  person: CalibrationPerson,
  performance: RatedPerformance,
  agility: Pick<AgilityPlacement, 'index'>,
  ctx: FlagContext,
  assessment?: AssessmentPlacement,
): RawFlag | null {
  if (agility.index === null) return assessment ? assessmentGem(person, performance, assessment, ctx) : null
  if (ctx.agilityTopCut === null || agility.index < ctx.agilityTopCut) return null
  const rating = performance.value ?? Number.POSITIVE_INFINITY
  // A high performer is never hidden, even in a lenient session where the median rating is high.
  if (performance.level === 'high') return null
  if (performance.level !== 'moderate' && rating > ctx.medianRating) return null
  return flag(
    'HIDDEN_GEM',
    'info',
    `Learning agility ${agility.index} is in the session's top group (≥ ${ctx.agilityTopCut}) while performance is ${performance.level} (rating ${Math.round(rating * 100) / 100}/5, session median ${ctx.medianRating}).`,
    message('calibration.flags.hiddenGem', {
      index: agility.index,
      cut: ctx.agilityTopCut,
      level: message(levelKey(performance.level)),
      rating: Math.round(rating * 100) / 100,
      median: ctx.medianRating,
    }),
    () => [reviewEvidence(performance.review), ...agilityEvidence(person, ctx.asOf)],
  )
}

/**
 * The hidden-gem rule on thin evidence: no agility index (too few components on record), but the person's
 * assessment results rank in the session's top share while performance is moderate or at/below the median. One
 * result counts as evidence, and the rationale says how many there are.
 */
function assessmentGem(
  person: CalibrationPerson,
  performance: RatedPerformance,
  assessment: AssessmentPlacement,
  ctx: FlagContext,
): RawFlag | null {
  const cut = ctx.assessmentTopCut
  if (cut === null || cut === undefined || assessment.percentile < cut) return null
  const rating = performance.value ?? Number.POSITIVE_INFINITY
  if (performance.level === 'high') return null
  if (performance.level !== 'moderate' && rating > ctx.medianRating) return null
  const values = {
    percentile: Math.round(assessment.percentile),
    cut: Math.round(cut),
    count: assessment.results,
    level: message(levelKey(performance.level)),
    rating: Math.round(rating * 100) / 100,
    median: ctx.medianRating,
  }
  const results =
    assessment.results === 1
      ? 'the one assessment result on record is'
      : `${assessment.results} assessment results are`
  return flag(
    'HIDDEN_GEM',
    'info',
    `No learning agility index (too little evidence), but ${results} in the session's top group (${englishOrdinal(values.percentile)} percentile, top from the ${englishOrdinal(values.cut)}) while performance is ${performance.level} (rating ${values.rating}/5, session median ${ctx.medianRating}).`,
    message('calibration.flags.hiddenGemAssessment', values),
    () => [
      reviewEvidence(performance.review),
      ...scanEvidence(person, ctx, null).results.lastValues().map(learningEvidence),
    ],
  )
}

export function miscastTalent(
  person: CalibrationPerson,
  performance: RatedPerformance,
  agility: Pick<AgilityPlacement, 'index'>,
  ctx: FlagContext,
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
    message('calibration.flags.miscast', { index: agility.index }),
    () => [reviewEvidence(performance.review), ...agilityEvidence(person, ctx.asOf)],
  )
}

/** No learning or skill evidence newer than the configured age (or none at all). */
export function staleEvidence(scan: PersonEvidenceScan, ctx: FlagContext): RawFlag | null {
  const { newest } = scan
  const since = ctx.staleSince
  if (newest !== null && newest >= since) return null
  return flag(
    'STALE_EVIDENCE',
    'info',
    newest === null
      ? 'No learning or skill evidence on record.'
      : `The newest learning or skill evidence is from ${newest}, older than ${ctx.staleEvidenceMonths} months.`,
    newest === null
      ? message('calibration.flags.staleNone')
      : message('calibration.flags.stale', { date: newest, months: ctx.staleEvidenceMonths }),
    () => [],
  )
}

export function notRated(cycleName: string): RawFlag {
  return flag(
    'STALE_EVIDENCE',
    'info',
    `No rating in ${cycleName}.`,
    message('calibration.flags.notRated', { cycle: cycleName }),
    () => [],
  )
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
    message('calibration.flags.moved', { from: computedBox, to: box, distance, reason: move.reason }),
    () => [
      {
        kind: 'move',
        id: move.step,
        date: move.at.slice(0, 10),
        label: `Move by ${move.actor}`,
        value: `box ${computedBox} → ${box}`,
        labelText: message('calibration.evidence.moveBy', { actor: move.actor }),
        valueText: message('calibration.evidence.moveBoxes', { from: computedBox, to: box }),
      },
    ],
  )
}
