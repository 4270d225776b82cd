import { message, type Message, type MessageKey } from '../../shared/i18n/translate'

/**
 * The canonical fields each record kind can be mapped to: the targets of column mapping, of mapping files and of
 * the CLI. Synonyms are what HRIS, review and LMS exports actually call these columns; auto-mapping compares
 * headers against them after normalisation (case, spaces and punctuation ignored).
 */
export const RECORD_KINDS = ['people', 'reviews', 'competencies', 'learning', 'surveys', 'xapi'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]
export type TabularKind = Exclude<RecordKind, 'xapi'>

export type FieldType =
  | 'text'
  | 'integer'
  | 'number'
  | 'date'
  | 'boolean'
  | 'email'
  | 'rating'
  | 'level'
  | 'status'
  | 'activityType'
  | 'source'
  | 'minutes'

export interface FieldSpec {
  readonly name: string
  /** In English (mapping files, CLI); `labelText` is the same label from the catalogue, for the screen. */
  readonly label: string
  readonly labelText: Message
  readonly type: FieldType
  readonly required?: boolean
  /** Part of a group of which at least one is required (learning: employeeId or email). */
  readonly oneOf?: string
  /** Sensitive attributes are stored apart, marked for the fairness audit only. */
  readonly sensitive?: boolean
  readonly synonyms: readonly string[]
}

const f = (
  name: string,
  label: string,
  type: FieldType,
  synonyms: string[],
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({
  name,
  label,
  labelText: message(`import.field.${name}` as MessageKey),
  type,
  synonyms,
  ...extra,
})

const EMPLOYEE_ID = [
  'employee id',
  'employeeid',
  'employee number',
  'employeenumber',
  'emp id',
  'empid',
  'emp #',
  'emp no',
  'employee #',
  'employee no',
  'worker id',
  'person number',
  'personnel number',
  'staff id',
  'user id',
  'user - user id',
  'userid',
  'user employee id',
  'id',
  'iid',
  'idcode',
  'id_student',
  'learner id',
]

// prettier-ignore
export const FIELDS: Record<TabularKind, readonly FieldSpec[]> = {
  people: [
    f('employeeId', 'Employee ID', 'text', EMPLOYEE_ID, { required: true }),
    f('fullName', 'Full name', 'text', ['full name', 'name', 'employee name', 'employee_name', 'worker', 'legal name', 'display name', 'user - user full name']),
    f('email', 'Email', 'email', ['email', 'e-mail', 'email address', 'work email', 'user - user email', 'primary work email']),
    f('managerId', 'Manager ID', 'text', ['manager id', 'managerid', 'manager employee id', 'supervisor id', 'manager number', 'line manager id', 'reports to id', 'worker\'s manager id']),
    // Exports name managers more often than they number them: a header without "id" is a name (a column of names
    // auto-mapped to Manager ID would make every manager dangling).
    f('managerName', 'Manager name', 'text', ['manager', 'manager name', 'managername', 'worker\'s manager', 'workers manager', 'supervisor', 'supervisor name', 'line manager', 'line manager name', 'reports to', 'reports to name', 'direct manager', 'people manager', 'manager full name']),
    f('managerEmail', 'Manager email', 'email', ['manager email', 'manager e-mail', 'manageremail', 'supervisor email', 'supervisor e-mail', 'line manager email', 'manager email address', 'worker\'s manager email', 'reports to email']),
    f('department', 'Department', 'text', ['department', 'dept', 'organization', 'organisation', 'org unit', 'division', 'supervisory organization', 'user - user division']),
    f('location', 'Location', 'text', ['location', 'office', 'site', 'city', 'work location', 'state', 'country', 'region']),
    f('jobTitle', 'Job title', 'text', ['job title', 'title', 'position', 'job role', 'jobrole', 'role', 'business title', 'user - user position']),
    // Text as given ("PT5 - Principal", "IC", "Band C"); its rank is the one number it carries (core/people/jobLevel).
    f('jobLevel', 'Job level', 'text', ['job level', 'joblevel', 'level', 'grade', 'band', 'management level', 'job level - primary position', 'job grade', 'career level', 'pay grade']),
    f('hireDate', 'Hire date', 'date', ['hire date', 'date of hire', 'dateofhire', 'start date', 'original hire date', 'hired', 'user - user hire date']),
    f('employmentStatus', 'Employment status', 'text', ['employment status', 'employmentstatus', 'status', 'worker status', 'active status']),
    f('exitDate', 'Exit date', 'date', ['exit date', 'termination date', 'dateoftermination', 'date of termination', 'departure date', 'departure_date', 'end date']),
    f('costCenter', 'Cost center', 'text', ['cost center', 'cost centre', 'costcenter']),
    f('lastPromotionDate', 'Last promotion date', 'date', ['last promotion date', 'date of last promotion', 'promotion date', 'last promoted', 'lastpromotiondate']),
    f('gender', 'Gender', 'text', ['gender', 'sex'], { sensitive: true }),
    f('birthYear', 'Birth year', 'integer', ['birth year', 'year of birth'], { sensitive: true }),
    f('ageBand', 'Age band', 'text', ['age band', 'age group', 'age range'], { sensitive: true }),
    f('ethnicity', 'Ethnicity', 'text', ['ethnicity', 'race', 'racedesc', 'race desc'], { sensitive: true }),
    f('workPattern', 'Work pattern', 'text', ['work pattern', 'working pattern', 'part time', 'full time / part time', 'fte status'], { sensitive: true }),
  ],
  reviews: [
    f('employeeId', 'Employee ID', 'text', EMPLOYEE_ID, { required: true }),
    f('cycle', 'Review cycle', 'text', ['cycle', 'review cycle', 'review period', 'performance period', 'period', 'year'], { required: true }),
    f('overallRating', 'Overall rating', 'rating', ['overall rating', 'rating', 'performance rating', 'performancerating', 'performance score', 'performancescore', 'overall score', 'final rating', 'performance', 'performance group', 'performance_group'], { required: true }),
    f('ratingScaleMin', 'Rating scale minimum', 'number', ['scale min', 'rating scale min', 'min rating']),
    f('ratingScaleMax', 'Rating scale maximum', 'number', ['scale max', 'rating scale max', 'max rating']),
    f('potentialRating', 'Potential rating', 'rating', ['potential', 'potential rating', 'potential score', 'potential assessment']),
    f('reviewerId', 'Reviewer ID', 'text', ['reviewer id', 'reviewer', 'manager id', 'managerid', 'rated by', 'evaluator id']),
    f('reviewDate', 'Review date', 'date', ['review date', 'lastperformancereview_date', 'last performance review date', 'evaluation date', 'completed on']),
    f('goalAttainment', 'Goal attainment', 'number', ['goal attainment', 'goals achieved', 'goal score', 'objectives met']),
  ],
  competencies: [
    f('employeeId', 'Employee ID', 'text', EMPLOYEE_ID, { required: true }),
    f('cycle', 'Review cycle', 'text', ['cycle', 'review cycle', 'period']),
    f('skill', 'Skill', 'text', ['skill', 'competency', 'competence', 'skill name', 'competency name'], { required: true }),
    f('level', 'Level', 'level', ['level', 'proficiency', 'proficiency level', 'rating', 'score', 'competency rating'], { required: true }),
    f('source', 'Source', 'source', ['source', 'rater type', 'rating source', 'assessment type']),
    f('ratedBy', 'Rated by', 'text', ['rated by', 'rater', 'rater id', 'assessor']),
    f('ratedAt', 'Rated at', 'date', ['rated at', 'rating date', 'assessed on', 'date']),
  ],
  learning: [
    f('employeeId', 'Employee ID', 'text', EMPLOYEE_ID, { oneOf: 'learner' }),
    f('email', 'Email', 'email', ['email', 'e-mail', 'user email', 'user - user email', 'learner email'], { oneOf: 'learner' }),
    f('activityId', 'Activity ID', 'text', ['activity id', 'course id', 'training id', 'lo id', 'learning object id', 'training - training id', 'code_module', 'item id', 'content id'], { required: true }),
    f('activityTitle', 'Activity title', 'text', ['activity title', 'course title', 'course name', 'training title', 'training - training title', 'title', 'content title']),
    f('activityType', 'Activity type', 'activityType', ['activity type', 'type', 'training type', 'training - training type', 'content type', 'learning type']),
    f('provider', 'Provider', 'text', ['provider', 'source system', 'vendor', 'training provider', 'platform']),
    f('status', 'Status', 'status', ['status', 'completion status', 'transcript status', 'user transcript status', 'progress', 'result']),
    f('score', 'Score', 'number', ['score', 'grade', 'result score', 'assessment score', 'percent']),
    f('scoreMin', 'Score minimum', 'number', ['score min', 'min score']),
    f('scoreMax', 'Score maximum', 'number', ['score max', 'max score', 'possible score']),
    f('assignedAt', 'Assigned', 'date', ['assigned', 'assigned date', 'assigned on', 'registration date', 'enrolled on', 'transcript assigned date']),
    f('dueAt', 'Due', 'date', ['due', 'due date', 'transcript due date', 'deadline']),
    f('completedAt', 'Completed', 'date', ['completed', 'completed at', 'completion date', 'completed date', 'date completed', 'transcript completed date', 'finished on']),
    f('durationMinutes', 'Duration (minutes)', 'minutes', ['duration', 'duration minutes', 'time spent', 'minutes', 'training hours', 'hours']),
    f('mandatory', 'Mandatory', 'boolean', ['mandatory', 'required', 'is mandatory', 'compliance']),
    f('validUntil', 'Valid until', 'date', ['valid until', 'expiry', 'expiry date', 'expiration date', 'expires', 'certification expiration date']),
    f('voluntary', 'Voluntary', 'boolean', ['voluntary', 'self assigned', 'self-assigned', 'elective']),
  ],
  surveys: [
    f('employeeId', 'Employee ID', 'text', EMPLOYEE_ID),
    f('activityId', 'Program or activity', 'text', ['program', 'activity id', 'course id', 'program id', 'survey'], { labelText: message('import.field.program') }),
    f('question', 'Question', 'text', ['question', 'item', 'question text'], { required: true }),
    f('score', 'Score', 'number', ['score', 'answer', 'rating', 'response', 'value'], { required: true }),
    f('text', 'Comment', 'text', ['text', 'comment', 'comments', 'free text', 'verbatim']),
    f('answeredAt', 'Answered at', 'date', ['answered at', 'response date', 'submitted', 'date']),
  ],
}

export function fieldsOf(kind: TabularKind): readonly FieldSpec[] {
  return FIELDS[kind]
}

export function fieldSpec(kind: TabularKind, name: string): FieldSpec | undefined {
  return FIELDS[kind].find((field) => field.name === name)
}
