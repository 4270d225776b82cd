import { english, message, type Message } from '../../shared/i18n/translate'

/**
 * A person's current level in each skill, from every source, by one documented rule:
 * 1. Ratings by others are the base: the newest assessment rating if it is at least as recent as the newest
 *    manager or 360 rating, else that newest manager/360 rating. Self-ratings never count.
 * 2. Proof from learning raises the base, never lowers it: a certification mapped to the skill counts at its mapped
 *    level while it is valid (an expired one stops counting); a completed or passed course or programme mapped to
 *    the skill counts at its mapped level.
 * Every level keeps the record it came from, so a gap in a succession report can be traced back.
 */
export interface SkillRating {
  skillId: number
  level: number
  source: 'self' | 'manager' | '360' | 'assessment'
  ratedAt: string | null
  id: number
}

export interface SkillLearning {
  skillId: number
  /** The level the item evidences (learning_item_skills). */
  level: number
  title: string
  activityType: string
  status: string
  completedAt: string | null
  validUntil: string | null
  id: number
}

export interface SkillLevel {
  level: number
  source: 'assessment' | 'manager' | '360' | 'certification' | 'course'
  date: string | null
  /** The record it came from, in words (English; `basisText` is the same for the user's language). */
  basis: string
  basisText: Message
}

const DONE = new Set(['completed', 'passed'])

export function currentSkillLevels(
  ratings: readonly SkillRating[],
  learning: readonly SkillLearning[],
  asOf: string,
): Map<number, SkillLevel> {
  const newest = new Map<number, { assessment?: SkillRating; other?: SkillRating }>()
  for (const r of ratings) {
    if (r.source === 'self' || (r.ratedAt !== null && r.ratedAt > asOf)) continue
    const slot = newest.get(r.skillId) ?? {}
    const key = r.source === 'assessment' ? 'assessment' : 'other'
    const current = slot[key]
    if (!current || (r.ratedAt ?? '') > (current.ratedAt ?? '')) slot[key] = r
    newest.set(r.skillId, slot)
  }
  const levels = new Map<number, SkillLevel>()
  for (const [skillId, { assessment, other }] of newest) {
    const base =
      assessment && (!other || (assessment.ratedAt ?? '') >= (other.ratedAt ?? '')) ? assessment : other
    if (!base) continue
    const basisText = message('succession.basis.rating', {
      source: message(`succession.basis.source.${base.source}`),
      level: base.level,
      date: base.ratedAt ?? message('succession.basis.unknownDate'),
    })
    levels.set(skillId, {
      level: base.level,
      source: base.source as SkillLevel['source'],
      date: base.ratedAt,
      basis: english(basisText),
      basisText,
    })
  }
  for (const l of learning) {
    if (!DONE.has(l.status) || (l.completedAt !== null && l.completedAt > asOf)) continue
    const certification = l.activityType === 'certification'
    if (certification && l.validUntil !== null && l.validUntil < asOf) continue
    const held = levels.get(l.skillId)
    if (held && held.level >= l.level) continue
    const basisText = !certification
      ? message('succession.basis.learning', { title: l.title, type: l.activityType, level: l.level })
      : l.validUntil
        ? message('succession.basis.certificationUntil', {
            title: l.title,
            until: l.validUntil,
            level: l.level,
          })
        : message('succession.basis.certification', { title: l.title, level: l.level })
    levels.set(l.skillId, {
      level: l.level,
      source: certification ? 'certification' : 'course',
      date: l.completedAt,
      basis: english(basisText),
      basisText,
    })
  }
  return levels
}
