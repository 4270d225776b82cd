import { SEGMENT_PLACEHOLDERS } from '../../../../shared/contract'
import type { SegmentDimension } from '../../../../shared/contract'
import type { MessageKey, Translator } from '../../i18n'

export { errorText } from '../../components/errorText'

const PLACEHOLDERS: Record<string, MessageKey> = SEGMENT_PLACEHOLDERS

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
