import { z } from 'zod'
import { defineMethods } from './define'
import {
  cohortComparison,
  cohortOutcome,
  densityDefinition,
  flightRiskSignals,
  goalMetric,
  goalSource,
  learningGoal,
  personJourney,
  programTrend,
  segmentDimension,
  segmentRef,
  talentDensity,
  teamHeatmap,
} from './insightsViews'

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
    paths: 'dialog-only',
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
