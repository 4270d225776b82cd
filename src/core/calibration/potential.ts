import type { AxisScore, CalibrationSettings, Level } from '../../shared/contract/calibration'
import type { ReviewRecord } from './evidenceModel'
import { reviewEvidence } from './evidenceLabels'
import { levelKey, message, type Message } from './messages'
import { firstValueRankedFrom } from './ranking'

type PotentialSettings = CalibrationSettings['potential']

export type PotentialBasis = 'agility' | 'manager' | 'blend'

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
}

export function potentialCuts(values: readonly number[], settings: PotentialSettings): PotentialCuts {
  const { mode, low, high } = settings.cuts
  if (mode === 'fixed') {
    return {
      levelOf: (value) => (value >= high ? 'high' : value < low ? 'low' : 'moderate'),
      text: cutsText(settings),
    }
  }
  // Ranks rise with the score, so each cut is a score: the first one ranked at or above the percentile.
  const sorted = new Float64Array(values).sort()
  const highFrom = firstValueRankedFrom(sorted, high / 100) ?? Number.POSITIVE_INFINITY
  const moderateFrom = firstValueRankedFrom(sorted, low / 100) ?? Number.POSITIVE_INFINITY
  return {
    levelOf: (value) => (value >= highFrom ? 'high' : value < moderateFrom ? 'low' : 'moderate'),
    text: `low below the session's ${low}th percentile, high from its ${high}th`,
  }
}

export function explainPotential(
  placement: { level: Level; value: number | null; basis: PotentialBasis },
  agilityIndex: number | null,
  review: ReviewRecord | undefined,
  settings: PotentialSettings,
): AxisScore {
  const { level } = placement
  return {
    level,
    value: placement.value,
    explanation: `${potentialExplanation(placement.basis, agilityIndex, review, settings)} ${level[0]?.toUpperCase()}${level.slice(1)}: ${cutsText(settings)}.`,
    explanationText: message('calibration.potential.explain', {
      basis: potentialExplanationText(placement.basis, agilityIndex, review, settings),
      level: message(levelKey(level, true)),
      cuts: cutsMessage(settings),
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
    : `low below the session's ${low}th percentile, high from its ${high}th`
}
