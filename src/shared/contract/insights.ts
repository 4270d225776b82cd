import type { MessageKey } from '../i18n/translate'
import { z } from 'zod'
import { messageSchema } from '../i18n/translate'
import { defineMethods } from './define'

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
])
export type CohortOutcome = z.output<typeof cohortOutcome>

const cohortGroup = z.object({
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

const densityCell = z.object({ n: z.number().int(), high: z.number().int(), share: z.number().nullable() })

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

const periodCell = z.object({
  assigned: z.number().int(),
  completed: z.number().int(),
  rate: z.number().nullable(),
})

const segmentRef = z.object({ dimension: segmentDimension, segment: z.string().min(1) }).strict()

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

export const insightsMethods = defineMethods('insights')({
  'insights.goals': {
    summary:
      'The learning-goal map: each goal with its metric, its data sources (present or not) and the value today.',
    input: z.object({}).strict().default({}),
    output: z.array(learningGoal),
  },
  'insights.saveGoal': {
    summary: 'Add or change a row of the learning-goal map.',
    input: z
      .object({
        id: z.number().int().optional(),
        goal: z.string().trim().min(2).max(200),
        metric: goalMetric,
        sources: z.array(goalSource).max(6),
        note: z.string().max(500).nullable().default(null),
      })
      .strict(),
    output: learningGoal,
  },
  'insights.deleteGoal': {
    summary: 'Remove a row of the learning-goal map.',
    input: z.object({ id: z.number().int() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  'insights.export': {
    summary: "An Insights view's numbers as a workbook (the same call as the view), to a path or as bytes.",
    input: z
      .object({
        view: z.enum(['program', 'cohort', 'density', 'flightRisk', 'journey', 'heatmap']),
        /** The view's own input, checked against that view's method. */
        input: z.record(z.string(), z.unknown()),
        path: z.string().min(1).optional(),
        /** The language of the workbook's words (the data stays as it is). */
        locale: z.enum(['en', 'pl']).default('en'),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      path: z.string().nullable(),
      bytes: z.instanceof(Uint8Array).nullable(),
    }),
  },
  'insights.journey': {
    summary:
      "A person's journey on one timeline: learning, certifications with validity, reviews, ratings, calibration and actions.",
    input: z.object({ employeeId: z.string().min(1) }).strict(),
    output: personJourney,
  },
  'insights.managers': {
    summary: 'People with direct reports, for choosing a team heatmap.',
    input: z.object({}).strict().default({}),
    output: z.array(z.object({ employeeId: z.string(), name: z.string(), reports: z.number().int() })),
  },
  'insights.teamHeatmap': {
    summary: "A manager's team × skills: level held against level required, red gap to green strength.",
    input: z
      .object({
        manager: z.string().min(1),
        roleId: z.number().int().optional(),
        targetLevel: z.number().int().min(1).max(5).default(3),
        maxSkills: z.number().int().min(1).max(40).default(10),
      })
      .strict(),
    output: teamHeatmap,
  },
  'insights.assign': {
    summary: 'From the heatmap: assign the learning that closes one gap of one person (an outbox action).',
    input: z
      .object({
        employeeId: z.string().min(1),
        skillId: z.number().int(),
        required: z.number().int().min(1).max(5),
        dueInDays: z.number().int().min(1).max(3650).default(30),
      })
      .strict(),
    output: z.object({
      /** False when the same item is already open for the person (never two open assignments). */
      created: z.boolean(),
      item: z.object({ activityId: z.string(), title: z.string() }),
      dueAt: z.string(),
    }),
  },
  'insights.flightRisk': {
    summary:
      'People whose voluntary learning stopped after a steady pattern: a prompt for a conversation, never a decision.',
    input: z
      .object({
        /** Months with no voluntary completion that make a stop. */
        quietMonths: z.number().int().min(1).max(24).default(3),
        /** Months before the quiet ones in which the steady pattern is looked for. */
        steadyMonths: z.number().int().min(3).max(36).default(12),
        minCompletions: z.number().int().min(2).max(100).default(4),
        minActiveMonths: z.number().int().min(2).max(36).default(3),
      })
      .strict()
      .default({ quietMonths: 3, steadyMonths: 12, minCompletions: 4, minActiveMonths: 3 }),
    output: flightRiskSignals,
  },
  'insights.program': {
    summary:
      "A learning item's reach and completion rate over time, by segment, with where a fall in the rate comes from.",
    input: z
      .object({
        item: z.string().min(1),
        period: z.enum(['month', 'quarter']).default('quarter'),
        segmentBy: segmentDimension.default('department'),
        /** Drill into segments, one per dimension (London, then Sales in London): their trend, segmented by
         * another dimension, and their records. */
        within: z
          .array(segmentRef)
          .max(3)
          .refine((list) => new Set(list.map((s) => s.dimension)).size === list.length, {
            message: 'drill into each dimension once',
          })
          .default([]),
      })
      .strict(),
    output: programTrend,
  },
  'insights.density': {
    summary: 'Talent density: the share of high performers by org unit and review cycle.',
    input: z
      .object({
        by: z.enum(['department', 'location', 'jobLevel']).default('department'),
        definition: densityDefinition.default({ kind: 'rating', min: 4 }),
      })
      .strict(),
    output: talentDensity,
  },
  'insights.items': {
    summary: 'Learning items with how many people completed each, for choosing what to compare.',
    input: z.object({}).strict().default({}),
    output: z.array(
      z.object({
        activityId: z.string(),
        title: z.string(),
        activityType: z.string(),
        completions: z.number().int(),
      }),
    ),
  },
  'insights.cohort': {
    summary:
      'Leading indicator: people who completed a learning item (optionally within their first N months) against those who did not, on a later outcome.',
    input: z
      .object({
        /** The learning item's activity id or its exact title. */
        item: z.string().min(1),
        completedWithinMonthsOfHire: z.number().int().min(1).max(120).optional(),
        outcome: cohortOutcome,
      })
      .strict(),
    output: cohortComparison,
  },
})

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
