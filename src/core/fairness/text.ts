import { english, message, type Message, type MessageKey, type Params } from '../../shared/i18n/translate'

/**
 * The audit's sentences carry p-values and η² to four decimals, more than the catalogue's default number format
 * shows: their numbers are written out here, by `format` (the plural `count` stays a number to choose the form).
 */
export function withNumbers(m: Message, format: (value: number) => string): Message {
  if (m.params === undefined) return m
  const params: Params = {}
  for (const [name, value] of Object.entries(m.params))
    params[name] =
      typeof value === 'number' && name !== 'count'
        ? format(value)
        : typeof value === 'object'
          ? withNumbers(value, format)
          : value
  return { key: m.key, params }
}

/** The English sentence as the audit has always written it (numbers as JavaScript prints them). */
export const plainEnglish = (m: Message): string => english(withNumbers(m, String))

/** Folds parts into one message by a `{first}…{rest}` message of the catalogue ("a; b; c", "x or y"). */
export function joined(parts: readonly (string | Message)[], join: MessageKey): string | Message | null {
  return parts.reduceRight<string | Message | null>(
    (rest, first) => (rest === null ? first : message(join, { first, rest })),
    null,
  )
}
