import { z } from 'zod'
import { messageSchema } from '../i18n/translate'
import { defineMethods } from './define'

/** The attributes the audit groups people by. Only the audit reads them; the grid never shows them. */
export const sensitiveAttribute = z.enum(['gender', 'ageBand', 'workPattern', 'ethnicity', 'location'])
export type SensitiveAttribute = z.output<typeof sensitiveAttribute>

/** What counts as being selected, for the adverse-impact screen. */
export const auditOutcome = z.enum(['top-boxes-before', 'top-boxes-after', 'hidden-gem', 'high-performance'])
export type AuditOutcome = z.output<typeof auditOutcome>

/** A group too small to show: its numbers would identify people, so only "<4" is shown. */
const count = z.number().int().nullable()

export const impactRow = z.object({
  group: z.string(),
  suppressed: z.boolean(),
  /** People in the group who could be selected (null when suppressed). */
  n: count,
  selected: count,
  /** Selected / n. */
  rate: z.number().nullable(),
  /** The group's rate over the highest rate of any shown group: below 0.8 fails the four-fifths rule. */
  ratio: z.number().nullable(),
  belowFourFifths: z.boolean(),
  /** Fisher's exact test, two-sided, of this group against everyone else: small means unlikely to be chance. */
  pValue: z.number().nullable(),
  /** Under 30 people: a ratio can swing on one person, so read the p-value. */
  small: z.boolean(),
})
export type ImpactRow = z.output<typeof impactRow>

export const impactScreen = z.object({
  attribute: sensitiveAttribute,
  outcome: auditOutcome,
  label: z.string(),
  rows: z.array(impactRow),
  /** The shown group with the highest rate, that every ratio is taken against. */
  reference: z.string().nullable(),
  /** The screen's finding in English (CLI, workbook); `findingText` is the same for the reader's language. */
  finding: z.string(),
  findingText: messageSchema,
})
export type ImpactScreen = z.output<typeof impactScreen>

export const auditDistributionRow = z.object({
  attribute: sensitiveAttribute,
  group: z.string(),
  suppressed: z.boolean(),
  n: count,
  /** People per box 1–9 as the data placed them (before) and after the meeting's moves; index 0 is box 1. */
  before: z.array(z.number().int()).nullable(),
  after: z.array(z.number().int()).nullable(),
  /** In the holding area (too new, not rated, insufficient evidence). */
  held: count,
  meanRating: z.number().nullable(),
  meanAgility: z.number().nullable(),
  hiddenGems: count,
  /** Flags per code. */
  flags: z.record(z.string(), z.number().int()).nullable(),
})
export type AuditDistributionRow = z.output<typeof auditDistributionRow>

export const metricKey = z.enum(['rating', 'agility', 'skillGrowth', 'assessment', 'breadth', 'stretch'])
export type AuditMetricKey = z.output<typeof metricKey>

export const metricAuditRow = z.object({
  attribute: sensitiveAttribute,
  metric: metricKey,
  label: z.string(),
  /** Mean of the metric per shown group (ratings 1–5, agility 0–100, components as percentile ranks 0–1). */
  groups: z.array(z.object({ group: z.string(), n: z.number().int(), mean: z.number() })),
  /** Share of the metric's variance the attribute explains (correlation ratio η²), 0–1. */
  eta2: z.number().nullable(),
  /** For an attribute with two shown groups: the point-biserial correlation (second group minus first). */
  correlation: z.number().nullable(),
  strength: z.enum(['none', 'small', 'medium', 'large']),
  /** This component accounts for the agility index's disparity on this attribute. */
  drives: z.boolean(),
  /** In English; `warningText` is the same for the reader's language. */
  warning: z.string().nullable(),
  warningText: messageSchema.nullable(),
})
export type MetricAuditRow = z.output<typeof metricAuditRow>

export const fairnessAudit = z.object({
  sessionId: z.string(),
  sessionName: z.string(),
  cycle: z.string(),
  asOf: z.string(),
  people: z.number().int(),
  topBoxes: z.array(z.number().int()),
  /** Each attribute present in the workspace, with how many of the session's people have it recorded. */
  attributes: z.array(
    z.object({ attribute: sensitiveAttribute, label: z.string(), recorded: z.number().int() }),
  ),
  /** Attributes left out because their field is not tagged for the fairness audit (Workspace ▸ Field purposes). */
  notUsed: z.array(z.object({ attribute: sensitiveAttribute, label: z.string() })),
  impact: z.array(impactScreen),
  distribution: z.array(auditDistributionRow),
  metrics: z.array(metricAuditRow),
  /** The findings that need a look, in words, most serious first. */
  warnings: z.array(z.string()),
  /** The same findings as messages, for the reader's language. */
  findings: z.array(messageSchema),
  /** How each number is computed, for the reader of the export. */
  method: z.array(z.string()),
  methodText: z.array(messageSchema),
})
export type FairnessAudit = z.output<typeof fairnessAudit>

const auditInput = z
  .object({
    sessionId: z.string().min(1),
    /** Boxes that count as "top" for the adverse-impact screen (default 6, 8 and 9). */
    topBoxes: z.array(z.number().int().min(1).max(9)).min(1).optional(),
  })
  .strict()

export const fairnessMethods = defineMethods('fairness')({
  'fairness.audit': {
    summary:
      "A calibration session's fairness audit: outcomes, boxes, flags and every calibration metric by sensitive attribute.",
    input: auditInput,
    output: fairnessAudit,
  },
  'fairness.export': {
    paths: 'dialog-only',
    summary: 'The fairness audit as a workbook for the works council, to a path or as bytes.',
    input: auditInput
      .extend({
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
})
