import { create } from 'zustand'
import { isLocale, translator, type Locale, type Translator } from '../../../shared/i18n/translate'

export {
  LOCALES,
  translate,
  translator,
  type Locale,
  type Message,
  type MessageKey,
  type Translator,
} from '../../../shared/i18n/translate'

const STORAGE_KEY = 'ninefold.locale'

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLocale(value) ? value : 'en'
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

/** The translator for the current language; components using it re-render when the language changes. */
export function useT(): Translator {
  return translator(useLocale((s) => s.locale))
}
