import type { HoldingAction, HoldingGroup, HeldPerson } from '../../../../shared/contract'
import { useT, type Translator } from '../../i18n'
import { boxLabel, said } from './labels'

type Reason = HeldPerson['reason']

/** An action's words: what it does and, for another source, how many of the group it would place. */
function actionText(t: Translator, action: HoldingAction): string {
  switch (action.kind) {
    case 'source':
      return `${t.t(`calibration.todo.useSource.${action.source}`)} (${t.t('calibration.todo.places', { count: action.places })})`
    case 'import':
      return t.t(
        action.what === 'ratings'
          ? 'calibration.todo.importRatings'
          : action.what === 'assessments'
            ? 'calibration.todo.importAssessments'
            : 'calibration.todo.importPotential',
      )
    case 'place-by-hand':
      return t.t('calibration.todo.placeByHand')
  }
}

/**
 * The holding area as a to-do list: each reason people are held, how many, and the ways out — another potential
 * source (one undoable step for the whole session), an import with the kind chosen, or placing people by hand.
 */
export function HoldingTodo({
  groups,
  locked,
  busy,
  onSource,
  onImport,
  onPlaceByHand,
}: {
  groups: readonly HoldingGroup[]
  locked: boolean
  busy: boolean
  onSource: (source: Extract<HoldingAction, { kind: 'source' }>['source']) => void
  onImport: (kind: 'reviews' | 'learning') => void
  onPlaceByHand: (reason: Reason) => void
}): React.JSX.Element | null {
  const translator = useT()
  const { t } = translator
  if (groups.length === 0) return null
  const sources = groups.flatMap((g) => g.actions.filter((a) => a.kind === 'source'))
  return (
    <section className="holding-todo" aria-label={t('calibration.todo.title')}>
      <h3>{t('calibration.todo.title')}</h3>
      <ul>
        {groups.map((group) => (
          <li key={group.reason} data-reason={group.reason}>
            <strong>{said(translator, group.text, group.summary)}</strong>
            <span className="todo-actions">
              {group.actions.map((action, i) => (
                <span key={`${action.kind}-${i}`}>
                  {i > 0 && <span aria-hidden="true"> · </span>}
                  <button
                    type="button"
                    className={action.kind === 'source' ? 'todo-primary' : 'link'}
                    disabled={locked || busy}
                    onClick={() =>
                      action.kind === 'source'
                        ? onSource(action.source)
                        : action.kind === 'import'
                          ? onImport(action.importKind)
                          : onPlaceByHand(group.reason)
                    }
                  >
                    {actionText(translator, action)}
                  </button>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {sources.length > 0 && (
        <p className="muted small">
          {t('calibration.todo.sourceNote', {
            source: sources
              .map((a) => (a.kind === 'source' ? t(`calibration.potential.sourceName.${a.source}`) : ''))
              .join(' / '),
          })}
        </p>
      )}
    </section>
  )
}

/** Someone in the holding area, in the side panel: why the data cannot place them, and a box to put them in. */
export function HeldPanel({
  person,
  locked,
  labels = {},
  onPlace,
}: {
  person: HeldPerson
  locked: boolean
  /** The session's box labels, for a proposal's box. */
  labels?: Readonly<Record<string, string>>
  onPlace: (box: number) => void
}): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  const proposed = person.proposedBox ?? null
  return (
    <aside className="person-panel" aria-label={t('calibration.panel.label', { name: person.name })}>
      <h3>
        {person.name} <span className="muted">{t('calibration.todo.panel.title')}</span>
      </h3>
      <p>
        {t('calibration.todo.panel.why', {
          reason: said(translator, person.explanationText, person.explanation),
        })}
      </p>
      {proposed !== null && (
        <p data-testid="panel-proposal">
          <strong>
            {person.proposal?.by
              ? t('calibration.proposals.panelBy', {
                  manager: person.proposal.by,
                  box: proposed,
                  label: boxLabel(translator, labels, proposed),
                })
              : t('calibration.proposals.panelNobody', {
                  box: proposed,
                  label: boxLabel(translator, labels, proposed),
                })}
          </strong>
          {person.proposal?.comment && (
            <>
              <br />
              {t('calibration.proposals.panelComment', { comment: person.proposal.comment })}
            </>
          )}
          {!locked && (
            <>
              <br />
              <button type="button" className="secondary" onClick={() => onPlace(proposed)}>
                {t('calibration.proposals.placeAsProposed', { box: proposed })}
              </button>
            </>
          )}
        </p>
      )}
      {!locked && (
        <>
          <p className="muted">{t('calibration.todo.panel.hint', { name: person.name })}</p>
          <label>
            {t('calibration.todo.panel.placeIn')}{' '}
            <select
              aria-label={t('calibration.todo.panel.placeIn')}
              value=""
              onChange={(e) => {
                if (e.target.value) onPlace(Number(e.target.value))
              }}
            >
              <option value="">{t('calibration.todo.panel.place')}</option>
              {[9, 8, 7, 6, 5, 4, 3, 2, 1].map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </aside>
  )
}
