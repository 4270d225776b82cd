import { memo } from 'react'
import type { HeldPerson } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { said } from './labels'

/** How many of the holding area the list names at once (the to-do above it counts them all). */
const LISTED = 200

/** The holding area: who the data could not place and why; a name opens the person, to place them by hand. */
export const HoldingList = memo(function HoldingList({
  listed,
  placeByHand,
  onOpen,
}: {
  listed: readonly HeldPerson[]
  /** "Place by hand" was chosen for one reason: say how. */
  placeByHand: boolean
  onOpen: (employeeId: string) => void
}): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  return (
    <section aria-label={t('calibration.session.holding')} id="holding-list">
      <h3>{t('calibration.session.holdingTitle', { count: listed.length })}</h3>
      {placeByHand && <p className="muted small">{t('calibration.todo.placeByHandHint')}</p>}
      {/* It scrolls, so it takes focus: keyboard users can scroll it too. */}
      <ul className="holding" tabIndex={0} aria-label={t('calibration.session.holdingList')}>
        {listed.slice(0, LISTED).map((h) => (
          <li key={h.employeeId}>
            <button type="button" className="link" onClick={() => onOpen(h.employeeId)}>
              {h.name}
            </button>{' '}
            — {said(translator, h.explanationText, h.explanation)}
          </li>
        ))}
      </ul>
    </section>
  )
})
