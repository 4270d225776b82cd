import { memo, useEffect, useState } from 'react'
import type { CalibrationView, MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'
import { said } from './labels'

type Log = MethodOutput<'calibration.log'>

/** Every change in the session, newest first: the meeting's audit trail (hidden in presenter mode). */
export const SessionLog = memo(function SessionLog({ view }: { view: CalibrationView }): React.JSX.Element {
  const [log, setLog] = useState<{ view: CalibrationView; entries: Log } | null>(null)
  const translator = useT()
  useEffect(() => {
    let live = true
    api.call('calibration.log', { sessionId: view.sessionId }).then(
      (entries) => live && setLog({ view, entries }),
      () => live && setLog(null),
    )
    return () => {
      live = false
    }
  }, [view])
  const entries = log?.entries ?? []
  return (
    <details className="session-log">
      <summary>{translator.t('calibration.log.title', { count: entries.length })}</summary>
      <ol>
        {entries.map((e, i) => (
          <li key={`${e.at}-${i}`}>
            <span className="muted">
              {e.at.replace('T', ' ').slice(0, 16)} · {e.actor}
            </span>{' '}
            {said(translator, e.summaryText, e.summary)}
            {e.reason ? <span className="muted"> — {said(translator, e.reasonText, e.reason)}</span> : null}
          </li>
        ))}
      </ol>
    </details>
  )
})
