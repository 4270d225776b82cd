import { useCallback, useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { jumpFor } from '../../stores/appStore'
import { api } from '../../api/client'
import { useT } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { BoxLabelsEditor } from './BoxLabelsEditor'
import { CreateSessionForm } from './CreateSessionForm'
import { SessionView } from './SessionView'

type Sessions = MethodOutput<'calibration.list'>

export function CalibrationScreen(): React.JSX.Element {
  const [sessions, setSessions] = useState<Sessions | null>(null)
  const [open, setOpen] = useState<string | null>(() => jumpFor('session')?.sessionId ?? null)
  const [error, setError] = useState<unknown>(null)
  const { t } = useT()

  const load = useCallback(() => {
    api.call('calibration.list').then(setSessions, setError)
  }, [])
  useEffect(() => {
    api.call('calibration.list').then(setSessions, setError)
  }, [])

  if (open) return <SessionView sessionId={open} onBack={() => (setOpen(null), load())} />
  return (
    <div className="calibration-home">
      <h1>{t('calibration.home.title')}</h1>
      {error !== null && <ErrorBanner error={error} />}
      <CreateSessionForm
        onCreate={(input) => {
          api
            .call('calibration.create', input)
            .then((created) => setOpen(created.sessionId))
            .catch(setError)
        }}
      />
      <BoxLabelsEditor onError={setError} />
      <h2>{t('calibration.home.sessions')}</h2>
      {sessions === null ? (
        <p aria-busy="true">{t('calibration.home.loading')}</p>
      ) : sessions.length === 0 ? (
        <p className="muted">{t('calibration.home.none')}</p>
      ) : (
        <ul className="sessions">
          {sessions.map((s) => (
            <li key={s.sessionId}>
              <button type="button" className="link" onClick={() => setOpen(s.sessionId)}>
                {s.name}
              </button>{' '}
              <span className="muted">
                {s.cycle} · {t('calibration.home.people', { count: s.people })} ·{' '}
                {t(`calibration.status.${s.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
