import { useEffect, useState } from 'react'
import type { EventPayload } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'

/** A running pull: pages, statements stored and unmatched actors as each page is committed, with Cancel. */
export function PullProgress({ jobId }: { jobId: string }): React.JSX.Element {
  const t = useT()
  const [progress, setProgress] = useState<EventPayload<'lrs.progress'> | null>(null)
  useEffect(() => api.on('lrs.progress', (p) => p.jobId === jobId && setProgress(p)), [jobId])
  return (
    <div className="progress" role="status" aria-label={t.t('lrs.panel.progressLabel')}>
      {/* The LRS does not say how many statements there are: the bar runs without an end. */}
      <progress />
      <span>
        {progress
          ? t.t('lrs.panel.progress', {
              pages: progress.pages,
              count: progress.stored,
              received: progress.received,
              unmatched: progress.unmatched,
            })
          : t.t('lrs.panel.starting')}
      </span>
      <button type="button" className="secondary" onClick={() => void api.call('jobs.cancel', { jobId })}>
        {t.t('lrs.panel.cancel')}
      </button>
    </div>
  )
}
