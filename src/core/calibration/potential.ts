import type {
  AxisScore,
  CalibrationSettings,
  Level,
  PotentialSourceKey,
} from '../../shared/contract/calibration'
import type { LearningRecord, ReviewRecord } from './evidenceModel'
import { learningEvidence, reviewEvidence } from './evidenceLabels'
import { resultDate } from './evidenceScan'
import { english } from '../../shared/i18n/translate'
import { englishOrdinal, joinMessages, levelKey, message, type Message } from './messages'
import { firstValueRankedFrom } from './ranking'
import { levelFromCuts, normaliseRating } from './performance'

type PerformanceCuts = CalibrationSettings['performanceCuts']

/**
 * A manager's potential rating is a rating: its level is its place on its scale, cut as performance ratings are
 * (Low/Medium/High on 1–3 are low/moderate/high), not where it ranks in the session — a department whose manager
 * rates most people "High" would otherwise see some of them called moderate.
 */
export function managerLevel(rating: number, settings: PotentialSettings, cuts: PerformanceCuts): Level {
  const { min, max } = settings.managerScale
  return levelFromCuts(
    normaliseRating(Math.max(min, Math.min(max, rating)), min, max),
    cuts.lowMax,
    cuts.highMin,
  )
}

type PotentialSettings = CalibrationSettings['potential']

export type PotentialBasis = 'agility' | 'manager' | 'blend' | 'assessment'

/** A person's assessment results behind a potential score: their session percentile and the records. */
export interface AssessmentEvidence {
  percentile: number
  records: readonly LearningRecord[]
}

/**
 * Whether a session's potential needs the general rules below: a source or blend that sessions made before
 * assessment results existed could not have, so their placements keep the original rules byte for byte.
 */
export function usesGeneralRules(settings: PotentialSettings): boolean {
  if (settings.source === 'assessment') return true
  const pair = settings.blendOf
  return (
    settings.source === 'blend' && pair !== undefined && !(pair[0] === 'agility' && pair[1] === 'manager')
  )
}

/** The sources a setting reads, in order of preference (the first one on record is used when a blend cannot be). */
export function sourcesOf(settings: PotentialSettings): readonly PotentialSourceKey[] {
  switch (settings.source) {
    case 'assessment':
      return ['assessment', 'manager']
    case 'manager':
      return ['manager']
    case 'agility':
      return ['agility', 'manager']
    case 'blend':
      return settings.blendOf ?? ['agility', 'manager']
  }
}

/**
 * The 0–100 score potential is cut from, by any setting: the session's source (assessment results fall back to the
 * manager's potential rating, as the agility index does), or a blend of two sources weighted by `agilityWeight`
 * for the first (with one of the two missing, the other alone). Null when nothing the setting reads is on record.
 */
export function resolvePotential(
  agilityIndex: number | null,
  potentialRating: number | null,
  assessmentPercentile: number | null,
  settings: PotentialSettings,
): { value: number; basis: PotentialBasis } | null {
  if (!usesGeneralRules(settings)) return potentialScore(agilityIndex, potentialRating, settings)
  const valueOf = (source: PotentialSourceKey): number | null =>
    source === 'agility'
      ? agilityIndex
      : source === 'manager'
        ? managerScore(potentialRating, settings)
        : assessmentPercentile
  const sources = sourcesOf(settings)
  if (settings.source === 'blend') {
    const [first, second] = sources as [PotentialSourceKey, PotentialSourceKey]
    const a = valueOf(first)
    const b = valueOf(second)
    if (a !== null && b !== null)
      return { value: settings.agilityWeight * a + (1 - settings.agilityWeight) * b, basis: 'blend' }
  }
  for (const source of sources) {
    const value = valueOf(source)
    if (value !== null) return { value, basis: source }
  }
  return null
}

function managerScore(potentialRating: number | null, settings: PotentialSettings): number | null {
  const { min, max } = settings.managerScale
  return potentialRating === null
    ? null
    : Math.max(0, Math.min(100, (100 * (potentialRating - min)) / (max - min)))
}

/**
 * The 0–100 score the potential axis is cut from, by the session's source: the agility index, the manager's potential
 * rating (also when agility has insufficient evidence), or their blend. Null when neither is on record.
 */
export function potentialScore(
  agilityIndex: number | null,
  potentialRating: number | null,
  settings: PotentialSettings,
): { value: number; basis: PotentialBasis } | null {
  const manager = managerScore(potentialRating, settings)
  if (settings.source === 'blend' && agilityIndex !== null && manager !== null)
    return {
      value: settings.agilityWeight * agilityIndex + (1 - settings.agilityWeight) * manager,
      basis: 'blend',
    }
  if (settings.source !== 'manager' && agilityIndex !== null) return { value: agilityIndex, basis: 'agility' }
  return manager === null ? null : { value: manager, basis: 'manager' }
}

/** How a potential score was formed, in words. */
export function potentialExplanation(
  basis: PotentialBasis,
  agilityIndex: number | null,
  review: ReviewRecord | undefined,
  settings: PotentialSettings,
): string {
  const { min, max } = settings.managerScale
  const manager = managerScore(review?.potentialRating ?? null, settings)
  const managerText = `manager's potential rating ${review?.potentialRating} on ${min}–${max} (${Math.round(manager ?? 0)}/100)`
  if (basis === 'blend') {
    const w = settings.agilityWeight
    const value = w * (agilityIndex as number) + (1 - w) * (manager as number)
    return `${Math.round(w * 100)}% learning agility (${agilityIndex}) + ${Math.round((1 - w) * 100)}% ${managerText} = ${Math.round(value)}.`
  }
  if (basis === 'agility')
    return settings.source === 'blend'
      ? `Blend not possible (no manager potential rating): learning agility index ${agilityIndex}.`
      : `Learning agility index ${agilityIndex}.`
  if (settings.source === 'manager') return `From the ${managerText}.`
  return settings.source === 'blend'
    ? `Blend not possible (agility has insufficient evidence): from the ${managerText}.`
    : `Learning agility has insufficient evidence, so from the ${managerText}.`
}

/** The same as a message, for the user's language. */
export function potentialExplanationText(
  basis: PotentialBasis,
  agilityIndex: number | null,
  review: ReviewRecord | undefined,
  settings: PotentialSettings,
): Message {
  const { min, max } = settings.managerScale
  const manager = managerScore(review?.potentialRating ?? null, settings)
  const managerText = message('calibration.potential.manager', {
    rating: String(review?.potentialRating),
    min,
    max,
    score: Math.round(manager ?? 0),
  })
  const index = String(agilityIndex)
  if (basis === 'blend') {
    const w = settings.agilityWeight
    const value = w * (agilityIndex as number) + (1 - w) * (manager as number)
    return message('calibration.potential.blend', {
      agilityShare: Math.round(w * 100),
      index: agilityIndex as number,
      managerShare: Math.round((1 - w) * 100),
      manager: managerText,
      value: Math.round(value),
    })
  }
  if (basis === 'agility')
    return settings.source === 'blend'
      ? message('calibration.potential.blendNoManager', { index: agilityIndex ?? index })
      : message('calibration.potential.agility', { index: agilityIndex ?? index })
  if (settings.source === 'manager')
    return message('calibration.potential.fromManager', { manager: managerText })
  return settings.source === 'blend'
    ? message('calibration.potential.blendNoAgility', { manager: managerText })
    : message('calibration.potential.managerFallback', { manager: managerText })
}

/**
 * How the session cuts potential scores into levels. Percentile mode ranks each score within the session by mid-rank
 * (ties share a rank, so people with equal evidence always land on the same side): low below the `low` percentile,
 * high from the `high` one — with distinct scores, the bottom 30% and the top 20% by default.
 */
export interface PotentialCuts {
  /** The level of one of the session's own scores. */
  levelOf(value: number): Level
  text: string
  /** The scores where moderate and high begin (infinite when nobody reaches them). */
  moderateFrom: number
  highFrom: number
}

export function potentialCuts(values: readonly number[], settings: PotentialSettings): PotentialCuts {
  const { mode, low, high } = settings.cuts
  if (mode === 'fixed') {
    return {
      levelOf: (value) => (value >= high ? 'high' : value < low ? 'low' : 'moderate'),
      text: cutsText(settings),
      moderateFrom: low,
      highFrom: high,
    }
  }
  // Ranks rise with the score, so each cut is a score: the first one ranked at or above the percentile.
  const sorted = new Float64Array(values).sort()
  const highFrom = firstValueRankedFrom(sorted, high / 100) ?? Number.POSITIVE_INFINITY
  const moderateFrom = firstValueRankedFrom(sorted, low / 100) ?? Number.POSITIVE_INFINITY
  return {
    levelOf: (value) => (value >= highFrom ? 'high' : value < moderateFrom ? 'low' : 'moderate'),
    text: `low below the session's ${englishOrdinal(low)} percentile, high from its ${englishOrdinal(high)}`,
    moderateFrom,
    highFrom,
  }
}

export function explainPotential(
  placement: { level: Level; value: number | null; basis: PotentialBasis },
  agilityIndex: number | null,
  review: ReviewRecord | undefined,
  settings: PotentialSettings,
  assessment?: AssessmentEvidence,
  performanceCuts?: PerformanceCuts,
): AxisScore {
  const { level } = placement
  // A manager's rating alone is cut by its place on its scale (see managerLevel), and says so.
  const cutsEnglish =
    placement.basis === 'manager' && performanceCuts
      ? `a rating's place on its scale, as for performance (low up to ${performanceCuts.lowMax}, high from ${performanceCuts.highMin} on 1–5)`
      : cutsText(settings)
  const cutsWords =
    placement.basis === 'manager' && performanceCuts
      ? message('calibration.potential.cutsScale', {
          lowMax: performanceCuts.lowMax,
          highMin: performanceCuts.highMin,
        })
      : cutsMessage(settings)
  if (usesGeneralRules(settings) || placement.basis === 'assessment') {
    const basis = generalExplanation(placement.basis, agilityIndex, review, settings, assessment)
    return {
      level,
      value: placement.value,
      explanation: `${basis.english} ${level[0]?.toUpperCase()}${level.slice(1)}: ${cutsEnglish}.`,
      explanationText: message('calibration.potential.explain', {
        basis: basis.text,
        level: message(levelKey(level, true)),
        cuts: cutsWords,
      }),
      evidence: [
        ...(review && review.potentialRating !== null && basis.usedManager ? [reviewEvidence(review)] : []),
        ...(basis.usedAssessment && assessment ? assessment.records.map(learningEvidence) : []),
      ],
    }
  }
  return {
    level,
    value: placement.value,
    explanation: `${potentialExplanation(placement.basis, agilityIndex, review, settings)} ${level[0]?.toUpperCase()}${level.slice(1)}: ${cutsEnglish}.`,
    explanationText: message('calibration.potential.explain', {
      basis: potentialExplanationText(placement.basis, agilityIndex, review, settings),
      level: message(levelKey(level, true)),
      cuts: cutsWords,
    }),
    // The agility records are listed under its components; here only the manager's rating when it was used.
    evidence:
      review && review.potentialRating !== null && placement.basis !== 'agility'
        ? [reviewEvidence(review)]
        : [],
  }
}

function cutsMessage(settings: PotentialSettings): Message {
  const { mode, low, high } = settings.cuts
  return message(
    mode === 'fixed' ? 'calibration.potential.cutsFixed' : 'calibration.potential.cutsPercentile',
    {
      low,
      high,
    },
  )
}

function cutsText(settings: PotentialSettings): string {
  const { mode, low, high } = settings.cuts
  return mode === 'fixed'
    ? `low below ${low}, high from ${high}`
    : `low below the session's ${englishOrdinal(low)} percentile, high from its ${englishOrdinal(high)}`
}

/** One assessment result in words: its title, score and date (or that it is undated). */
function resultText(r: LearningRecord): Message {
  const score = r.scoreMax === null ? `${r.score}` : `${r.score}/${r.scoreMax}`
  const date = resultDate(r)
  return date === null
    ? message('calibration.potential.resultUndated', { title: r.title, score })
    : message('calibration.potential.result', { title: r.title, score, date })
}

/** What one source contributed, in words. */
function sourcePart(
  source: PotentialSourceKey,
  agilityIndex: number | null,
  review: ReviewRecord | undefined,
  settings: PotentialSettings,
  assessment: AssessmentEvidence | undefined,
): Message {
  if (source === 'agility')
    return message('calibration.potential.partAgility', { index: String(agilityIndex) })
  if (source === 'manager') {
    const { min, max } = settings.managerScale
    return message('calibration.potential.manager', {
      rating: String(review?.potentialRating),
      min,
      max,
      score: Math.round(managerScore(review?.potentialRating ?? null, settings) ?? 0),
    })
  }
  const records = assessment?.records ?? []
  return message('calibration.potential.partAssessment', {
    percentile: Math.round(assessment?.percentile ?? 0),
    count: records.length,
    items: joinMessages(records.map(resultText), 'semicolon'),
  })
}

/**
 * A potential score from any source or blend, in words, naming the records behind it (the English is the same
 * message, so the two never drift apart).
 */
function generalExplanation(
  basis: PotentialBasis,
  agilityIndex: number | null,
  review: ReviewRecord | undefined,
  settings: PotentialSettings,
  assessment: AssessmentEvidence | undefined,
): { english: string; text: Message; usedManager: boolean; usedAssessment: boolean } {
  const part = (source: PotentialSourceKey): Message =>
    sourcePart(source, agilityIndex, review, settings, assessment)
  const sourceName = (source: PotentialSourceKey): Message =>
    message(`calibration.potential.sourceName.${source}`)
  const sources = sourcesOf(settings)
  const said = (text: Message, usedManager: boolean, usedAssessment: boolean) => ({
    english: english(text),
    text,
    usedManager,
    usedAssessment,
  })
  if (basis === 'blend') {
    const [first, second] = sources as [PotentialSourceKey, PotentialSourceKey]
    const w = settings.agilityWeight
    return said(
      message('calibration.potential.blendOf', {
        firstShare: Math.round(w * 100),
        first: part(first),
        secondShare: Math.round((1 - w) * 100),
        second: part(second),
      }),
      sources.includes('manager'),
      sources.includes('assessment'),
    )
  }
  const used = part(basis)
  const preferred = sources[0] as PotentialSourceKey
  const usedManager = basis === 'manager'
  const usedAssessment = basis === 'assessment'
  if (settings.source === 'blend') {
    const missing = sources.find((s) => s !== basis) as PotentialSourceKey
    return said(
      message('calibration.potential.blendMissing', { missing: sourceName(missing), used }),
      usedManager,
      usedAssessment,
    )
  }
  if (basis === preferred)
    return said(message('calibration.potential.from', { used }), usedManager, usedAssessment)
  return said(
    message('calibration.potential.fallback', { missing: sourceName(preferred), used }),
    usedManager,
    usedAssessment,
  )
}
