import { useEffect, useRef } from 'react'
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
  const box = useRef<HTMLDivElement>(null)
  // The import button sits at the foot of a long page and the result at its head: bring the result into view.
  // (A block body: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.)
  useEffect(() => {
    void box.current?.scrollIntoView({ block: 'nearest' })
  }, [result])
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
      ref={box}
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
        .filter((w) => w.code !== 'UPDATED')
        .slice(0, 8)
        .map((w, i) => (
          <span key={i} className="small">
            {issueProblem(t, w)}
          </span>
        ))}
    </div>
  )
}
