import type { CalibrationView, Placement } from '../../../../shared/contract'
import { movement, movementText } from '../../../../core/calibration/previousPlacement'
import type { Translator } from '../../i18n'
import { boxLabel } from './labels'

/**
 * How far a person moved since the previous cycle, in words: "up 2 boxes / down 1 box since 2025 Annual Review",
 * or "same box as in …"; null when they had no box then (or the session has no previous cycle).
 */
export function movementMarker(
  t: Translator,
  p: Placement,
  previousCycle: string | null | undefined,
): string | null {
  if (p.previousBox === null || p.previousBox === undefined || !previousCycle) return null
  const change = movementText(movement(p.previousBox, p.box))
  return change
    ? t.t('calibration.previous.since', { change: t.m(change), cycle: previousCycle })
    : t.t('calibration.previous.same', { cycle: previousCycle })
}

/** A short glyph for a dot, beside the words its label carries: ↑ up, ↓ down, ↕ both, none when unchanged. */
export function movementGlyph(p: Placement): string | null {
  if (p.previousBox === null || p.previousBox === undefined) return null
  const { up, down } = movement(p.previousBox, p.box)
  return up > 0 && down > 0 ? '↕' : up > 0 ? '↑' : down > 0 ? '↓' : null
}

/** The marker on a card. */
export function MovementMarker({
  t,
  person,
  view,
}: {
  t: Translator
  person: Placement
  view: CalibrationView
}): React.JSX.Element | null {
  const text = movementMarker(t, person, view.previousCycle)
  if (text === null) return null
  const glyph = movementGlyph(person)
  return (
    <span className="card-previous" data-testid="movement">
      {glyph && <b aria-hidden="true">{glyph} </b>}
      {text}
    </span>
  )
}

/** The previous placement in the side panel: the box and its label, where it came from, and the movement. */
export function PreviousPlacement({
  t,
  person,
  view,
}: {
  t: Translator
  person: Placement
  view: Pick<CalibrationView, 'previousCycle' | 'previousSessions'> & {
    settings: Pick<CalibrationView['settings'], 'labels'>
  }
}): React.JSX.Element | null {
  const cycle = view.previousCycle
  if (!cycle) return null
  if (person.previousBox === null || person.previousBox === undefined)
    return <dd data-testid="panel-previous">{t.t('calibration.previous.none', { cycle })}</dd>
  const session = (view.previousSessions ?? []).find((s) => s.sessionId === person.previousFrom)
  const marker = movementMarker(t, person, cycle)
  return (
    <dd data-testid="panel-previous">
      {t.t('calibration.previous.box', {
        box: person.previousBox,
        label: boxLabel(t, view.settings.labels, person.previousBox),
        cycle,
      })}{' '}
      <span className="muted">
        (
        {session
          ? t.t('calibration.previous.fromSession', { session: session.name })
          : t.t('calibration.previous.fromRatings', { cycle })}
        )
      </span>
      {marker && (
        <>
          <br />
          <strong>{marker}</strong>
        </>
      )}
    </dd>
  )
}
