/**
 * What calibration reads about each person, as plain records with their store ids, so every number it produces
 * can point back to the rows behind it.
 */
export interface ReviewRecord {
  id: number
  cycleId: number
  cycleName: string
  overallRating: number
  potentialRating: number | null
  scaleMin: number
  scaleMax: number
  reviewerId: string | null
  reviewDate: string | null
}

export interface CompetencyRecord {
  id: number
  skill: string
  level: number
  source: 'self' | 'manager' | '360' | 'assessment'
  cycleName: string | null
  ratedAt: string | null
}

export interface LearningRecord {
  id: number
  activityId: string
  title: string
  activityType: 'course' | 'certification' | 'assessment' | 'program' | 'informal'
  mandatory: boolean
  status: 'enrolled' | 'in_progress' | 'completed' | 'passed' | 'failed' | 'waived' | 'withdrawn' | 'no_show'
  score: number | null
  scoreMin: number | null
  scoreMax: number | null
  assignedAt: string | null
  dueAt: string | null
  completedAt: string | null
  validUntil: string | null
}

export interface CalibrationPerson {
  personId: number
  employeeId: string
  fullName: string | null
  managerId: string | null
  department: string | null
  location: string | null
  jobLevel: number | null
  /** Absent where a caller does not load it (tests, older fixtures). */
  jobTitle?: string | null
  hireDate: string | null
  reviews: ReviewRecord[]
  competencies: CompetencyRecord[]
  learning: LearningRecord[]
}

export interface CycleInfo {
  id: number
  name: string
  startsOn: string | null
  endsOn: string | null
  scaleMin: number
  scaleMax: number
}

/** A stored manual move, as the grid replays it over the computed placement. */
export interface AppliedMove {
  employeeId: string
  toBox: number
  step: number
  reasonCode: string
  reason: string
  actor: string
  at: string
}

export interface FlagState {
  employeeId: string
  code: string
  status: 'acknowledged' | 'resolved'
  note: string
}
