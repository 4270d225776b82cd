import type { ActivityType, LearningStatus } from '../import/parseValue'

/**
 * What a verb means for a learning record, by its IRI. `display` is never read: it is a label in some language,
 * and "sent" displayed over a "completed" id (or the reverse) is common in real exports.
 */
const ADL = 'http://adlnet.gov/expapi/verbs/'
export const VOIDED_VERB = `${ADL}voided`

export const VERB_STATUS: Readonly<Record<string, LearningStatus>> = {
  [`${ADL}completed`]: 'completed',
  [`${ADL}passed`]: 'passed',
  [`${ADL}failed`]: 'failed',
  [`${ADL}attempted`]: 'in_progress',
  [`${ADL}experienced`]: 'completed',
  [`${ADL}mastered`]: 'passed',
  [`${ADL}satisfied`]: 'completed',
  [`${ADL}waived`]: 'waived',
  'https://w3id.org/xapi/adl/verbs/satisfied': 'completed',
  'https://w3id.org/xapi/adl/verbs/waived': 'waived',
  'https://w3id.org/xapi/tla/verbs/achieved': 'passed',
}

/** Activity types by the last part of the definition.type IRI (…/activitytypes/course, …/activity-type/video). */
export function activityTypeFromIri(iri: string | undefined): ActivityType {
  const last = (iri ?? '').split(/[/#]/).pop()?.toLowerCase() ?? ''
  if (['assessment', 'cmi.interaction', 'question', 'interaction', 'test', 'exam'].includes(last))
    return 'assessment'
  if (['certification', 'certificate', 'badge'].includes(last)) return 'certification'
  if (['program', 'programme', 'curriculum', 'pathway'].includes(last)) return 'program'
  if (['video', 'media', 'file', 'link', 'article', 'book', 'podcast', 'meeting'].includes(last))
    return 'informal'
  return 'course'
}
