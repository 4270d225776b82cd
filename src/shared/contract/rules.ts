import { z } from 'zod'
import { defineMethods } from './define'
import { empty } from './common'
import { flagCode } from './calibration'
import { messageSchema } from '../i18n/translate'

/** What a rule looks for. Every condition a rule lists must hold (AND). */
export const ruleCondition = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('competencyBelow'),
    skill: z.string().min(1),
    threshold: z.number().int().min(1).max(5),
  }),
  z.object({
    type: z.literal('ratingAtLeast'),
    /** On the 1–5 scale ratings are normalised to. */
    rating: z.number().min(1).max(5),
    minTenureYears: z.number().min(0).default(0),
  }),
  z.object({ type: z.literal('flag'), code: flagCode }),
  z.object({ type: z.literal('certificationExpiring'), withinDays: z.number().int().min(1).max(3650) }),
  z.object({ type: z.literal('inBox'), box: z.number().int().min(1).max(9) }),
])
export type RuleCondition = z.output<typeof ruleCondition>

export const ruleAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('assign'),
    activityId: z.string().min(1),
    dueInDays: z.number().int().min(1).max(3650),
  }),
  z.object({ type: z.literal('recommend'), activityId: z.string().min(1) }),
  z.object({
    type: z.literal('setReadiness'),
    roleId: z.number().int(),
    readiness: z.enum(['ready-now', 'ready-1-2', 'ready-3-plus']),
  }),
  z.object({ type: z.literal('notify'), message: z.string().min(1).max(500) }),
])
export type RuleAction = z.output<typeof ruleAction>

export const ruleDefinition = z
  .object({
    name: z.string().trim().min(1).max(120),
    enabled: z.boolean().default(false),
    conditions: z.array(ruleCondition).min(1).max(10),
    actions: z.array(ruleAction).min(1).max(10),
  })
  .strict()
export type RuleDefinition = z.output<typeof ruleDefinition>

export const rule = ruleDefinition.extend({
  ruleId: z.number().int(),
  template: z.string().nullable(),
  stats: z.object({
    assigned: z.number().int(),
    completed: z.number().int(),
    overdue: z.number().int(),
    open: z.number().int(),
  }),
})

export const outboxAction = z.object({
  actionId: z.number().int(),
  ruleId: z.number().int().nullable(),
  ruleName: z.string().nullable(),
  kind: z.enum(['assign', 'recommend', 'notify']),
  employeeId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  activityId: z.string().nullable(),
  title: z.string().nullable(),
  dueAt: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['open', 'completed', 'cancelled']),
  overdue: z.boolean(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
})
export type OutboxAction = z.output<typeof outboxAction>

export const ruleMatch = z.object({
  employeeId: z.string(),
  name: z.string(),
  why: z.array(z.string()),
  /** The same reasons as messages, for the user's language. */
  whyText: z.array(messageSchema),
})

const applyResult = z.object({
  ruleId: z.number().int(),
  matched: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
  dryRun: z.boolean(),
  matches: z.array(ruleMatch),
})

export const rulesMethods = defineMethods('rules')({
  'rules.list': {
    summary: 'Gap-to-growth rules with how many actions each created, completed and overdue.',
    input: empty,
    output: z.array(rule),
  },
  'rules.save': {
    summary: 'Create a rule (or replace one by id); logged.',
    input: z.object({ ruleId: z.number().int().optional(), rule: ruleDefinition }).strict(),
    output: z.object({ ruleId: z.number().int() }),
  },
  'rules.delete': {
    summary: 'Delete a rule; its actions stay in the outbox.',
    input: z.object({ ruleId: z.number().int() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  'rules.apply': {
    summary:
      'Who a rule matches and why; unless a dry run, writes its actions to the outbox (never a duplicate open assignment).',
    input: z.object({ ruleId: z.number().int(), dryRun: z.boolean().default(false) }).strict(),
    output: applyResult,
  },
  'rules.export': {
    summary: 'All rules as JSON (for another workspace).',
    input: empty,
    output: z.array(ruleDefinition),
  },
  'rules.import': {
    summary: 'Add rules from JSON (as exported); they arrive disabled.',
    input: z.object({ rules: z.array(ruleDefinition).min(1).max(200) }).strict(),
    output: z.object({ imported: z.number().int() }),
  },
})

export const outboxMethods = defineMethods('outbox')({
  'outbox.list': {
    summary: 'Actions in the outbox, newest first, filtered by status and rule.',
    input: z
      .object({
        status: z.enum(['open', 'completed', 'cancelled']).optional(),
        ruleId: z.number().int().optional(),
      })
      .strict()
      .default({}),
    output: z.array(outboxAction),
  },
  'outbox.cancel': {
    summary: 'Cancel open actions; logged.',
    input: z.object({ actionIds: z.array(z.number().int()).min(1) }).strict(),
    output: z.object({ cancelled: z.number().int() }),
  },
  'outbox.export': {
    paths: 'dialog-only',
    summary:
      'Open assignments in a bulk-enrolment layout an LMS admin can upload (csv or xlsx), to a path or as bytes.',
    input: z
      .object({ format: z.enum(['csv', 'xlsx']).default('csv'), path: z.string().min(1).optional() })
      .strict(),
    output: z.object({
      fileName: z.string(),
      path: z.string().nullable(),
      bytes: z.instanceof(Uint8Array).nullable(),
      rows: z.number().int(),
    }),
  },
})
