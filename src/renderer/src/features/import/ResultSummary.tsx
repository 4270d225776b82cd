import type { CommitResult } from './useImportWizard'

const HEADLINE: Record<CommitResult['outcome'], string> = {
  stored: 'Imported',
  rejected: 'Nothing was imported',
  'dry-run': 'Dry run: nothing was stored',
  'already-imported': 'Already imported: nothing changed',
}

export function ResultSummary({ result }: { result: CommitResult }): React.JSX.Element {
  const r = result.rows
  const unit = (result.kind === 'xapi' ? 'statement' : 'row') + (r.total === 1 ? '' : 's')
  return (
    <div
      className={result.outcome === 'rejected' ? 'result rejected' : 'result'}
      role="status"
      data-testid="import-result"
    >
      <strong>
        {HEADLINE[result.outcome]} — {result.file}
      </strong>
      <span>
        {r.total.toLocaleString()} {unit}: {r.inserted.toLocaleString()} added, {r.updated.toLocaleString()}{' '}
        updated, {r.unchanged.toLocaleString()} unchanged, {r.rejected.toLocaleString()} rejected
        {result.unmatched > 0
          ? `, ${result.unmatched.toLocaleString()} for people not in the workspace (kept as unmatched)`
          : ''}
        .
      </span>
      {result.errors.slice(0, 10).map((e, i) => (
        <span key={i} className="small">
          Row {e.row}
          {e.column ? `, ${e.column}` : ''}: {e.message}
        </span>
      ))}
      {result.warnings
        .filter((w) => w.code === 'ALREADY_IMPORTED')
        .map((w, i) => (
          <span key={i} className="small">
            {w.message}
          </span>
        ))}
    </div>
  )
}
