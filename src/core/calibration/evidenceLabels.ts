import type { Evidence } from '../../shared/contract/calibration'
import type { CompetencyRecord, LearningRecord, ReviewRecord } from './evidenceModel'

/** The record as the user sees it next to a number: one line each, with its date and value. */
export function reviewEvidence(review: ReviewRecord): Evidence {
  return {
    kind: 'review',
    id: review.id,
    date: review.reviewDate,
    label: `${review.cycleName} review${review.reviewerId ? ` by ${review.reviewerId}` : ''}`,
    value: `overall ${review.overallRating} of ${review.scaleMax}${review.potentialRating === null ? '' : `, potential ${review.potentialRating}`}`,
  }
}

export function competencyEvidence(rating: CompetencyRecord): Evidence {
  return {
    kind: 'competency',
    id: rating.id,
    date: rating.ratedAt,
    label: `${rating.skill} (${rating.source}${rating.cycleName ? `, ${rating.cycleName}` : ''})`,
    value: `level ${rating.level}`,
  }
}

export function learningEvidence(record: LearningRecord): Evidence {
  const parts: string[] = [record.status.replace('_', ' ')]
  if (record.score !== null)
    parts.push(`score ${record.score}${record.scoreMax === null ? '' : `/${record.scoreMax}`}`)
  if (record.dueAt) parts.push(`due ${record.dueAt}`)
  if (record.validUntil) parts.push(`valid until ${record.validUntil}`)
  return {
    kind: 'learning',
    id: record.id,
    date: record.completedAt ?? record.assignedAt ?? record.dueAt,
    label: `${record.title} (${record.activityType}${record.mandatory ? ', mandatory' : ''})`,
    value: parts.join(', '),
  }
}
