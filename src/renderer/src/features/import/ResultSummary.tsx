import type { MessageKey } from '../../i18n'
import { useT } from '../../i18n'
import { issueAt, issueProblem } from './issueAt'
import type { CommitResult } from './useImportWizard'

const HEADLINE: Record<CommitResult['outcome'], MessageKey> = {
  stored: 'import.result.stored',
  rejected: 'import.result.rejected',
  'dry-run': 'import.result.dryRun',
  'already-imported': 'import.result.alreadyImported',
}

export function ResultSummary({ result }: { result: CommitResult }): React.JSX.Element {
  const t = useT()
  const r = result.rows
  const counts = t.t(result.kind === 'xapi' ? 'import.result.statements' : 'import.result.rows', {
    count: r.total,
    inserted: t.number(r.inserted),
    updated: t.number(r.updated),
    unchanged: t.number(r.unchanged),
    rejected: t.number(r.rejected),
  })
  return (
    <div
      className={result.outcome === 'rejected' ? 'result rejected' : 'result'}
      role="status"
      data-testid="import-result"
    >
      <strong>
        {t.t('import.result.headline', { headline: t.t(HEADLINE[result.outcome]), file: result.file })}
      </strong>
      <span>
        {counts}
        {result.unmatched > 0 ? t.t('import.result.unmatched', { count: result.unmatched }) : ''}.
      </span>
      {result.errors.slice(0, 10).map((e, i) => (
        <span key={i} className="small">
          {t.t('import.result.error', { at: issueAt(t, e), problem: issueProblem(t, e) })}
        </span>
      ))}
      {result.warnings
        .filter((w) => w.code === 'ALREADY_IMPORTED')
        .map((w, i) => (
          <span key={i} className="small">
            {issueProblem(t, w)}
          </span>
        ))}
    </div>
  )
}
