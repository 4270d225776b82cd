import type { AxisPlacement, AxisScore, CalibrationSettings, Level } from '../../shared/contract/calibration'
import type { ReviewRecord } from './evidenceModel'
import { reviewEvidence } from './evidenceLabels'
import { levelKey, message } from './messages'

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

/** The performance axis from one cycle's overall rating (normalised to 1–5 and cut into a level). */
export function placePerformance(
  review: ReviewRecord,
  cuts: CalibrationSettings['performanceCuts'],
): AxisPlacement {
  const value = normaliseRating(review.overallRating, review.scaleMin, review.scaleMax)
  return { level: levelFromCuts(value, cuts.lowMax, cuts.highMin), value }
}

/** The same, in words, with the review behind it. */
export function explainPerformance(
  review: ReviewRecord,
  cuts: CalibrationSettings['performanceCuts'],
): AxisScore {
  const { level, value } = placePerformance(review, cuts)
  const scale = `${review.scaleMin}–${review.scaleMax}`
  const shown = Math.round((value as number) * 100) / 100
  return {
    level,
    value,
    explanation:
      `Overall rating ${review.overallRating} on the ${scale} scale of ${review.cycleName}` +
      (review.scaleMin === 1 && review.scaleMax === 5 ? '' : ` (${shown} on 1–5)`) +
      `: ${level} (low ≤ ${cuts.lowMax}, high ≥ ${cuts.highMin}).`,
    explanationText: message(
      review.scaleMin === 1 && review.scaleMax === 5
        ? 'calibration.performance.explain'
        : 'calibration.performance.explainScaled',
      {
        rating: review.overallRating,
        min: review.scaleMin,
        max: review.scaleMax,
        cycle: review.cycleName,
        shown,
        level: message(levelKey(level)),
        lowMax: cuts.lowMax,
        highMin: cuts.highMin,
      },
    ),
    evidence: [reviewEvidence(review)],
  }
}
