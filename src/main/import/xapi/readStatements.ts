import xapiValidation from '@learninglocker/xapi-validation'
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import { english, message, type Message, type MessageKey } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { issueText, type ImportIssue } from '../../../core/import/validateRows'
import { findDuplicateKeys, parseJsonStrict } from '../../../core/xapi/strictJson'
import {
  StatementShapeError,
  StatementSplitter,
  type StatementPiece,
} from '../../../core/xapi/statementSplitter'
import { statementFingerprint } from '../../../core/xapi/toLearningRecord'
import { isCommonValidStatement } from './commonStatement'

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
  /** The statement as stored, when the reader already has it (else JSON.stringify of `statement`). */
  json?: string
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
  return checkPlainStatement(JSON.parse(JSON.stringify(statement)))
}

/**
 * The same check of a statement that is already an ordinary object of its own, from a plain JSON.parse nothing
 * else uses (the validator may touch it): an LRS page parses its text once for all its statements instead of
 * copying each.
 */
export function checkPlainStatement(statement: unknown): ReturnType<typeof describe>[] {
  if (isCommonValidStatement(statement)) return []
  return (validateStatement(statement) as Warning[]).map(describe)
}

/** A statement without an id gets one derived from its content, so importing it twice is still a duplicate. */
function contentId(fingerprint: string): string {
  const h = createHash('sha256').update(fingerprint).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

const BOM = '\uFEFF'

/** What reading the whole file found besides the statements handed on one by one. */
export interface ReadSummary {
  /** Statements in the file (valid or not). */
  total: number
  /** How many were invalid (each has at least one issue). */
  invalid: number
  /** The first MAX_KEPT_ISSUES issues, in file order. */
  issues: ImportIssue[]
  warnings: ImportIssue[]
}

/** Issues kept for the report; every invalid statement is still counted. */
export const MAX_KEPT_ISSUES = 1_000

/**
 * Reads xAPI statements from a JSON array, a single statement, an LRS StatementResult or JSON Lines as a stream,
 * statement by statement (StatementSplitter), so memory stays bounded by the largest statement whatever the file's
 * size. Each is checked against xAPI 1.0.3 with Learning Locker's validator (conformance-tested) plus a
 * duplicate-key check JSON.parse cannot make, and parsed without prototypes ("__proto__" stays data). Every invalid
 * statement is an issue with its position (statement index, or line for JSON Lines) and reason; each valid one is
 * handed to `onStatement` in file order, which may be async (it is awaited before the next is read).
 */
export async function readStatements(
  path: string,
  onStatement: (statement: ReadStatement) => void | Promise<void>,
): Promise<ReadSummary> {
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
  const summary: ReadSummary = { total: 0, invalid: 0, issues: [], warnings: [] }
  const splitter = new StatementSplitter()
  const decoder = new TextDecoder('utf-8')
  const notJson = (detail: string): AppError =>
    new AppError('FILE_UNREADABLE', message('import.errors.notJson', { file, detail }), {
      file,
      reason: 'INVALID_JSON',
    })
  const take = async (pieces: StatementPiece[]): Promise<void> => {
    for (const piece of pieces) {
      const statement = checkPiece(piece, splitter.layout === 'lines', summary, notJson)
      if (statement) await onStatement(statement)
    }
  }
  let first = true
  try {
    for await (const bytes of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let text = decoder.decode(bytes, { stream: true })
      if (first && text.startsWith(BOM)) text = text.slice(1)
      first = false
      await take(splitter.push(text))
    }
    await take(splitter.push(decoder.decode()))
    await take(splitter.end())
  } catch (error) {
    if (error instanceof StatementShapeError) throw notJson(error.message)
    throw error
  }
  if (first || (summary.total === 0 && splitter.layout === null))
    throw new AppError(
      'FILE_UNREADABLE',
      message('import.errors.file', { file, problem: message('import.errors.empty') }),
      { file, reason: 'EMPTY_FILE' },
    )
  const more = moreOf(splitter.skeleton)
  if (more) {
    summary.warnings.push({
      sheet: null,
      row: 0,
      column: null,
      value: more,
      code: 'INCOMPLETE_EXPORT',
      ...issueText(message('import.statements.incomplete', { more })),
    })
  }
  return summary
}

/** An LRS's GET /statements answer: `more` names the next page when there is one. */
function moreOf(skeleton: string | null): string | null {
  if (skeleton === null) return null
  const o = parseJsonStrict(skeleton) as Record<string, unknown>
  return typeof o['more'] === 'string' && o['more'] !== '' ? o['more'] : null
}

/** One statement's text: parsed strictly, checked for duplicate keys and against xAPI; null when invalid. */
function checkPiece(
  piece: StatementPiece,
  lineNumbers: boolean,
  summary: ReadSummary,
  notJson: (detail: string) => AppError,
): ReadStatement | null {
  const { index } = piece
  summary.total++
  let problems = 0
  const issue = (column: string | null, code: string, problem: Message): void => {
    problems++
    if (summary.issues.length >= MAX_KEPT_ISSUES) return
    summary.issues.push({
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
  const done = (): null => {
    if (problems > 0) summary.invalid++
    return null
  }
  let statement: unknown
  try {
    statement = parseJsonStrict(piece.text)
  } catch (error) {
    // A broken line of JSON Lines is that line's problem; broken JSON inside an array breaks the file.
    if (!lineNumbers)
      throw notJson(
        english(
          message('import.statements.statement', {
            index: String(index),
            problem: message('import.statements.invalidJson', { detail: (error as Error).message }),
          }),
        ),
      )
    issue(
      null,
      'INVALID_JSON',
      message('import.statements.invalidJson', { detail: (error as Error).message }),
    )
    return done()
  }
  for (const key of findDuplicateKeys(piece.text)) {
    const path = key.replace(/^\$\.?/, '')
    issue(
      path,
      'DUPLICATE_KEY',
      lineNumbers
        ? message('import.statements.duplicateKey', { key: path })
        : message('import.statements.duplicateKeyInObject', { key: path }),
    )
  }
  if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) {
    issue(null, 'NOT_A_STATEMENT', message('import.statements.notObject'))
    return done()
  }
  for (const p of checkStatement(statement)) issue(p.path, p.code, p.text)
  if (problems > 0) return done()
  const record = statement as Record<string, unknown>
  const fingerprint = statementFingerprint(record)
  return {
    index,
    statement: record,
    id: typeof record['id'] === 'string' ? record['id'].toLowerCase() : contentId(fingerprint),
    fingerprint,
  }
}
