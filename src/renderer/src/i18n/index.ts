import { create } from 'zustand'
import { en, type Catalogue, type Plural } from './en'
import { pl } from './pl'

export const LOCALES = { en: 'English', pl: 'Polski' } as const
export type Locale = keyof typeof LOCALES
const CATALOGUES: Record<Locale, Catalogue> = { en, pl }
const STORAGE_KEY = 'ninefold.locale'

type Leaves<T, P extends string = ''> = T extends string | Plural
  ? P
  : { [K in keyof T & string]: Leaves<T[K], P extends '' ? K : `${P}.${K}`> }[keyof T & string]
/** Every key of the catalogue, checked at compile time: `t('nav.people')`. */
export type MessageKey = Leaves<typeof en>

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return value === 'pl' || value === 'en' ? value : 'en'
  } catch {
    return 'en'
  }
}

interface LocaleState {
  locale: Locale
  setLocale(locale: Locale): void
}

/** The chosen language, switched at run time and remembered on this computer. */
export const useLocale = create<LocaleState>((set) => ({
  locale: storedLocale(),
  setLocale: (locale) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale)
    } catch {
      // A page without storage keeps the choice for this session only.
    }
    document.documentElement.lang = locale
    set({ locale })
  },
}))

// The page says which language it is in from the start (screen readers pick their voice by it).
if (typeof document !== 'undefined') document.documentElement.lang = storedLocale()

export type Params = Record<string, string | number>

function lookup(catalogue: Catalogue, key: MessageKey): string | Plural {
  let node: unknown = catalogue
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part]
  return node as string | Plural
}

/** One message in one locale: plural forms by the locale's rules, numbers formatted the locale's way. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const entry = lookup(CATALOGUES[locale], key) ?? lookup(en, key)
  const count = params['count']
  const text =
    typeof entry === 'string'
      ? entry
      : (entry[new Intl.PluralRules(locale).select(typeof count === 'number' ? count : 0)] ?? entry.other)
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value ?? '')
  })
}

export interface Translator {
  locale: Locale
  t(key: MessageKey, params?: Params): string
  number(value: number): string
  percent(value: number, digits?: number): string
  date(iso: string): string
  dateTime(iso: string): string
}

export function translator(locale: Locale): Translator {
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    number: (value) => new Intl.NumberFormat(locale).format(value),
    percent: (value, digits = 1) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(value),
    date: (iso) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)),
    dateTime: (iso) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  }
}

/** The translator for the current language; components using it re-render when the language changes. */
export function useT(): Translator {
  return translator(useLocale((s) => s.locale))
}
