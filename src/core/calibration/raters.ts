import type { Evidence } from '../../shared/contract/calibration'
import type { ReviewRecord } from './evidenceModel'
import { normaliseRating } from './performance'

export interface RaterFinding {
  reviewerId: string
  code: 'RATER_LENIENCY' | 'RATER_SEVERITY'
  rated: number
  mean: number
  z: number
  rationale: string
  evidence: Evidence[]
}

/**
 * Reviewers whose mean rating (normalised to 1–5) sits further from the session's mean than chance explains:
 * z = (reviewer mean − session mean) / (session SD / √n), for reviewers with at least `minRated` people.
 */
export function raterFindings(
  reviews: readonly ReviewRecord[],
  zThreshold: number,
  minRated: number,
): RaterFinding[] {
  const values = reviews.map((r) => normaliseRating(r.overallRating, r.scaleMin, r.scaleMax))
  const n = values.length
  if (n < 2) return []
  const mean = values.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1))
  if (sd === 0) return []
  const byReviewer = new Map<string, ReviewRecord[]>()
  for (const r of reviews) {
    if (!r.reviewerId) continue
    const list = byReviewer.get(r.reviewerId)
    if (list) list.push(r)
    else byReviewer.set(r.reviewerId, [r])
  }
  const findings: RaterFinding[] = []
  for (const [reviewerId, rated] of byReviewer) {
    if (rated.length < minRated) continue
    const own =
      rated.reduce((s, r) => s + normaliseRating(r.overallRating, r.scaleMin, r.scaleMax), 0) / rated.length
    const z = (own - mean) / (sd / Math.sqrt(rated.length))
    if (Math.abs(z) <= zThreshold) continue
    const code = z > 0 ? 'RATER_LENIENCY' : 'RATER_SEVERITY'
    findings.push({
      reviewerId,
      code,
      rated: rated.length,
      mean: Math.round(own * 100) / 100,
      z: Math.round(z * 100) / 100,
      rationale: `${reviewerId} rated ${rated.length} people ${z > 0 ? 'higher' : 'lower'} than the session: mean ${Math.round(own * 100) / 100} vs ${Math.round(mean * 100) / 100} on 1–5 (z = ${Math.round(z * 100) / 100}, threshold ±${zThreshold}).`,
      evidence: [
        {
          kind: 'reviewer',
          id: null,
          date: null,
          label: `Reviews by ${reviewerId}`,
          value: `${rated.length} rated, mean ${Math.round(own * 100) / 100}`,
        },
      ],
    })
  }
  return findings
}
