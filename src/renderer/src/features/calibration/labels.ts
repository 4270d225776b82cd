import type { FlagCode } from '../../../../shared/contract'
import { moveReasonCode } from '../../../../shared/contract/calibration'
import { translate, type Message, type Translator } from '../../i18n'

type BoxKey = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
const isBox = (box: string): box is BoxKey => /^[1-9]$/.test(box)

/**
 * A box's label as the session stores it. A default label (still the English default name) is shown in the user's
 * language; a label someone typed is shown as typed.
 */
export function boxLabel(
  t: Translator,
  labels: Readonly<Record<string, string>>,
  box: number | string,
): string {
  const key = String(box)
  const stored = labels[key] ?? ''
  if (!isBox(key)) return stored
  return stored === translate('en', `calibration.boxLabels.${key}`)
    ? t.t(`calibration.boxLabels.${key}`)
    : stored
}

/** The workspace's labels with the default names in the user's language (what the labels editor starts from). */
export function shownLabels(t: Translator, labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(labels).map((box) => [box, boxLabel(t, labels, box)]))
}

export const flagName = (t: Translator, code: FlagCode): string => t.t(`calibration.flag.name.${code}`)

type ReasonCode = (typeof moveReasonCode.options)[number]
const isReason = (code: string): code is ReasonCode =>
  (moveReasonCode.options as readonly string[]).includes(code)

/** A move reason's name in the move dialog. */
export const reasonLabel = (t: Translator, code: ReasonCode): string =>
  code === 'other' ? t.t('calibration.move.reasonOther') : t.t(`calibration.move.reasons.${code}`)

/** A move reason as the move history shows it, in words (a code the catalogue does not know shows as stored). */
export const reasonCodeText = (t: Translator, code: string): string =>
  !isReason(code)
    ? code
    : code === 'other'
      ? t.t('calibration.panel.reasonCodeOther')
      : t.t(`calibration.panel.reasonCode.${code}`)

/** A service's sentence in the user's language, or its English when it came without a message (older snapshots). */
export const said = (t: Translator, text: Message | undefined, english: string): string =>
  text ? t.m(text) : english
