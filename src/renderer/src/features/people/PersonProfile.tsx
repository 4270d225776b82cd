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
    // One session at a time, newest first, each listed as soon as it answers: every session computes its whole
    // grid, and the one just discussed should not wait for all the others.
    const load = async (): Promise<void> => {
      const sessions = await api.call('calibration.list').catch(() => [])
      if (live) setPlaces([])
      for (const s of sessions) {
        // A session without the person refuses: it is simply not listed.
        const detail = await api
          .call('calibration.person', { sessionId: s.sessionId, employeeId })
          .catch(() => null)
        if (!live) return
        if (detail) setPlaces((all) => [...(all ?? []), { sessionId: s.sessionId, session: s.name, detail }])
      }
    }
    void load()
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
