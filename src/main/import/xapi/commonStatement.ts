import durationRule from '@learninglocker/xapi-validation/dist/regexValues/duration.js'
import iriRule from '@learninglocker/xapi-validation/dist/regexValues/iri.js'
import languageRule from '@learninglocker/xapi-validation/dist/regexValues/language.js'
import mailtoRule from '@learninglocker/xapi-validation/dist/regexValues/mailto.js'
import sha1Rule from '@learninglocker/xapi-validation/dist/regexValues/sha1.js'
import timestampRule from '@learninglocker/xapi-validation/dist/regexValues/timestamp.js'
import uuidRule from '@learninglocker/xapi-validation/dist/regexValues/uuid.js'
import versionRule from '@learninglocker/xapi-validation/dist/regexValues/version.js'

/**
 * A quick yes for the statements LRSs send by the thousand — an agent (or account) did something to an activity,
 * with a result, a timestamp and what the LRS adds (stored, authority, version) — checked by the same rules as
 * Learning Locker's validator, written out for this one shape. Its generic rules cost ~30 µs a statement, most of
 * it walking combinators; this costs ~1 µs. The answer is only ever "valid" or "not sure": anything outside the
 * shape (context, attachments, groups, sub-statements, statement refs, interactions, voids) and anything that might
 * fail goes to the full validator, so every problem is still found and described by it alone.
 */
export function isCommonValidStatement(s: unknown): boolean {
  if (!isObject(s)) return false
  for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) return false
  return (
    optional(s['id'], uuid) &&
    isAgent(s['actor']) &&
    isVerb(s['verb']) &&
    isActivity(s['object']) &&
    optional(s['result'], isResult) &&
    optional(s['timestamp'], timestamp) &&
    optional(s['stored'], timestamp) &&
    optional(s['authority'], isAgent) &&
    optional(s['version'], version)
  )
}

type Json = Record<string, unknown>
type Rule = (data: unknown, path: string[]) => unknown[]
/** The package is CommonJS with `exports.default`: under Node's ESM interop the default import is the exports object. */
const ruleOf = (imported: unknown): Rule =>
  typeof imported === 'function' ? (imported as Rule) : (imported as { default: Rule }).default
/** The validator's own rule for a value (its regular expression and type check), so the two cannot disagree. */
const leaf =
  (imported: unknown): ((value: unknown) => boolean) =>
  (value) =>
    ruleOf(imported)(value, NO_PATH).length === 0
const NO_PATH: string[] = []
const iri = leaf(iriRule)
const language = leaf(languageRule)
const mailto = leaf(mailtoRule)
const sha1 = leaf(sha1Rule)
const timestamp = leaf(timestampRule)
const uuid = leaf(uuidRule)
const version = leaf(versionRule)
const duration = leaf(durationRule)

const STATEMENT_KEYS = new Set([
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'timestamp',
  'stored',
  'authority',
  'version',
])
const AGENT_KEYS = new Set(['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account'])
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const
const VERB_KEYS = new Set(['id', 'display'])
const ACTIVITY_KEYS = new Set(['objectType', 'id', 'definition'])
const DEFINITION_KEYS = new Set(['name', 'description', 'type', 'moreInfo', 'extensions'])
const RESULT_KEYS = new Set(['score', 'success', 'completion', 'response', 'duration', 'extensions'])
const SCORE_KEYS = new Set(['scaled', 'raw', 'min', 'max'])
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided'

/** The validator's type check (rulr's checkType(Object)): an ordinary object whose constructor is Object. */
function isObject(v: unknown): v is Json {
  return v !== undefined && v !== null && (v as { constructor?: unknown }).constructor === Object
}
const isString = (v: unknown): boolean => typeof v === 'string'
const isNumber = (v: unknown): boolean => typeof v === 'number'
const isBoolean = (v: unknown): boolean => typeof v === 'boolean'
const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v)
const onlyKeys = (o: Json, allowed: ReadonlySet<string>): boolean => {
  for (const key of Object.keys(o)) if (!allowed.has(key)) return false
  return true
}

/** An Agent (not a Group) with exactly one identifier. */
function isAgent(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, AGENT_KEYS)) return false
  if (v['objectType'] !== undefined && v['objectType'] !== 'Agent') return false
  let ifis = 0
  for (const ifi of IFIS) if (Object.hasOwn(v, ifi)) ifis++
  return (
    ifis === 1 &&
    optional(v['name'], isString) &&
    optional(v['mbox'], mailto) &&
    optional(v['mbox_sha1sum'], sha1) &&
    optional(v['openid'], iri) &&
    optional(v['account'], isAccount)
  )
}

function isAccount(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, ACCOUNT_KEYS)) return false
  return iri(v['homePage']) && isString(v['name'])
}
const ACCOUNT_KEYS = new Set(['homePage', 'name'])

/** Any verb but voided (a void must point at a statement, which this shape has no room for). */
function isVerb(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, VERB_KEYS)) return false
  return iri(v['id']) && v['id'] !== VOIDED && optional(v['display'], isLanguageMap)
}

function isActivity(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, ACTIVITY_KEYS)) return false
  if (v['objectType'] !== undefined && v['objectType'] !== 'Activity') return false
  return iri(v['id']) && optional(v['definition'], isDefinition)
}

/** A definition without interaction components (those have rules between fields: left to the validator). */
function isDefinition(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, DEFINITION_KEYS)) return false
  return (
    optional(v['name'], isLanguageMap) &&
    optional(v['description'], isLanguageMap) &&
    optional(v['type'], iri) &&
    optional(v['moreInfo'], iri) &&
    optional(v['extensions'], isExtensions)
  )
}

function isResult(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, RESULT_KEYS)) return false
  return (
    optional(v['score'], isScore) &&
    optional(v['success'], isBoolean) &&
    optional(v['completion'], isBoolean) &&
    optional(v['response'], isString) &&
    optional(v['duration'], duration) &&
    optional(v['extensions'], isExtensions)
  )
}

function isScore(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, SCORE_KEYS)) return false
  const { scaled, raw, min, max } = v
  if (!optional(raw, isNumber) || !optional(min, isNumber) || !optional(max, isNumber)) return false
  if (scaled !== undefined && !(isNumber(scaled) && -1 <= (scaled as number) && (scaled as number) <= 1))
    return false
  const n = (x: unknown): number | undefined => x as number | undefined
  if (n(raw) !== undefined && n(min) !== undefined && (raw as number) < (min as number)) return false
  if (n(raw) !== undefined && n(max) !== undefined && (raw as number) > (max as number)) return false
  if (n(min) !== undefined && n(max) !== undefined && (min as number) > (max as number)) return false
  return true
}

function isLanguageMap(v: unknown): boolean {
  if (!isObject(v)) return false
  for (const key of Object.keys(v)) if (!language(key) || !isString(v[key])) return false
  return true
}

function isExtensions(v: unknown): boolean {
  if (!isObject(v)) return false
  for (const key of Object.keys(v)) if (!iri(key)) return false
  return true
}
