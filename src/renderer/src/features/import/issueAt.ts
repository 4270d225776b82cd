import type { ImportIssueShape } from '../../../../shared/contract'
import type { Translator } from '../../i18n'

/** Where an issue is, as the person finds it in their spreadsheet: "Row 4, Job Level". */
export function issueAt(t: Translator, issue: Pick<ImportIssueShape, 'row' | 'column'>): string {
  const row = String(issue.row)
  return issue.column
    ? t.t('import.issue.rowColumn', { row, column: issue.column })
    : t.t('import.issue.row', { row })
}

/** What is wrong, in the user's language when the service sent it as a message. */
export function issueProblem(t: Translator, issue: Pick<ImportIssueShape, 'message' | 'text'>): string {
  return issue.text ? t.m(issue.text) : issue.message
}
