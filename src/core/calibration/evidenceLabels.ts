import type { Evidence } from '../../shared/contract/calibration'
import type { CompetencyRecord, LearningRecord, ReviewRecord } from './evidenceModel'
import { joinMessages, message, type Message } from './messages'

/**
 * The record as the user sees it next to a number: one line each, with its date and value. `label` and `value` are
 * the English (exports, the CLI); `labelText` and `valueText` the same as messages for the user's language.
 */
export function reviewEvidence(review: ReviewRecord): Evidence {
  return {
    kind: 'review',
    id: review.id,
    date: review.reviewDate,
    label: `${review.cycleName} review${review.reviewerId ? ` by ${review.reviewerId}` : ''}`,
    value: `overall ${review.overallRating} of ${review.scaleMax}${review.potentialRating === null ? '' : `, potential ${review.potentialRating}`}`,
    labelText: review.reviewerId
      ? message('calibration.evidence.reviewBy', { cycle: review.cycleName, reviewer: review.reviewerId })
      : message('calibration.evidence.review', { cycle: review.cycleName }),
    valueText:
      review.potentialRating === null
        ? message('calibration.evidence.overall', { rating: review.overallRating, max: review.scaleMax })
        : message('calibration.evidence.overallPotential', {
            rating: review.overallRating,
            max: review.scaleMax,
            potential: review.potentialRating,
          }),
  }
}

export function competencyEvidence(rating: CompetencyRecord): Evidence {
  const source = message(`calibration.source.${rating.source}`)
  return {
    kind: 'competency',
    id: rating.id,
    date: rating.ratedAt,
    label: `${rating.skill} (${rating.source}${rating.cycleName ? `, ${rating.cycleName}` : ''})`,
    value: `level ${rating.level}`,
    labelText: rating.cycleName
      ? message('calibration.evidence.competencyCycle', {
          skill: rating.skill,
          source,
          cycle: rating.cycleName,
        })
      : message('calibration.evidence.competency', { skill: rating.skill, source }),
    valueText: message('calibration.evidence.level', { level: rating.level }),
  }
}

export function learningEvidence(record: LearningRecord): Evidence {
  const parts: string[] = [record.status.replace('_', ' ')]
  const texts: Message[] = [message(`calibration.learningStatus.${record.status}`)]
  if (record.score !== null) {
    parts.push(`score ${record.score}${record.scoreMax === null ? '' : `/${record.scoreMax}`}`)
    texts.push(
      record.scoreMax === null
        ? message('calibration.evidence.score', { score: record.score })
        : message('calibration.evidence.scoreOf', { score: record.score, max: record.scoreMax }),
    )
  }
  if (record.dueAt) {
    parts.push(`due ${record.dueAt}`)
    texts.push(message('calibration.evidence.due', { date: record.dueAt }))
  }
  if (record.validUntil) {
    parts.push(`valid until ${record.validUntil}`)
    texts.push(message('calibration.evidence.validUntil', { date: record.validUntil }))
  }
  const type = message(`calibration.activity.${record.activityType}`)
  return {
    kind: 'learning',
    id: record.id,
    date: record.completedAt ?? record.assignedAt ?? record.dueAt,
    label: `${record.title} (${record.activityType}${record.mandatory ? ', mandatory' : ''})`,
    value: parts.join(', '),
    labelText: message(
      record.mandatory ? 'calibration.evidence.learningMandatory' : 'calibration.evidence.learning',
      { title: record.title, type },
    ),
    valueText: joinMessages(texts, 'comma') as Message,
  }
}
