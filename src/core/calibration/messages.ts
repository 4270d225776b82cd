import { message, translate, type Message, type MessageKey } from '../../shared/i18n/translate'

export { message, type Message }

/**
 * A list of items as one message, joined by the catalogue's separator (`{a}, {b}` or `{a}; {b}`), so the renderer
 * can show it in the user's language. Items are messages or data (titles, skill names), never English sentences.
 */
export function joinMessages(
  items: readonly (string | Message)[],
  by: 'comma' | 'semicolon',
): Message | string {
  const key: MessageKey = by === 'comma' ? 'calibration.list.comma' : 'calibration.list.semicolon'
  let joined: Message | string = items[0] ?? ''
  for (const item of items.slice(1)) joined = message(key, { a: joined, b: item })
  return joined
}

/** The catalogue key of a level's name, lower case ("low") or as a title ("Low"). */
export const levelKey = (level: 'low' | 'moderate' | 'high', title = false): MessageKey =>
  title ? `calibration.levelTitle.${level}` : `calibration.level.${level}`

/** A number as an English ordinal (1st, 2nd, 3rd, 92nd), as the catalogue writes it for the English texts. */
export const englishOrdinal = (n: number): string => translate('en', 'common.ordinal', { count: n })
