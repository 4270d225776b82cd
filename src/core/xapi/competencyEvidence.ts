import { activityTitleOf, learnerOf } from './toLearningRecord'

/**
 * The ADL Total Learning Architecture verbs for competencies and credentials. "achieved" on a competency is
 * evidence of a proficiency level; "expired" says a credential or competency stopped being valid at the statement's
 * time. Their meaning comes from the verb id, never from `display`.
 */
export const TLA_ACHIEVED = 'https://w3id.org/xapi/tla/verbs/achieved'
export const TLA_EXPIRED = 'https://w3id.org/xapi/tla/verbs/expired'

type Json = Record<string, unknown>
const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/** An activity whose type IRI ends in "competency" or "skill" (TLA, tincanapi and in-house vocabularies alike). */
export function isCompetencyObject(statement: Json): boolean {
  const type = obj(obj(statement['object'])?.['definition'])?.['type']
  const last = typeof type === 'string' ? (type.split(/[/#]/).pop()?.toLowerCase() ?? '') : ''
  return last === 'competency' || last === 'skill'
}

/**
 * A proficiency level 1–5 from a statement's score: scaled (0–1] in fifths, raw within min–max the same way, or a
 * raw 1–5 without bounds taken as the level itself. No score → null: the product never invents a level.
 */
export function levelFromScore(statement: Json): number | null {
  const score = obj(obj(statement['result'])?.['score'])
  if (!score) return null
  const toLevel = (fraction: number): number => Math.min(5, Math.max(1, Math.ceil(fraction * 5)))
  const scaled = num(score['scaled'])
  if (scaled !== undefined) return toLevel(scaled)
  const raw = num(score['raw'])
  const min = num(score['min'])
  const max = num(score['max'])
  if (raw === undefined) return null
  if (min !== undefined && max !== undefined && max > min) return toLevel((raw - min) / (max - min))
  return Number.isInteger(raw) && raw >= 1 && raw <= 5 ? raw : null
}

export type CompetencyEvidence =
  { kind: 'rating'; values: Record<string, string | number | null> } | { kind: 'no-level'; skill: string }

/** A competency rating (source "assessment") from a TLA "achieved" statement about a competency. */
export function competencyEvidenceOf(statement: Json): CompetencyEvidence {
  const object = obj(statement['object'])
  const skill = activityTitleOf(statement) ?? String(object?.['id'] ?? '')
  const level = levelFromScore(statement)
  if (level === null) return { kind: 'no-level', skill }
  const learner = learnerOf(statement)
  const timestamp = statement['timestamp']
  return {
    kind: 'rating',
    values: {
      employeeId: learner.employeeId,
      email: learner.email,
      skill,
      level,
      source: 'assessment',
      ratedBy: 'xAPI',
      ratedAt: typeof timestamp === 'string' ? new Date(timestamp).toISOString().slice(0, 10) : null,
    },
  }
}

/** What an "expired" statement says: whose credential, which activity, valid until when. */
export function expiryOf(statement: Json): {
  employeeId: string | null
  email: string | null
  activityId: string
  validUntil: string | null
} {
  const learner = learnerOf(statement)
  const timestamp = statement['timestamp']
  return {
    employeeId: learner.employeeId,
    email: learner.email,
    activityId: String(obj(statement['object'])?.['id'] ?? ''),
    validUntil: typeof timestamp === 'string' ? new Date(timestamp).toISOString().slice(0, 10) : null,
  }
}
