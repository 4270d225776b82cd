import { groupText } from '../../../../core/fairness/audit'
import { withNumbers } from '../../../../core/fairness/text'
import type { Message } from '../../../../shared/i18n/translate'
import type { Translator } from '../../i18n'

/** The audit's words in the reader's language, its numbers to the four decimals the service rounded them to. */
export function auditText(t: Translator): {
  say: (m: Message) => string
  group: (group: string) => string
  fixed: (value: number, digits: number) => string
} {
  const four = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 4 })
  return {
    say: (m) => t.m(withNumbers(m, (v) => four.format(v))),
    // "Not recorded" and the age bands are the app's words; other groups are the workspace's own values.
    group: (group) => {
      const text = groupText(group)
      return typeof text === 'string' ? text : t.m(text)
    },
    fixed: (value, digits) =>
      new Intl.NumberFormat(t.locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value),
  }
}
