import { z } from 'zod'
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
})
export type CohortComparison = z.output<typeof cohortComparison>

export const insightsMethods = defineMethods('insights')({
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
