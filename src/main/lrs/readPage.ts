import type { ImportIssueShape } from '../../shared/contract'
import { english, message, type Message } from '../../shared/i18n/translate'
import { findDuplicateKeys } from '../../core/xapi/strictJson'
import { checkPlainStatement } from '../import/xapi/readStatements'
import type { LrsAnswer } from './lrsHttp'

export type PageRead =
  | {
      ok: true
      statements: Record<string, unknown>[]
      /** The same statements as ordinary objects (see LrsAnswer.plain), entry for entry. */
      plain: Record<string, unknown>[]
    }
  | { ok: false; issues: ImportIssueShape[] }

const issue = (
  page: number,
  row: number,
  column: string | null,
  value: string | null,
  code: string,
  text: Message,
): ImportIssueShape => ({ sheet: `page ${page}`, row, column, value, code, message: english(text) })

/**
 * Checks one page as an xAPI file import checks a file: a StatementResult whose entries are statements with an id,
 * each valid against xAPI 1.0.3, no key given twice in one object. Any problem refuses the whole page, each named by
 * page, position and field.
 */
export function readPage(answer: LrsAnswer, page: number): PageRead {
  const body = answer.body
  const list =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)['statements']
      : undefined
  if (!Array.isArray(list))
    return {
      ok: false,
      issues: [
        issue(
          page,
          0,
          'statements',
          null,
          'NOT_A_STATEMENT_RESULT',
          message('lrs.errors.notStatementResult', { page }),
        ),
      ],
    }
  const issues: ImportIssueShape[] = []
  const problem = (
    position: number,
    column: string | null,
    id: string | null,
    code: string,
    text: string,
  ): void => {
    issues.push(
      issue(
        page,
        position,
        column,
        id,
        code,
        message('lrs.issues.statement', { page, position, problem: text }),
      ),
    )
  }
  // "$.statements[3].verb" → statement 4, field verb.
  for (const key of findDuplicateKeys(answer.text)) {
    const match = /^\$\.statements\[(\d+)\]\.(.+)$/.exec(key)
    if (match)
      problem(
        Number(match[1]) + 1,
        match[2] ?? null,
        null,
        'DUPLICATE_KEY',
        `the key ${match[2]} appears twice in one object`,
      )
  }
  // The validator reads ordinary objects: the page's plain parse, of which the statements are a copy (entry n is
  // statement n), instead of a stringify and parse of each.
  const plain = (answer.plain as { statements: unknown[] }).statements
  list.forEach((entry, n) => {
    const position = n + 1
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      return problem(position, null, null, 'NOT_A_STATEMENT', 'not a JSON object')
    const statement = entry as Record<string, unknown>
    const id = typeof statement['id'] === 'string' ? statement['id'] : null
    if (id === null) problem(position, 'id', null, 'NO_ID', 'has no id (an LRS gives every statement one)')
    for (const p of checkPlainStatement(plain[n])) problem(position, p.path, id, p.code, p.message)
  })
  return issues.length > 0
    ? { ok: false, issues }
    : {
        ok: true,
        statements: list as Record<string, unknown>[],
        plain: plain as Record<string, unknown>[],
      }
}
