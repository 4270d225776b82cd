import {
  holdingReason,
  moveReasonCode,
  potentialFrom,
  sessionStatus,
} from '../../src/shared/contract/calibration'

/**
 * The codes the app keeps for machines (the CLI's JSON, the database) that must never reach a screen or a workbook
 * meant for people: UPPER_SNAKE codes (flag codes, error codes) and the app's own kebab codes (move reasons, holding
 * reasons, against-target, holding actions).
 */
const KEBAB_CODES: readonly string[] = [
  ...moveReasonCode.options,
  ...holdingReason.options,
  ...potentialFrom.options,
  ...sessionStatus.options,
  'on-target',
  'place-by-hand',
  'potential-ratings',
  'skill-rating',
].filter((code) => code.includes('-'))

const UPPER_SNAKE = /\b[A-Z]+_[A-Z_]+\b/g
const KEBAB = new RegExp(`(?<![\\w-])(${KEBAB_CODES.join('|')})(?![\\w-])`, 'g')

/** Every raw code in a text people read, in order. */
export function rawCodes(text: string): string[] {
  return [...text.matchAll(UPPER_SNAKE), ...text.matchAll(KEBAB)].map((m) => m[0])
}
