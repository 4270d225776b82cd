/**
 * The first row of every export that holds special-category data (GDPR art. 9) says so before anything else, naming
 * what it holds and what it is for, so a file forwarded without context still warns its reader.
 */
export const SENSITIVE_PREFIX = 'Contains sensitive attributes'

export const sensitiveNotice = (attributes: readonly string[], use: string): string =>
  `${SENSITIVE_PREFIX} (${attributes.join(', ')}): ${use}`
