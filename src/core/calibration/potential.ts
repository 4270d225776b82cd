import type { AgilityScore, AxisScore, CalibrationSettings, Level } from '../../shared/contract/calibration'
import type { ReviewRecord } from './evidenceModel'
import { reviewEvidence } from './evidenceLabels'
import { midRanks } from './ranking'

type PotentialSettings = CalibrationSettings['potential']

/** The 0–100 score the potential axis is cut from, by the session's source, with how it was formed. */
export function potentialScore(
  agility: AgilityScore,
  review: ReviewRecord | undefined,
  settings: PotentialSettings,
): { value: number; explanation: string; fromManager: boolean } | null {
  const { min, max } = settings.managerScale
  const manager =
    review?.potentialRating == null
      ? null
      : Math.max(0, Math.min(100, (100 * (review.potentialRating - min)) / (max - min)))
  const managerText = (value: number): string =>
    `manager's potential rating ${review?.potentialRating} on ${min}–${max} (${Math.round(value)}/100)`
  if (settings.source === 'manager' || (settings.source === 'agility' && agility.index === null)) {
    if (manager === null) return null
    return {
      value: manager,
      explanation:
        settings.source === 'manager'
          ? `From the ${managerText(manager)}.`
          : `Learning agility has insufficient evidence, so from the ${managerText(manager)}.`,
      fromManager: true,
    }
  }
  if (settings.source === 'agility') {
    return {
      value: agility.index as number,
      explanation: `Learning agility index ${agility.index}.`,
      fromManager: false,
    }
  }
  if (agility.index === null || manager === null) {
    const only = agility.index ?? manager
    if (only === null) return null
    return {
      value: only,
      explanation:
        agility.index === null
          ? `Blend not possible (agility has insufficient evidence): from the ${managerText(only)}.`
          : `Blend not possible (no manager potential rating): learning agility index ${agility.index}.`,
      fromManager: agility.index === null,
    }
  }
  const w = settings.agilityWeight
  const value = w * agility.index + (1 - w) * manager
  return {
    value,
    explanation: `${Math.round(w * 100)}% learning agility (${agility.index}) + ${Math.round((1 - w) * 100)}% ${managerText(manager)} = ${Math.round(value)}.`,
    fromManager: false,
  }
}

/**
 * How the session cuts potential scores into levels. Percentile mode ranks each score within the session by mid-rank
 * (ties share a rank, so people with equal evidence always land on the same side): low below the `low` percentile,
 * high from the `high` one — with distinct scores, the bottom 30% and the top 20% by default.
 */
export interface PotentialCuts {
  levelOf(value: number): Level
  text: string
}

export function potentialCuts(values: readonly number[], settings: PotentialSettings): PotentialCuts {
  const { mode, low, high } = settings.cuts
  if (mode === 'fixed') {
    return {
      levelOf: (value) => (value >= high ? 'high' : value < low ? 'low' : 'moderate'),
      text: `low below ${low}, high from ${high}`,
    }
  }
  const rank = midRanks(values)
  return {
    levelOf: (value) => {
      const percentile = 100 * rank(value)
      return percentile >= high ? 'high' : percentile < low ? 'low' : 'moderate'
    },
    text: `low below the session's ${low}th percentile, high from its ${high}th`,
  }
}

export function scorePotential(
  score: { value: number; explanation: string; fromManager: boolean },
  cuts: PotentialCuts,
  agility: AgilityScore,
  review: ReviewRecord | undefined,
): AxisScore {
  const level = cuts.levelOf(score.value)
  return {
    level,
    value: Math.round(score.value * 10) / 10,
    explanation: `${score.explanation} ${level[0]?.toUpperCase()}${level.slice(1)}: ${cuts.text}.`,
    // The agility records are listed under its components (the person panel); here only the manager's rating.
    evidence: review && review.potentialRating !== null && score.fromManager ? [reviewEvidence(review)] : [],
  }
}
