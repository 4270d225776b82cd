import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/appStore'
import { flagName } from '../calibration/labels'
import { PersonJourney } from '../insights/PersonJourney'

interface SessionPlace {
  sessionId: string
  session: string
  detail: MethodOutput<'calibration.person'>
}

/**
 * Where Find lands on a person with no session open: who they are, their place and flags in every calibration
 * session that has them (each a jump to that place on the grid), and their journey with its ratings.
 */
export function PersonProfile({
  employeeId,
  onClose,
}: {
  employeeId: string
  onClose: () => void
}): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  const jump = useAppStore((s) => s.jump)
  const [places, setPlaces] = useState<SessionPlace[] | null>(null)
  useEffect(() => {
    let live = true
    void api
      .call('calibration.list')
      .then((sessions) =>
        Promise.allSettled(
          sessions.map(async (s) => ({
            sessionId: s.sessionId,
            session: s.name,
            detail: await api.call('calibration.person', { sessionId: s.sessionId, employeeId }),
          })),
        ),
      )
      // A session without the person refuses: it is simply not listed.
      .then((results) => {
        if (live) setPlaces(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])))
      })
      .catch(() => live && setPlaces([]))
    return () => {
      live = false
    }
  }, [employeeId])
  return (
    <section className="person-profile" aria-label={t('drilldown.find.profile')} data-testid="person-profile">
      <button type="button" className="link" onClick={onClose}>
        {t('drilldown.profile.back')}
      </button>
      <h2>{t('drilldown.find.profile')}</h2>
      <h3>{t('drilldown.profile.sessions')}</h3>
      {places === null ? (
        <p aria-busy="true">{t('drilldown.profile.loading')}</p>
      ) : (
        <ul>
          {places.map(({ sessionId, session, detail }) => (
            <li key={sessionId}>
              {t('drilldown.profile.inSession', { session, box: detail.placement.box })} ·{' '}
              {detail.flags.length === 0
                ? t('drilldown.profile.noFlags')
                : detail.flags.map((f) => flagName(translator, f.code)).join(', ')}{' '}
              <button
                type="button"
                className="link"
                onClick={() => jump({ kind: 'session', sessionId, employeeId })}
              >
                {t('drilldown.profile.openSpot')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PersonJourney of={employeeId} />
    </section>
  )
}
