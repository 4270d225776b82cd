import type { Placement } from '../../../../shared/contract'
import { farFromEvidence } from '../../../../core/calibration/proposals'
import type { Translator } from '../../i18n'
import { boxLabel } from './labels'

/** Far from the records' box (two boxes or more, or across the top or bottom edge): the agenda puts it up front. */
const isFar = (p: Placement): boolean =>
  p.proposedBox !== null &&
  p.proposedBox !== undefined &&
  p.source !== 'placed' &&
  farFromEvidence(p.proposedBox, p.computedBox)

/** The proposed box on a card ("proposed 9"), stronger when it is far from the evidence; nothing without one. */
export function ProposalMarker({
  t,
  person,
}: {
  t: Translator
  person: Placement
}): React.JSX.Element | null {
  if (person.proposedBox === null || person.proposedBox === undefined) return null
  return (
    <span
      className={`card-proposed${isFar(person) ? ' far' : ''}`}
      title={t.t('calibration.proposals.cardTitle', { box: person.proposedBox })}
      data-testid="proposed"
    >
      {t.t('calibration.proposals.card', { box: person.proposedBox })}
    </span>
  )
}

/**
 * The proposal in the side panel: who proposed which box (and the levels, when given in words), the evidence box
 * beside it, whether they are far apart, and the proposer's comment.
 */
export function ProposalPlacement({
  t,
  person,
  labels,
  comment = true,
}: {
  t: Translator
  person: Placement
  labels: Readonly<Record<string, string>>
  /** Whether to show the proposer's comment (not on the projector). */
  comment?: boolean
}): React.JSX.Element {
  const proposed = person.proposedBox
  if (proposed === null || proposed === undefined)
    return <dd data-testid="panel-proposal">{t.t('calibration.proposals.panelNone')}</dd>
  const proposal = person.proposal
  const label = boxLabel(t, labels, proposed)
  return (
    <dd data-testid="panel-proposal">
      {proposal?.by
        ? t.t('calibration.proposals.panelBy', { manager: proposal.by, box: proposed, label })
        : t.t('calibration.proposals.panelNobody', { box: proposed, label })}
      {proposal?.performance && proposal.potential && (
        <span className="proposal-levels">
          {' '}
          (
          {t.t('calibration.proposals.panelLevels', {
            performance: t.t(`calibration.level.${proposal.performance}`),
            potential: t.t(`calibration.level.${proposal.potential}`),
          })}
          )
        </span>
      )}
      {person.source !== 'placed' && (
        <span className="proposal-detail muted">
          {t.t('calibration.proposals.evidence', {
            box: person.computedBox,
            label: boxLabel(t, labels, person.computedBox),
          })}
        </span>
      )}
      {isFar(person) && (
        <span className="proposal-detail proposal-far">{t.t('calibration.proposals.far')}</span>
      )}
      {comment && proposal?.comment && (
        <span className="proposal-detail">
          {t.t('calibration.proposals.panelComment', { comment: proposal.comment })}
        </span>
      )}
    </dd>
  )
}
