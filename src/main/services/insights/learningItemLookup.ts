import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'

export interface LearningItemRef {
  id: number
  activityId: string
  title: string
}

/** A learning item by its activity id or its exact title (any case), as a user types it; the id wins a tie. */
export function learningItemNamed(db: WorkspaceDb, q: string): LearningItemRef {
  const item = db
    .prepare(
      `SELECT id, activity_id AS activityId, title FROM learning_items
       WHERE activity_id = @q OR title = @q COLLATE NOCASE ORDER BY activity_id = @q DESC LIMIT 1`,
    )
    .get({ q }) as LearningItemRef | undefined
  if (!item) throw new AppError('NOT_FOUND', message('insights.errors.noItem', { item: q }))
  return item
}
