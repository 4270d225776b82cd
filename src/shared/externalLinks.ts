/**
 * Every link to the outside the app shows. The desktop shell opens a link in the system browser only if it is one
 * of these (and https): a page that got script into the renderer still cannot launch arbitrary URLs or schemes.
 */
export const EXTERNAL_LINKS = {
  gdprErasure: 'https://gdpr-info.eu/art-17-gdpr/',
  gdprAccess: 'https://gdpr-info.eu/art-15-gdpr/',
  fourFifthsRule: 'https://www.ecfr.gov/current/title-29/subtitle-B/chapter-XIV/part-1607/section-1607.4',
} as const

const ALLOWED = new Set<string>(Object.values(EXTERNAL_LINKS))

/** Exactly one of the app's own links (which are all https): no other URL, scheme or spelling of one. */
export const isAppExternalLink = (url: string): boolean => url.startsWith('https://') && ALLOWED.has(url)
