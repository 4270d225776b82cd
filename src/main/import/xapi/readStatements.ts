import xapiValidation from '@learninglocker/xapi-validation'
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { english, message, type Message, type MessageKey } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { issueText, type ImportIssue } from '../../../core/import/validateRows'
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

const WARNING_TEXT: Record<string, MessageKey> = {
  RequiredWarning: 'import.statements.required',
  NoIfiWarning: 'import.statements.noIfi',
  IfiCountWarning: 'import.statements.ifiCount',
  RawLessThanMinWarning: 'import.statements.rawBelowMin',
  RawMoreThanMaxWarning: 'import.statements.rawAboveMax',
  MinMoreThanMaxWarning: 'import.statements.minAboveMax',
  VoidWarning: 'import.statements.void',
  ObjectTypeWarning: 'import.statements.objectType',
  RestrictedValueWarning: 'import.statements.restrictedValue',
  SubStatementWarning: 'import.statements.subStatement',
  NoMembersWarning: 'import.statements.noMembers',
  MembersTypeWarning: 'import.statements.membersType',
  MembersLengthWarning: 'import.statements.membersLength',
  ContextPropWarning: 'import.statements.contextProp',
  InvalidComponentsWarning: 'import.statements.invalidComponents',
  MissingInteractionTypeWarning: 'import.statements.missingInteractionType',
  SignedContentTypeWarning: 'import.statements.signedContentType',
}

function describe(warning: Warning): { path: string; message: string; text: Message; code: string } {
  const name = warning.name ?? warning.constructor.name
  const path = (warning.path ?? []).slice(1).join('.') || 'statement'
  const known = Object.hasOwn(WARNING_TEXT, name) ? WARNING_TEXT[name] : undefined
  const problem =
    name === 'TypeWarning'
      ? message('import.statements.notValidType', { type: warning.typeName ?? 'value' })
      : known
        ? message(known)
        : message('import.statements.invalid', { name })
  const text = message('import.statements.path', { path, problem })
  return {
    path,
    message: english(text),
    text,
    code: name
      .replace(/Warning$/, '')
      .replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c)
      .toUpperCase(),
  }
}

/** The xAPI 1.0.3 problems of one statement (Learning Locker's validator): path, code and message for each. */
export function checkStatement(statement: unknown): ReturnType<typeof describe>[] {
  // The validator wants ordinary objects; a plain JSON.parse copy is one (JSON.parse defines "__proto__" as data).
  return (validateStatement(JSON.parse(JSON.stringify(statement))) as Warning[]).map(describe)
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
    throw new AppError(
      'FILE_UNREADABLE',
      message('import.errors.file', { file, problem: message('import.errors.empty') }),
      { file, reason: 'EMPTY_FILE' },
    )
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
    throw new AppError(
      'FILE_UNREADABLE',
      message('import.errors.notJson', { file, detail: (error as Error).message }),
      {
        file,
        reason: 'INVALID_JSON',
      },
    )
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
    throw new AppError(
      'FILE_UNREADABLE',
      message('import.errors.tooLarge', { file, size: String(MAX_XAPI_BYTES / 1024 ** 2) }),
      {
        file,
        reason: 'FILE_TOO_LARGE',
      },
    )
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  const { items, lineNumbers, more } = parseText(text, file)
  const issues: ImportIssue[] = []
  const warnings: ImportIssue[] = []
  const statements: ReadStatement[] = []
  const issue = (index: number, column: string | null, code: string, problem: Message): void => {
    issues.push({
      sheet: null,
      row: index,
      column,
      value: null,
      code,
      ...issueText(
        message(lineNumbers ? 'import.statements.line' : 'import.statements.statement', {
          index: String(index),
          problem,
        }),
      ),
    })
  }
  if (more) {
    warnings.push({
      sheet: null,
      row: 0,
      column: null,
      value: more,
      code: 'INCOMPLETE_EXPORT',
      ...issueText(message('import.statements.incomplete', { more })),
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
        return issue(
          index,
          null,
          'INVALID_JSON',
          message('import.statements.invalidJson', { detail: (error as Error).message }),
        )
      }
      for (const key of findDuplicateKeys(item as string))
        issue(
          index,
          key.replace(/^\$\.?/, ''),
          'DUPLICATE_KEY',
          message('import.statements.duplicateKey', { key: key.replace(/^\$\.?/, '') }),
        )
    } else {
      for (const path of duplicatesByPosition.get(position) ?? [])
        issue(index, path, 'DUPLICATE_KEY', message('import.statements.duplicateKeyInObject', { key: path }))
    }
    if (statement === null || typeof statement !== 'object' || Array.isArray(statement))
      return issue(index, null, 'NOT_A_STATEMENT', message('import.statements.notObject'))
    // The validator wants ordinary objects; a plain JSON.parse copy is one (JSON.parse defines "__proto__" as data).
    const problems = (validateStatement(JSON.parse(JSON.stringify(statement))) as Warning[]).map(describe)
    for (const p of problems) issue(index, p.path, p.code, p.text)
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
