import { addDays } from '../dates'
import { createRandom } from '../random'
import type { DemoLearningRecord } from './records'

/** One answer to a post-course reaction survey (Kirkpatrick level 1), scored 1–5. */
export interface DemoSurveyResponse {
  activityId: string
  question: string
  score: number
  answeredAt: string
}

export const REACTION_QUESTIONS = [
  'The content was relevant to my work',
  'I can apply what I learned',
  'I would recommend it to a colleague',
] as const

/**
 * How well each kind of item lands: leadership programmes are liked, compliance courses tolerated. The offsets per
 * question keep "relevant" and "recommend" apart, as they are in real reaction data.
 */
const ITEM_MEAN: Record<string, number> = { PRG: 4.2, COMP: 3.3, CRS: 3.8 }
const QUESTION_OFFSET = [0, -0.2, -0.35]
/** About a third of learners answer the survey sent after a completion. */
const RESPONSE_RATE = 0.35

/**
 * The reaction surveys a person answered after what they completed. Drawn from a stream of their own, so adding
 * them changed nobody's other records; only programmes, compliance courses and skill courses have surveys.
 */
export function reactionSurveysFor(
  records: readonly DemoLearningRecord[],
  seed: number,
): DemoSurveyResponse[] {
  const random = createRandom(seed ^ 0x7f4a7c15)
  const responses: DemoSurveyResponse[] = []
  for (const record of records) {
    const mean = ITEM_MEAN[record.activityId.split('-')[0] ?? '']
    const done = record.status === 'completed' || record.status === 'passed'
    if (mean === undefined || !done || record.completedAt === null || !random.chance(RESPONSE_RATE)) continue
    const answeredAt = addDays(record.completedAt, random.int(0, 6))
    REACTION_QUESTIONS.forEach((question, i) => {
      const score = Math.round(random.normal(mean + (QUESTION_OFFSET[i] ?? 0), 0.8, 1, 5))
      responses.push({ activityId: record.activityId, question, score, answeredAt })
    })
  }
  return responses
}
