import { translate, type Locale } from '../../shared/i18n/translate'

/**
 * The first row of every export that holds special-category data (GDPR art. 9) says so before anything else, naming
 * what it holds and what it is for, so a file forwarded without context still warns its reader.
 */
export const SENSITIVE_PREFIX = 'Contains sensitive attributes'

/**
 * The notice in the user's language (English unless told): `attributes` and `use` are already in that language,
 * the caller translates them. In English it reads `Contains sensitive attributes (a, b): use`.
 */
export const sensitiveNotice = (attributes: readonly string[], use: string, locale: Locale = 'en'): string =>
  translate(locale, 'privacy.export.sensitiveNotice', { attributes: attributes.join(', '), use })
