import xapiValidation from '@learninglocker/xapi-validation'
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../../shared/result'
import type { ImportIssue } from '../../../core/import/validateRows'
import { findDuplicateKeys, parseJsonStrict } from '../../../core/xapi/strictJson'
import { statementFingerprint } from '../../../core/xapi/toLearningRecord'

// The package is CommonJS with `exports.default`: under Node's ESM interop the default import is the exports object.
type Validate = (statement: unknown) => unknown[]
const validateStatement: Validate =
  typeof xapiValidation === 'function'
    ? xapiValidation
    : (xapiValidation as unknown as { default: Validate }).default

export const MAX_XAPI_BYTES = 512 * 1024 * 1024

export interface ReadStatement {
  /** 1-based position in the file (line number for JSON Lines). */
  index: number
  statement: Record<string, unknown>
  id: string
  fingerprint: string
}

export interface ReadResult {
  statements: ReadStatement[]
  issues: ImportIssue[]
  warnings: ImportIssue[]
  total: number
}

type Warning = { name?: string; path?: string[]; typeName?: string; constructor: { name: string } }

const WARNING_TEXT: Record<string, string> = {
  RequiredWarning: 'is required',
  NoIfiWarning: 'has no identifier (mbox, mbox_sha1sum, openid or account)',
  IfiCountWarning: 'must have exactly one identifier (mbox, mbox_sha1sum, openid or account)',
  RawLessThanMinWarning: 'has a raw score below its min',
  RawMoreThanMaxWarning: 'has a raw score above its max',
  MinMoreThanMaxWarning: 'has a min score above its max',
  VoidWarning: 'voids something that is not a statement reference',
  ObjectTypeWarning: 'has an objectType that is not allowed here',
  RestrictedValueWarning: 'holds a value that is not allowed here',
  SubStatementWarning: 'is a sub-statement that nests another',
  NoMembersWarning: 'is an anonymous group without members',
  MembersTypeWarning: 'lists a member that is not an agent',
  MembersLengthWarning: 'has too few members',
  ContextPropWarning: 'uses a context property not allowed for this object',
  InvalidComponentsWarning: 'has interaction components not allowed for its type',
  MissingInteractionTypeWarning: 'has interaction components but no interaction type',
  SignedContentTypeWarning: 'is a signature with the wrong content type',
}

function describe(warning: Warning): { path: string; message: string; code: string } {
  const name = warning.name ?? warning.constructor.name
  const path = (warning.path ?? []).slice(1).join('.') || 'statement'
  const text =
    name === 'TypeWarning'
      ? `is not a valid ${warning.typeName ?? 'value'}`
      : (WARNING_TEXT[name] ?? `is invalid (${name})`)
  return {
    path,
    message: `${path} ${text}`,
    code: name
      .replace(/Warning$/, '')
      .replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c)
      .toUpperCase(),
  }
}

/** A statement without an id gets one derived from its content, so importing it twice is still a duplicate. */
function contentId(fingerprint: string): string {
  const h = createHash('sha256').update(fingerprint).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

function parseText(
  text: string,
  file: string,
): { items: unknown[]; lineNumbers: boolean; more: string | null } {
  const trimmed = text.trim()
  if (trimmed.length === 0)
    throw new AppError('FILE_UNREADABLE', `${file}: The file is empty.`, { file, reason: 'EMPTY_FILE' })
  try {
    const parsed = parseJsonStrict(trimmed)
    if (Array.isArray(parsed)) return { items: parsed, lineNumbers: false, more: null }
    const o = parsed as Record<string, unknown>
    if (o && typeof o === 'object' && Array.isArray(o['statements'])) {
      // An LRS's GET /statements answer: a page of statements, and `more` when there are further pages.
      const more = typeof o['more'] === 'string' && o['more'] !== '' ? o['more'] : null
      return { items: o['statements'] as unknown[], lineNumbers: false, more }
    }
    return { items: [parsed], lineNumbers: false, more: null }
  } catch (error) {
    if (error instanceof AppError) throw error
    // Split the text as given, so reported line numbers are the file's own (leading blank lines included).
    const lines = text.split(/\r?\n/)
    if (
      lines.filter((l) => l.trim() !== '').length > 1 &&
      lines.every((l) => l.trim() === '' || l.trim().startsWith('{'))
    ) {
      return { items: lines.map((l) => (l.trim() === '' ? undefined : l)), lineNumbers: true, more: null }
    }
    throw new AppError('FILE_UNREADABLE', `${file}: not valid JSON (${(error as Error).message}).`, {
      file,
      reason: 'INVALID_JSON',
    })
  }
}

/**
 * Reads xAPI statements from a JSON array, a single statement, an LRS StatementResult or JSON Lines, and checks each
 * against xAPI 1.0.3 with Learning Locker's validator (conformance-tested) plus a duplicate-key check JSON.parse
 * cannot make. Every invalid statement is an issue with its position and reason.
 */
export function readStatements(path: string): ReadResult {
  const file = basename(path)
  if (statSync(path).size > MAX_XAPI_BYTES)
    throw new AppError('FILE_UNREADABLE', `${file}: larger than ${MAX_XAPI_BYTES / 1024 ** 2} MB.`, {
      file,
      reason: 'FILE_TOO_LARGE',
    })
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  const { items, lineNumbers, more } = parseText(text, file)
  const issues: ImportIssue[] = []
  const warnings: ImportIssue[] = []
  const statements: ReadStatement[] = []
  const issue = (index: number, column: string | null, code: string, message: string): void => {
    issues.push({
      sheet: null,
      row: index,
      column,
      value: null,
      code,
      message: lineNumbers ? `line ${index}: ${message}` : `statement ${index}: ${message}`,
    })
  }
  if (more) {
    warnings.push({
      sheet: null,
      row: 0,
      column: null,
      value: more,
      code: 'INCOMPLETE_EXPORT',
      message: `The LRS answer says there is more (${more}): this file is one page of a larger export.`,
    })
  }
  // "$[3].actor" (array), "$.statements[3].actor" (StatementResult) or "$.actor" (one statement) → position 3 or 0.
  const duplicatesByPosition = new Map<number, string[]>()
  for (const key of lineNumbers ? [] : findDuplicateKeys(text)) {
    const match = /^\$(?:\.statements)?\[(\d+)\]\.(.+)$/.exec(key) ?? /^\$\.()(.+)$/.exec(key)
    if (!match) continue
    const position = Number(match[1] || 0)
    duplicatesByPosition.set(position, [...(duplicatesByPosition.get(position) ?? []), match[2] ?? key])
  }
  let total = 0
  items.forEach((item, position) => {
    if (item === undefined) return
    total++
    const index = position + 1
    let statement: unknown = item
    if (lineNumbers) {
      try {
        statement = parseJsonStrict(item as string)
      } catch (error) {
        return issue(index, null, 'INVALID_JSON', `not valid JSON (${(error as Error).message})`)
      }
      for (const key of findDuplicateKeys(item as string))
        issue(
          index,
          key.replace(/^\$\.?/, ''),
          'DUPLICATE_KEY',
          `the key ${key.replace(/^\$\.?/, '')} appears twice`,
        )
    } else {
      for (const path of duplicatesByPosition.get(position) ?? [])
        issue(index, path, 'DUPLICATE_KEY', `the key ${path} appears twice in one object`)
    }
    if (statement === null || typeof statement !== 'object' || Array.isArray(statement))
      return issue(index, null, 'NOT_A_STATEMENT', 'not a JSON object')
    // The validator wants ordinary objects; a plain JSON.parse copy is one (JSON.parse defines "__proto__" as data).
    const problems = (validateStatement(JSON.parse(JSON.stringify(statement))) as Warning[]).map(describe)
    for (const p of problems) issue(index, p.path, p.code, p.message)
    if (problems.length > 0 || issues.some((i) => i.row === index)) return
    const record = statement as Record<string, unknown>
    const fingerprint = statementFingerprint(record)
    statements.push({
      index,
      statement: record,
      id: typeof record['id'] === 'string' ? record['id'].toLowerCase() : contentId(fingerprint),
      fingerprint,
    })
  })
  return { statements, issues, warnings, total }
}
