import { z } from 'zod'
import { en, type Catalogue, type IsPlural, type Plural } from './catalogue'
import { pl } from './pl'

export const LOCALES = { en: 'English', pl: 'Polski' } as const
export type Locale = keyof typeof LOCALES
const CATALOGUES: Record<Locale, Catalogue> = { en, pl }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value)
}

type Leaves<T, P extends string = ''> = T extends string
  ? P
  : IsPlural<T> extends true
    ? P
    : { [K in keyof T & string]: Leaves<T[K], P extends '' ? K : `${P}.${K}`> }[keyof T & string]
/** Every key of the catalogue, checked at compile time: `t('nav.people')`. */
export type MessageKey = Leaves<typeof en>

/**
 * A message a service or core function says to the user, kept as key and values so the renderer shows it in
 * the user's language; `english()` gives the text for logs, the CLI and tests. A value may itself be a message
 * (a flag's name inside a sentence), translated in the same language.
 */
export interface Message {
  key: MessageKey
  params?: Params
}
export type Params = Record<string, string | number | Message>

export const message = (key: MessageKey, params?: Params): Message =>
  params === undefined ? { key } : { key, params }

/** The contract's schema for a message crossing a transport (the key is checked again when shown). */
export const messageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    key: z.string() as unknown as z.ZodType<MessageKey>,
    params: z.record(z.string(), z.union([z.string(), z.number(), messageSchema])).optional(),
  }),
) as z.ZodType<Message>

function lookup(catalogue: Catalogue, key: string): string | Plural | undefined {
  let node: unknown = catalogue
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' || isPlural(node) ? (node as string | Plural) : undefined
}

const PLURAL_CATEGORIES: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other']
function isPlural(node: unknown): boolean {
  return (
    node !== null &&
    typeof node === 'object' &&
    'other' in node &&
    Object.keys(node).every((k) => PLURAL_CATEGORIES.includes(k))
  )
}

const ORDINAL: MessageKey = 'common.ordinal'

/**
 * Intl objects per locale, made once: building one costs far more than using it, and a 50,000-person session
 * formats thousands of counts per render.
 */
const pluralRules = new Map<string, Intl.PluralRules>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function pluralRulesOf(locale: Locale, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale}:${type}`
  let rules = pluralRules.get(key)
  if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locale, { type })))
  return rules
}

function numberFormatOf(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale)
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)))
  return format
}

/** One message in one locale: plural forms by the locale's rules, numbers formatted the locale's way. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  // A key unknown to this build (a newer service) shows as itself rather than as nothing.
  const entry = lookup(CATALOGUES[locale], key) ?? lookup(en, key) ?? key
  const count = params['count']
  // The ordinal entry picks its form by ordinal rules (1st, 2nd, 3rd, 4th; Polish has one form, "92.").
  const rules = pluralRulesOf(locale, key === ORDINAL ? 'ordinal' : 'cardinal')
  const text =
    typeof entry === 'string'
      ? entry
      : (entry[rules.select(typeof count === 'number' ? count : 0)] ?? entry.other)
  // "{rank, ordinal}" is a number written as an ordinal in the locale's way.
  return text.replace(/\{(\w+)(, ordinal)?\}/g, (_, name: string, ordinal: string | undefined) => {
    const value = params[name]
    if (typeof value === 'number' && ordinal) return translate(locale, ORDINAL, { count: value })
    if (typeof value === 'number') return numberFormatOf(locale).format(value)
    if (typeof value === 'object') return translate(locale, value.key, value.params)
    return value ?? ''
  })
}

/** A message in English: what logs, the CLI and error `message` fields carry. */
export const english = (m: Message): string => translate('en', m.key, m.params)

export interface Translator {
  locale: Locale
  t(key: MessageKey, params?: Params): string
  /** A message from a service or core function. */
  m(message: Message): string
  number(value: number, digits?: number): string
  percent(value: number, digits?: number): string
  date(iso: string): string
  dateTime(iso: string): string
}

/** An Intl formatter per locale and options, made once (see pluralRules). */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined
  if (!made) formatters.set(key, (made = make()))
  return made
}

/** One translator per locale, so components can depend on it without re-rendering for a new one each time. */
const translators = new Map<Locale, Translator>()

export function translator(locale: Locale): Translator {
  const known = translators.get(locale)
  if (known) return known
  const made: Translator = {
    locale,
    t: (key, params) => translate(locale, key, params),
    m: (m) => translate(locale, m.key, m.params),
    number: (value, digits) =>
      formatter(
        `${locale}:number:${digits ?? ''}`,
        () => new Intl.NumberFormat(locale, digits === undefined ? {} : { maximumFractionDigits: digits }),
      ).format(value),
    percent: (value, digits = 1) =>
      formatter(
        `${locale}:percent:${digits}`,
        () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }),
      ).format(value),
    date: (iso) =>
      formatter(
        `${locale}:date`,
        () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
      ).format(new Date(iso)),
    dateTime: (iso) =>
      formatter(
        `${locale}:dateTime`,
        () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      ).format(new Date(iso)),
  }
  translators.set(locale, made)
  return made
}
