import { z } from 'zod'
import type { MessageKey } from '../i18n/translate'
import { messageSchema } from '../i18n/translate'

/* The Insights views as they cross the contract: each chart's numbers with the records and messages behind them. */

export const cohortOutcome = z.discriminatedUnion('kind', [
  /** The latest rating of a skill by others within N months after completing (1–5). */
  z
    .object({
      kind: z.literal('skill-rating'),
      skill: z.string().min(1),
      withinMonths: z.number().int().min(1).max(36).default(6),
    })
    .strict(),
  /** The overall rating in the first review cycle that ends after completing (normalised to 1–5). */
  z.object({ kind: z.literal('next-rating') }).strict(),
  /** Still employed N months after completing. */
  z.object({ kind: z.literal('retained'), months: z.number().int().min(1).max(60).default(12) }).strict(),
  /** Promoted (a recorded rise in job level) within N months after completing. */
  z.object({ kind: z.literal('promoted'), months: z.number().int().min(1).max(60).default(12) }).strict(),
])
export type CohortOutcome = z.output<typeof cohortOutcome>

export const cohortGroup = z.object({
  label: z.string(),
  labelText: messageSchema,
  n: z.number().int(),
  /** Mean outcome (a level or rating), or the share retained (0–1). */
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  /** People whose outcome could not be measured (no rating in the window, window not over yet). */
  unmeasured: z.number().int(),
  /** Who is in the group, with the date their window starts and their outcome: the records behind the mean. */
  sample: z.array(z.object({ employeeId: z.string(), from: z.string(), value: z.number() })),
})

export const cohortComparison = z.object({
  question: z.string(),
  item: z.object({ activityId: z.string(), title: z.string() }),
  unit: z.enum(['level', 'rating', 'share']),
  completed: cohortGroup,
  notCompleted: cohortGroup,
  /** Completed minus not completed, with its 95% confidence interval. */
  difference: z
    .object({ estimate: z.number(), low: z.number(), high: z.number(), method: z.string() })
    .nullable(),
  answer: z.string(),
  /** Always said: a comparison of groups shows a correlation, not what the learning caused. */
  caveat: z.string(),
  method: z.array(z.string()),
  /** The sentences above as messages, for the user's language (the strings are their English). */
  text: z.object({
    question: messageSchema,
    answer: messageSchema,
    caveat: messageSchema,
    method: z.array(messageSchema),
  }),
})
export type CohortComparison = z.output<typeof cohortComparison>

export const densityDefinition = z.discriminatedUnion('kind', [
  /** High performer: a normalised rating (1–5) at or above `min`. */
  z.object({ kind: z.literal('rating'), min: z.number().min(1).max(5).default(4) }).strict(),
  /** High performer: placed in one of these boxes by the cycle's latest finalized calibration session. */
  z
    .object({
      kind: z.literal('boxes'),
      boxes: z.array(z.number().int().min(1).max(9)).min(1).default([6, 8, 9]),
    })
    .strict(),
])

export const densityCell = z.object({
  n: z.number().int(),
  high: z.number().int(),
  share: z.number().nullable(),
})

export const talentDensity = z.object({
  definition: z.string(),
  definitionText: messageSchema,
  /** The org field the units are values of. */
  by: z.enum(['department', 'location', 'jobLevel']),
  unitLabel: z.string(),
  cycles: z.array(
    z.object({
      cycle: z.string(),
      /** Where the boxes came from (boxes definition), or null. */
      source: z.string().nullable(),
      sourceText: messageSchema.nullable(),
      total: densityCell,
    }),
  ),
  units: z.array(z.object({ unit: z.string(), cells: z.array(densityCell) })),
})
export type TalentDensity = z.output<typeof talentDensity>

export const segmentDimension = z.enum(['department', 'location', 'jobLevel', 'manager'])
export type SegmentDimension = z.output<typeof segmentDimension>

export const periodCell = z.object({
  assigned: z.number().int(),
  completed: z.number().int(),
  rate: z.number().nullable(),
})

export const segmentRef = z.object({ dimension: segmentDimension, segment: z.string().min(1) }).strict()

export const programTrend = z.object({
  item: z.object({ activityId: z.string(), title: z.string() }),
  /** The segments drilled into, outermost first (every number below counts their people only); empty for everyone. */
  within: z.array(segmentRef),
  /** People with any record of the item. */
  reach: z.number().int(),
  period: z.enum(['month', 'quarter']),
  /** Records by the period they were assigned in (else due, else completed): how many, and the share completed. */
  periods: z.array(periodCell.extend({ period: z.string() })),
  segmentBy: segmentDimension,
  segments: z.array(z.object({ segment: z.string(), cells: z.array(periodCell) })),
  /** The last period against the one before, when the completion rate fell: where the fall comes from. */
  drop: z
    .object({
      from: z.string(),
      to: z.string(),
      before: z.number(),
      after: z.number(),
      finding: z.string(),
      findingText: messageSchema,
      segments: z.array(
        z.object({
          dimension: segmentDimension,
          segment: z.string(),
          rateBefore: z.number().nullable(),
          rateAfter: z.number().nullable(),
          before: z.object({ n: z.number().int(), hits: z.number().int() }),
          after: z.object({ n: z.number().int(), hits: z.number().int() }),
          shareOfChange: z.number().nullable(),
          /** The segment's share of the records in the later period: a fall spread evenly follows this. */
          shareOfPeople: z.number(),
        }),
      ),
    })
    .nullable(),
  /** Reaction surveys about the item (from the segment's people, when drilled in): mean score per question. */
  survey: z.array(z.object({ question: z.string(), n: z.number().int(), mean: z.number() })),
  /** Drilled in: the segment's records of the last two periods, the ones behind the latest change. */
  records: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string(),
      period: z.string(),
      status: z.string(),
      assignedAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      completedAt: z.string().nullable(),
    }),
  ),
  /** How many such records there are (the list stops at 500). */
  recordsTotal: z.number().int(),
})
export type ProgramTrend = z.output<typeof programTrend>

export const flightRiskSignals = z.object({
  asOf: z.string(),
  /** The rule, in words, with this run's settings. */
  rule: z.string(),
  ruleText: messageSchema,
  /** Always shown with the list: what a signal is, and what it is not. */
  note: z.string(),
  noteText: messageSchema,
  people: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string(),
      department: z.string().nullable(),
      manager: z.string().nullable(),
      /** Voluntary completions in the steady window, and in how many distinct months. */
      completions: z.number().int(),
      activeMonths: z.number().int(),
      lastCompletion: z.string(),
      daysSince: z.number().int(),
      /** The voluntary completions behind the signal, newest first. */
      evidence: z.array(z.object({ title: z.string(), completedAt: z.string() })),
    }),
  ),
})
export type FlightRiskSignals = z.output<typeof flightRiskSignals>

export const teamHeatmap = z.object({
  manager: z.object({ employeeId: z.string(), name: z.string() }),
  /** Where the required levels come from: a critical role's requirements, or one target level for every skill. */
  requirement: z.string(),
  requirementText: messageSchema,
  people: z.array(z.object({ employeeId: z.string(), name: z.string(), jobTitle: z.string().nullable() })),
  skills: z.array(
    z.object({
      skillId: z.number().int(),
      name: z.string(),
      required: z.number().int(),
      /** The learning item that evidences the required level (else the closest mapped), which "assign" hands out. */
      closedBy: z.object({ activityId: z.string(), title: z.string(), level: z.number().int() }).nullable(),
    }),
  ),
  /** cells[person][skill]: the level held and where it comes from (null: no evidence), and held − required. */
  cells: z.array(
    z.array(
      z.object({ level: z.number().nullable(), basis: z.string().nullable(), gap: z.number().nullable() }),
    ),
  ),
})
export type TeamHeatmap = z.output<typeof teamHeatmap>

export const journeyEventKind = z.enum([
  'learning',
  'certification',
  'review',
  'rating',
  'promotion',
  'placement',
  'move',
  'action',
])

export const personJourney = z.object({
  person: z.object({
    employeeId: z.string(),
    name: z.string(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
    hireDate: z.string().nullable(),
  }),
  /** Everything dated about the person, oldest first: each event names the record it comes from. */
  events: z.array(
    z.object({
      date: z.string(),
      kind: journeyEventKind,
      title: z.string(),
      detail: z.string(),
      /** Title and detail as messages, for the user's language. */
      titleText: messageSchema,
      detailText: messageSchema,
      /** For learning: completed, failed, overdue, open, expired or valid (certifications). */
      state: z.string().nullable(),
    }),
  ),
})
export type PersonJourney = z.output<typeof personJourney>

export const goalSource = z.enum(['lms', 'hris', 'performance', 'competencies', 'surveys', 'xapi'])
export const goalMetric = z.enum([
  'time-to-proficiency',
  'retention-90-days',
  'completion-rate',
  'mandatory-compliance',
  'high-performer-share',
  'survey-satisfaction',
  'other',
])

export const learningGoal = z.object({
  id: z.number().int(),
  goal: z.string(),
  metric: goalMetric,
  sources: z.array(goalSource),
  note: z.string().nullable(),
  /** Which of the goal's sources have data in this workspace. */
  present: z.array(goalSource),
  /** The metric's value today where it can be computed from the workspace, with how. */
  value: z.string().nullable(),
  basis: z.string(),
  valueText: messageSchema.nullable(),
  basisText: messageSchema,
})
export type LearningGoal = z.output<typeof learningGoal>

/** The states a journey event can be in; the catalogue has a word for each (insights.journey.state.*). */
export const JOURNEY_STATES: readonly string[] = [
  'completed',
  'failed',
  'overdue',
  'open',
  'expired',
  'valid',
  'live',
  'finalized',
  'reopened',
  'cancelled',
]

/**
 * The segments the services make up for a missing field, with the catalogue key of their words; a real department,
 * location or manager is shown as it is.
 */
export const SEGMENT_PLACEHOLDERS = {
  '(no department)': 'insights.segment.noDepartment',
  '(no location)': 'insights.segment.noLocation',
  '(no level)': 'insights.segment.noLevel',
  '(no manager)': 'insights.segment.noManager',
  '(left since)': 'insights.segment.leftSince',
} as const satisfies Record<string, MessageKey>
