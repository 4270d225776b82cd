/** The purposes a field about a person can be tagged with, and the fields that carry tags (GDPR art. 5(1)(b)). */
export const PURPOSES = ['calibration', 'development', 'fairnessAudit'] as const
export type Purpose = (typeof PURPOSES)[number]

export const PURPOSE_FIELDS = [
  'department',
  'location',
  'jobLevel',
  'manager',
  'gender',
  'age',
  'ethnicity',
  'workPattern',
] as const
export type PurposeField = (typeof PURPOSE_FIELDS)[number]
