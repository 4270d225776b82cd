import type { CalibrationView, Placement, PersonDetail } from '../../../../shared/contract'
import { useT, type Translator } from '../../i18n'
import { boxLabel } from './labels'
import { PreviousPlacement } from './movementMarker'
import { ProposalPlacement } from './proposalMarker'

/** What the panel says about the previous cycle, the sessions a person's boxes came from, and the proposals. */
export type PreviousCycle = Pick<
  CalibrationView,
  'previousCycle' | 'previousSessions' | 'rollupOf' | 'proposals'
>

/** A tenure in years and months ("3 years 2 months"), plural forms by the user's language. */
function tenureText(t: Translator, months: number | null): string {
  if (months === null) return t.t('calibration.panel.unknown')
  const years = Math.floor(months / 12)
  const rest = months % 12
  const y = t.t('calibration.panel.tenureYears', { count: years })
  const m = t.t('calibration.panel.tenureMonths', { count: rest })
  if (years === 0) return m
  return rest === 0 ? y : t.t('calibration.panel.tenureBoth', { years: y, months: m })
}

/** Why the person is in their box, in one sentence: the two levels, or the meeting's move, or a placing by hand. */
function whySentence(
  t: Translator,
  person: Placement,
  labels: Readonly<Record<string, string>>,
  triedFrom: number | null,
): string {
  const label = boxLabel(t, labels, person.box)
  const performance = t.t(`calibration.level.${person.performance.level}`)
  const potential = t.t(`calibration.level.${person.potential.level}`)
  // A sandbox try is not the meeting's decision: say so, and where the session has them.
  if (triedFrom !== null)
    return t.t('calibration.panel.whyTried', {
      box: person.box,
      label,
      from: triedFrom,
      fromLabel: boxLabel(t, labels, triedFrom),
      performance,
      potential,
    })
  if (person.source === 'placed')
    return t.t('calibration.panel.whyPlaced', {
      box: person.box,
      label,
      reason: person.heldFor ? t.t(`calibration.todo.heldFor.${person.heldFor}`) : '—',
    })
  if (person.source === 'moved')
    return t.t('calibration.panel.whyMoved', {
      box: person.box,
      label,
      from: person.computedBox,
      fromLabel: boxLabel(t, labels, person.computedBox),
      performance,
      potential,
    })
  return t.t('calibration.panel.why', { box: person.box, label, performance, potential })
}

/** Who the person is and why they are here, readable in a glance from across the table. */
export function PersonGlance({
  person,
  detail,
  blind,
  labels,
  lastCycle,
  triedFrom,
  presenter,
}: {
  person: Placement
  detail: PersonDetail | null
  blind: boolean
  labels: Readonly<Record<string, string>>
  lastCycle: PreviousCycle | undefined
  triedFrom: number | null
  /** On the projector: the proposer's comment stays with the facilitator, as notes do. */
  presenter: boolean
}): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  const profile = detail?.profile
  const [latest, previous] = detail?.reviews ?? []
  const unknown = t('calibration.panel.unknown')
  return (
    <section className="glance" aria-label={t('calibration.panel.glance')}>
      <p className="why" data-testid="panel-why">
        {whySentence(translator, person, labels, triedFrom)}
      </p>
      <dl>
        {!blind && (
          <>
            <dt>{t('calibration.panel.jobTitle')}</dt>
            <dd>{profile ? (profile.jobTitle ?? unknown) : '…'}</dd>
          </>
        )}
        <dt>{t('calibration.panel.jobLevel')}</dt>
        <dd>{profile ? (profile.jobLevel ?? unknown) : '…'}</dd>
        <dt>{t('calibration.panel.tenure')}</dt>
        <dd>{profile ? tenureText(translator, profile.tenureMonths) : '…'}</dd>
        <dt>{t('calibration.panel.manager')}</dt>
        <dd data-testid="panel-manager">{person.managerName ?? t('calibration.panel.noManager')}</dd>
        {!blind && (
          <>
            <dt>{t('calibration.filters.department')}</dt>
            <dd>{person.department ?? unknown}</dd>
          </>
        )}
        <dt>{t('calibration.panel.ratingsNow')}</dt>
        <dd>
          {!detail
            ? '…'
            : latest
              ? t('calibration.panel.ratingThis', {
                  rating: translator.number(latest.overallRating),
                  cycle: latest.cycle,
                })
              : t('calibration.panel.noRating')}
          {previous && (
            <span className="muted">
              {' · '}
              {t('calibration.panel.ratingBefore', {
                rating: translator.number(previous.overallRating),
                cycle: previous.cycle,
              })}
            </span>
          )}
        </dd>
        {person.fromSession && (
          <>
            <dt>{t('calibration.rollup.placedIn')}</dt>
            <dd data-testid="panel-placed-in">
              {lastCycle?.rollupOf?.find((c) => c.sessionId === person.fromSession)?.name ?? unknown}
            </dd>
          </>
        )}
        {lastCycle?.previousCycle && (
          <>
            <dt>{t('calibration.previous.title')}</dt>
            <PreviousPlacement t={translator} person={person} view={{ ...lastCycle, settings: { labels } }} />
          </>
        )}
        {lastCycle?.proposals && (
          <>
            <dt>{t('calibration.proposals.panelTitle')}</dt>
            <ProposalPlacement t={translator} person={person} labels={labels} comment={!presenter} />
          </>
        )}
      </dl>
      {blind && <p className="muted small">{t('calibration.panel.blindHidden')}</p>}
    </section>
  )
}
