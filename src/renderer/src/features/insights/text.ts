import type { SegmentDimension } from '../../../../shared/contract'
import { AppError } from '../../../../shared/result'
import type { MessageKey, Translator } from '../../i18n'

/** A failed call in the user's language: a service error's own message, else its English, else a generic line. */
export function errorText(t: Translator, error: unknown): string {
  if (error instanceof AppError) return error.text ? t.m(error.text) : error.message
  return error instanceof Error ? error.message : String(error)
}

const PLACEHOLDERS: Record<string, MessageKey> = {
  '(no department)': 'insights.segment.noDepartment',
  '(no location)': 'insights.segment.noLocation',
  '(no level)': 'insights.segment.noLevel',
  '(no manager)': 'insights.segment.noManager',
  '(left since)': 'insights.segment.leftSince',
}

/**
 * A segment as shown: the values the services make up for a missing field ("(no department)", "Level 3") in the
 * user's language; a real department, location or manager as it is. The value itself still goes back to the service.
 */
export function segmentName(t: Translator, segment: string, dimension?: SegmentDimension): string {
  const placeholder = PLACEHOLDERS[segment]
  if (placeholder) return t.t(placeholder)
  const level = dimension === 'jobLevel' ? /^Level (.+)$/.exec(segment) : null
  return level ? t.t('insights.segment.level', { level: level[1] ?? '' }) : segment
}

/** A percentage with one decimal, or a dash for none. */
export const percentOrDash = (t: Translator, share: number | null, digits = 1): string =>
  share === null ? '—' : t.percent(share, digits)
