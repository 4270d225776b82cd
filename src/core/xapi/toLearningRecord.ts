import { parseMinutes } from '../import/parseValue'
import { activityTypeFromIri, VERB_STATUS } from './verbs'

type Json = Record<string, unknown>
const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/** Who a statement is about, as the identity resolution can use it: an email (mbox) or an account name. */
export function learnerOf(statement: Json): {
  employeeId: string | null
  email: string | null
  label: string
} {
  const actor = obj(statement['actor'])
  const mbox = str(actor?.['mbox'])
  const account = obj(actor?.['account'])
  const email = mbox?.toLowerCase().startsWith('mailto:') ? mbox.slice(7).trim().toLowerCase() : null
  const accountName = str(account?.['name']) ?? null
  return {
    employeeId: accountName,
    email,
    label:
      email ??
      accountName ??
      str(actor?.['mbox_sha1sum']) ??
      str(actor?.['openid']) ??
      'an unidentified actor',
  }
}

/** The object's name in English if it has one, else in the first language given. */
export function activityTitleOf(statement: Json): string | undefined {
  const names = obj(obj(obj(statement['object'])?.['definition'])?.['name'])
  return names ? (str(names['en-US']) ?? str(names['en-GB']) ?? str(Object.values(names)[0])) : undefined
}

/**
 * The learning record a statement stands for, or null when its verb carries no learning outcome (launched,
 * played, paused … are kept as statements but make no record).
 */
export function toLearningValues(statement: Json): Record<string, string | number | boolean | null> | null {
  const verb = str(obj(statement['verb'])?.['id'])
  const status = verb ? VERB_STATUS[verb] : undefined
  const object = obj(statement['object'])
  if (!status || !object || (str(object['objectType']) ?? 'Activity') !== 'Activity') return null
  const definition = obj(object['definition'])
  const title = activityTitleOf(statement)
  const result = obj(statement['result'])
  const score = obj(result?.['score'])
  const scaled = num(score?.['scaled'])
  const raw = num(score?.['raw'])
  const duration = str(result?.['duration'])
  const minutes = duration ? parseMinutes(duration, false) : null
  const timestamp = str(statement['timestamp'])
  const learner = learnerOf(statement)
  return {
    employeeId: learner.employeeId,
    email: learner.email,
    activityId: str(object['id']) ?? '',
    activityTitle: title ?? null,
    activityType: activityTypeFromIri(str(definition?.['type'])),
    provider: 'xAPI',
    status,
    score: raw ?? (scaled === undefined ? null : Math.round(scaled * 10_000) / 100),
    scoreMin: raw === undefined ? (scaled === undefined ? null : 0) : (num(score?.['min']) ?? null),
    scoreMax: raw === undefined ? (scaled === undefined ? null : 100) : (num(score?.['max']) ?? null),
    completedAt: timestamp ? new Date(timestamp).toISOString().slice(0, 10) : null,
    durationMinutes: minutes?.ok ? minutes.value : null,
    voluntary: false,
  }
}

/** Content that identifies a statement, minus what an LRS adds on storing it — for duplicate and conflict checks. */
export function statementFingerprint(statement: Json): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical)
    const o = obj(value)
    if (!o) return value
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => !['stored', 'authority', 'version'].includes(k))
        .sort()
        .map((k) => [k, canonical(o[k])]),
    )
  }
  return JSON.stringify(canonical(statement))
}
