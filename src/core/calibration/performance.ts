import type { AxisScore, CalibrationSettings, Level } from '../../shared/contract/calibration'
import type { ReviewRecord } from './evidenceModel'
import { reviewEvidence } from './evidenceLabels'

const EPSILON = 1e-9

/** A rating on any scale, mapped linearly onto 1–5 (1–3: 1 → 1, 2 → 3, 3 → 5; 1–4: 2 → 2.33, 3 → 3.67). */
export function normaliseRating(rating: number, min: number, max: number): number {
  return 1 + (4 * (rating - min)) / (max - min)
}

/** Cut points are inclusive on both ends: exactly 2.0 is low and exactly 4.0 is high. */
export function levelFromCuts(value: number, lowMax: number, highMin: number): Level {
  if (value <= lowMax + EPSILON) return 'low'
  if (value >= highMin - EPSILON) return 'high'
  return 'moderate'
}

/** The performance axis from one cycle's overall rating, or null when the person has no rating in that cycle. */
export function scorePerformance(
  review: ReviewRecord | undefined,
  cuts: CalibrationSettings['performanceCuts'],
): AxisScore | null {
  if (!review) return null
  const value = normaliseRating(review.overallRating, review.scaleMin, review.scaleMax)
  const level = levelFromCuts(value, cuts.lowMax, cuts.highMin)
  const scale = `${review.scaleMin}–${review.scaleMax}`
  const shown = Math.round(value * 100) / 100
  return {
    level,
    value,
    explanation:
      `Overall rating ${review.overallRating} on the ${scale} scale of ${review.cycleName}` +
      (review.scaleMin === 1 && review.scaleMax === 5 ? '' : ` (${shown} on 1–5)`) +
      `: ${level} (low ≤ ${cuts.lowMax}, high ≥ ${cuts.highMin}).`,
    evidence: [reviewEvidence(review)],
  }
}
