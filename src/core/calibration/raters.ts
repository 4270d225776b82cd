import type { Evidence, RaterFinding } from '../../shared/contract/calibration'
import { message, type Message } from './messages'

export type { RaterFinding }

/** What a reviewer finding rests on: that reviewer's ratings in the session, counted and averaged. */
export function raterEvidence(finding: Pick<RaterFinding, 'reviewerId' | 'rated' | 'mean'>): Evidence[] {
  return [
    {
      kind: 'reviewer',
      id: null,
      date: null,
      label: `Reviews by ${finding.reviewerId}`,
      value: `${finding.rated} rated, mean ${finding.mean}`,
      labelText: message('calibration.evidence.reviewsBy', { reviewer: finding.reviewerId }),
      valueText: message('calibration.evidence.reviewerValue', { count: finding.rated, mean: finding.mean }),
    },
  ]
}

/** A finding's rationale as a message, from its own values (findings stored before it carried one, too). */
export function raterMessage(
  finding: Pick<RaterFinding, 'reviewerId' | 'code' | 'rated' | 'mean' | 'z'>,
  sessionMean: number,
  threshold: number,
): Message {
  return message(
    finding.code === 'RATER_LENIENCY' ? 'calibration.flags.leniency' : 'calibration.flags.severity',
    {
      reviewer: finding.reviewerId,
      count: finding.rated,
      own: finding.mean,
      mean: sessionMean,
      z: finding.z,
      threshold,
    },
  )
}

/**
 * Reviewers whose mean rating (each review's overall rating normalised to 1–5, given in the same order as the
 * reviewer ids) sits further from the session's mean than chance explains:
 * z = (reviewer mean − session mean) / (session SD / √n), for reviewers with at least `minRated` people.
 */
export function raterFindings(
  reviewerIds: readonly (string | null)[],
  ratings: ArrayLike<number>,
  zThreshold: number,
  minRated: number,
): RaterFinding[] {
  let n = 0
  let sum = 0
  let squares = 0
  // Per reviewer: count and sum of normalised ratings (one pass, no per-reviewer lists).
  const byReviewer = new Map<string, { rated: number; sum: number }>()
  reviewerIds.forEach((reviewerId, i) => {
    const value = ratings[i] as number
    n++
    sum += value
    squares += value * value
    if (!reviewerId) return
    const own = byReviewer.get(reviewerId)
    if (own) {
      own.rated++
      own.sum += value
    } else byReviewer.set(reviewerId, { rated: 1, sum: value })
  })
  if (n < 2) return []
  const mean = sum / n
  const sd = Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)))
  if (sd < 1e-12) return []
  const findings: RaterFinding[] = []
  for (const [reviewerId, { rated: count, sum: total }] of byReviewer) {
    if (count < minRated) continue
    const own = total / count
    const z = (own - mean) / (sd / Math.sqrt(count))
    if (Math.abs(z) <= zThreshold) continue
    const code = z > 0 ? 'RATER_LENIENCY' : 'RATER_SEVERITY'
    const finding = {
      reviewerId,
      code,
      rated: count,
      mean: Math.round(own * 100) / 100,
      z: Math.round(z * 100) / 100,
    } as const
    findings.push({
      ...finding,
      rationaleText: raterMessage(finding, Math.round(mean * 100) / 100, zThreshold),
      rationale: `${reviewerId} rated ${count} people ${z > 0 ? 'higher' : 'lower'} than the session: mean ${Math.round(own * 100) / 100} vs ${Math.round(mean * 100) / 100} on 1–5 (z = ${Math.round(z * 100) / 100}, threshold ±${zThreshold}).`,
    })
  }
  return findings
}
