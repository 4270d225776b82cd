/**
 * The calibration contract's shapes: a session's settings, scope and view, a person's detail, move reasons (the
 * methods that carry them are in calibration.ts).
 */
import { z } from 'zod'
import { isoDate } from './common'
import {
  agilityComponentKey,
  agilityScore,
  axisScore,
  boxNumber,
  flag,
  flagContext,
  heldPerson,
  holdingGroup,
  placement,
  potentialSourceKey,
  raterFinding,
} from './calibrationScores'

export * from './calibrationScores'

/** Two different potential sources, the first weighted by `agilityWeight` in a blend. */
export const blendPair = z
  .tuple([potentialSourceKey, potentialSourceKey])
  .refine(([a, b]) => a !== b, 'blend two different sources')

export const calibrationSettings = z
  .object({
    asOf: isoDate,
    /** Normalised to 1–5: at or below lowMax is low, at or above highMin is high. */
    performanceCuts: z
      .object({ lowMax: z.number(), highMin: z.number() })
      .refine((c) => c.highMin > c.lowMax, 'highMin must exceed lowMax'),
    potential: z.object({
      source: z.enum(['agility', 'manager', 'blend', 'assessment']),
      /**
       * Share of the first blended source in a blend (the agility index unless `blendOf` says otherwise); the second
       * has the rest.
       */
      agilityWeight: z.number().min(0).max(1),
      /** The two sources a blend combines; agility and the manager's rating when absent (sessions made before). */
      blendOf: blendPair.optional(),
      cuts: z.object({
        mode: z.enum(['percentile', 'fixed']),
        /** Below `low` is low; at or above `high` is high (percentiles or 0–100 values). */
        low: z.number().min(0).max(100),
        high: z.number().min(0).max(100),
      }),
      managerScale: z.object({ min: z.number(), max: z.number() }),
    }),
    agilityWeights: z.record(agilityComponentKey, z.number().min(0)),
    minTenureMonths: z.number().int().min(0),
    raterZ: z.number().positive(),
    raterMinRated: z.number().int().min(2),
    staleEvidenceMonths: z.number().int().positive(),
    hiddenGemTopShare: z.number().gt(0).lt(1),
    /** Target share (%) per box "1".."9". */
    targets: z.record(z.string(), z.number().min(0)),
    enforceTargets: z.boolean(),
    /** Every move needs words as well as a reason code (by default only the code "other" does). */
    requireMoveText: z.boolean().optional(),
    labels: z.record(z.string(), z.string()),
  })
  .strict()
export type CalibrationSettings = z.output<typeof calibrationSettings>

export const potentialFrom = z.enum(['agility', 'manager', 'blend', 'assessment'])

export const sessionStatus = z.enum(['draft', 'live', 'finalized', 'reopened'])
export const scope = z
  .object({
    manager: z.string().min(1).optional(),
    department: z.string().min(1).optional(),
    location: z.string().min(1).optional(),
    /** A job level as shown ("PT5 - Principal", "IC"); a number is the level shown as that number. */
    jobLevel: z.union([z.number().int(), z.string().min(1).max(200)]).optional(),
  })
  .strict()
export type CalibrationScope = z.output<typeof scope>

export const sessionSummary = z.object({
  sessionId: z.string(),
  name: z.string(),
  cycle: z.string(),
  scope,
  facilitator: z.string(),
  status: sessionStatus,
  people: z.number().int(),
  createdAt: z.string(),
})

/** A session linked to another by a roll-up (a child of a parent, or a parent of a child). */
export const linkedSession = z.object({ sessionId: z.string(), name: z.string(), status: sessionStatus })

export const distributionRow = z.object({
  box: boxNumber,
  label: z.string(),
  computed: z.number().int(),
  actual: z.number().int(),
  targetPercent: z.number(),
  targetCount: z.number().int(),
  deviation: z.enum(['over', 'under', 'on-target']),
})

/**
 * Who is who around the session's people, for the crowded-box table and the org filter: job titles, and every
 * manager of a member up the reporting chain (members or not) with their name. Blind mode leaves titles out and names
 * a manager by their session pseudonym when they are a member, or not at all.
 */
export const sessionOrg = z.object({
  /** Employee ID → job title, for members that have one. */
  titles: z.record(z.string(), z.string()),
  managers: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string().nullable(),
      managerId: z.string().nullable(),
      /** How many members report to them, directly or through others. */
      members: z.number().int(),
      /** They are in the session too, so their team as the grid draws it is `members` and them (absent before). */
      inSession: z.boolean().optional(),
    }),
  ),
})
export type SessionOrg = z.output<typeof sessionOrg>

/** One import of managers' proposals: where they came from, when, and how many. */
export const proposalBatch = z.object({
  step: z.number().int(),
  source: z.enum(['workbook', 'ratings']),
  /** The workbook's file name; null when taken from the cycle's ratings. */
  file: z.string().nullable(),
  proposals: z.number().int(),
  actor: z.string(),
  at: z.string(),
})
export type ProposalBatch = z.output<typeof proposalBatch>

export const calibrationView = sessionSummary.extend({
  settings: calibrationSettings,
  blind: z.boolean(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  placements: z.array(placement),
  holding: z.array(heldPerson),
  distribution: z.array(distributionRow),
  distributionRule: z.string(),
  raters: z.array(raterFinding),
  flagContext,
  discussed: z.number().int(),
  /** The holding area grouped by reason, with what resolves each group (absent from snapshots made before). */
  holdingTodo: z.array(holdingGroup).optional(),
  /** Titles and the reporting chain (absent from snapshots made before). */
  org: sessionOrg.optional(),
  /** The cycle before the session's (as cycles are ordered newest first); null when there is none. */
  previousCycle: z.string().nullable().optional(),
  /** The finalized sessions of the previous cycle that previous boxes were taken from, latest first. */
  previousSessions: z
    .array(z.object({ sessionId: z.string(), name: z.string(), finalizedAt: z.string().nullable() }))
    .optional(),
  /** A roll-up's children: the finalized sessions it calibrates together (empty or absent for other sessions). */
  rollupOf: z.array(linkedSession).optional(),
  /** The roll-ups over this session that are not finalized yet: while there is one, this session is locked. */
  rollupIn: z.array(linkedSession).optional(),
  /** The managers' proposals in force (the newest import not undone); null when none, absent when not said. */
  proposals: proposalBatch.nullable().optional(),
})
export type CalibrationView = z.output<typeof calibrationView>

export const moveReasonCode = z.enum([
  'evidence-not-in-system',
  'rating-inflated',
  'rating-deflated',
  'scope-of-role',
  'recent-change',
  'calibration-consensus',
  'other',
])
export type MoveReasonCode = z.output<typeof moveReasonCode>

/** A move's words: optional unless `moveNeedsText` (then at least a few); empty when the code says it all. */
export const moveReason = z
  .string()
  .trim()
  .max(2000)
  .refine((r) => r.length === 0 || r.length >= 3, 'say why (at least a few words)')
  .default('')

/** A reason code is enough for a move, unless it is "other" (which says nothing) or the session asks for words. */
export const moveNeedsText = (
  reasonCode: MoveReasonCode,
  settings: Pick<CalibrationSettings, 'requireMoveText'>,
): boolean => reasonCode === 'other' || settings.requireMoveText === true

export const sessionRef = z.object({ sessionId: z.string().min(1) }).strict()

/** Everything behind one person's place on the grid, for the side panel. */
export const personDetail = z.object({
  placement,
  /** The placement's flags with the records behind each. */
  flags: z.array(flag),
  /** Who the person is at a glance (absent from older services). */
  profile: z
    .object({
      jobTitle: z.string().nullable(),
      /** The job level as shown ("PT5 - Principal", "3"). */
      jobLevel: z.string().nullable(),
      hireDate: z.string().nullable(),
      /** Whole months from the hire date to the session's as-of date. */
      tenureMonths: z.number().int().nullable(),
      managerName: z.string().nullable(),
    })
    .optional(),
  performance: axisScore,
  potential: axisScore,
  agility: agilityScore,
  reviews: z.array(
    z.object({
      cycle: z.string(),
      overallRating: z.number(),
      potentialRating: z.number().nullable(),
      scale: z.string(),
      reviewerId: z.string().nullable(),
      /** The reviewer by name (their ID when the workspace has no name); null in blind mode. */
      reviewerName: z.string().nullable().optional(),
      reviewDate: z.string().nullable(),
    }),
  ),
  competencies: z.array(
    z.object({
      skill: z.string(),
      level: z.number(),
      source: z.string(),
      cycle: z.string().nullable(),
      ratedAt: z.string().nullable(),
    }),
  ),
  learning: z.array(
    z.object({
      title: z.string(),
      activityType: z.string(),
      mandatory: z.boolean(),
      status: z.string(),
      score: z.number().nullable(),
      scoreMax: z.number().nullable(),
      dueAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      validUntil: z.string().nullable(),
      /** overdue: open past its due date; expired: a credential past its validity (both as of the session date). */
      state: z.enum(['done', 'failed', 'overdue', 'open', 'expired']),
    }),
  ),
  notes: z.array(z.object({ text: z.string(), actor: z.string(), at: z.string() })),
  moves: z.array(
    z.object({
      step: z.number().int(),
      /** Null when the person was placed by hand from the holding area. */
      fromBox: boxNumber.nullable(),
      toBox: boxNumber,
      reasonCode: z.string(),
      reason: z.string(),
      actor: z.string(),
      at: z.string(),
      state: z.enum(['active', 'undone', 'discarded']),
    }),
  ),
})
export type PersonDetail = z.output<typeof personDetail>
