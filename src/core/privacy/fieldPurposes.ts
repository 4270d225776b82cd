/**
 * Purpose limitation (GDPR art. 5(1)(b)): each field about a person is tagged with the purposes it may be used for,
 * and every view and export asks before using it. Organisational fields start with every purpose they can serve;
 * sensitive attributes can only ever serve the fairness audit, which exists to check the other purposes.
 */
import { PURPOSE_FIELDS, PURPOSES, type Purpose, type PurposeField } from '../../shared/fieldPurposes'
import { english, message, type Message } from '../../shared/i18n/translate'
import { joined } from '../fairness/text'

export { PURPOSE_FIELDS, PURPOSES, type Purpose, type PurposeField }

/** Each purpose's name in English (the renderer says it from the catalogue by its key). */
export const PURPOSE_LABEL = Object.fromEntries(
  PURPOSES.map((p) => [p, english(message(`privacy.purpose.${p}`))]),
) as Record<Purpose, string>

export interface PurposeFieldSpec {
  field: PurposeField
  label: string
  sensitive: boolean
  /** What it may ever be used for; a purpose outside this list cannot be granted. */
  allowed: readonly Purpose[]
  /** What a new workspace uses it for. */
  defaults: readonly Purpose[]
}

const ALL: readonly Purpose[] = PURPOSES
const AUDIT_ONLY: readonly Purpose[] = ['fairnessAudit']

export const PURPOSE_FIELD_SPECS: Record<PurposeField, PurposeFieldSpec> = {
  department: { field: 'department', label: 'Department', sensitive: false, allowed: ALL, defaults: ALL },
  location: { field: 'location', label: 'Location', sensitive: false, allowed: ALL, defaults: ALL },
  jobLevel: { field: 'jobLevel', label: 'Job level', sensitive: false, allowed: ALL, defaults: ALL },
  // Who reports to whom scopes calibrations and teams; it is no group to audit.
  manager: {
    field: 'manager',
    label: 'Manager',
    sensitive: false,
    allowed: ['calibration', 'development'],
    defaults: ['calibration', 'development'],
  },
  gender: { field: 'gender', label: 'Gender', sensitive: true, allowed: AUDIT_ONLY, defaults: AUDIT_ONLY },
  age: {
    field: 'age',
    label: 'Age (birth year, age band)',
    sensitive: true,
    allowed: AUDIT_ONLY,
    defaults: AUDIT_ONLY,
  },
  ethnicity: {
    field: 'ethnicity',
    label: 'Ethnicity',
    sensitive: true,
    allowed: AUDIT_ONLY,
    defaults: AUDIT_ONLY,
  },
  workPattern: {
    field: 'workPattern',
    label: 'Work pattern',
    sensitive: true,
    allowed: AUDIT_ONLY,
    defaults: AUDIT_ONLY,
  },
}

/** The purposes each field serves in one workspace: stored choices over the defaults. */
export type FieldPurposes = Readonly<Record<PurposeField, readonly Purpose[]>>

export function fieldPurposesFrom(stored: ReadonlyMap<string, readonly string[]>): FieldPurposes {
  const result = {} as Record<PurposeField, readonly Purpose[]>
  for (const field of PURPOSE_FIELDS) {
    const spec = PURPOSE_FIELD_SPECS[field]
    const chosen = stored.get(field)
    // A stored purpose the field may not serve (an older, looser rule) is dropped, never honoured.
    result[field] = chosen === undefined ? spec.defaults : spec.allowed.filter((p) => chosen.includes(p))
  }
  return result
}

export const usesFieldFor = (purposes: FieldPurposes, field: PurposeField, purpose: Purpose): boolean =>
  purposes[field].includes(purpose)

/** Why a set of purposes cannot be stored for a field, or null when it can. */
export function purposeProblemText(field: PurposeField, purposes: readonly Purpose[]): Message | null {
  const spec = PURPOSE_FIELD_SPECS[field]
  const refused = purposes.filter((p) => !spec.allowed.includes(p))
  if (refused.length === 0) return null
  const params = {
    field: message(`privacy.field.${field}`),
    purposes: joined(
      refused.map((p) => message(`privacy.purposeInText.${p}`)),
      'privacy.purposeOr',
    ) as Message,
  }
  return message(spec.sensitive ? 'privacy.errors.sensitiveOnly' : 'privacy.errors.notAllowed', params)
}

/** The same in English. */
export function purposeProblem(field: PurposeField, purposes: readonly Purpose[]): string | null {
  const problem = purposeProblemText(field, purposes)
  return problem === null ? null : english(problem)
}

/** The message when a view needs a field its purpose may not use. */
export const purposeRefusalText = (field: PurposeField, purpose: Purpose): Message =>
  message('privacy.errors.notTagged', {
    field: message(`privacy.field.${field}`),
    purpose: message(`privacy.purposeInText.${purpose}`),
  })

/** The same in English. */
export const purposeRefusal = (field: PurposeField, purpose: Purpose): string =>
  english(purposeRefusalText(field, purpose))
