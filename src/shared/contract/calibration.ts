import { z } from 'zod'
import { defineMethods } from './define'
import { empty, isoDate } from './common'
import { messageSchema } from '../i18n/translate'
import {
  agilityComponentKey,
  agilityScore,
  axisScore,
  boxNumber,
  flag,
  flagCode,
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

const sessionSummary = z.object({
  sessionId: z.string(),
  name: z.string(),
  cycle: z.string(),
  scope,
  facilitator: z.string(),
  status: sessionStatus,
  people: z.number().int(),
  createdAt: z.string(),
})

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
const moveReason = z
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

const sessionRef = z.object({ sessionId: z.string().min(1) }).strict()

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

export const calibrationMethods = defineMethods('calibration')({
  'calibration.create': {
    summary: 'Start a calibration session for part of the organisation and one review cycle.',
    input: z
      .object({
        name: z.string().trim().min(1).max(120),
        /** Review cycle name; the latest cycle when omitted. */
        cycle: z.string().min(1).optional(),
        scope: scope.default({}),
        facilitator: z.string().trim().min(1).max(120).optional(),
        settings: calibrationSettings.partial().optional(),
        /** Where potential comes from, keeping the workspace's other potential settings (weight, cuts, scale). */
        potentialFrom: potentialFrom.optional(),
        /** The two sources a blend combines (with `potentialFrom: 'blend'`). */
        blendOf: blendPair.optional(),
      })
      .strict(),
    output: z.object({ sessionId: z.string(), people: z.number().int() }),
  },
  'calibration.setPotentialSource': {
    summary:
      'Take potential from another source (agility, manager, assessment, or a blend of two): re-places the session in one logged, undoable step.',
    input: z
      .object({
        sessionId: z.string().min(1),
        source: potentialFrom,
        blendOf: blendPair.optional(),
      })
      .strict(),
    output: z.object({
      step: z.number().int(),
      placed: z.number().int(),
      held: z.number().int(),
    }),
  },
  'calibration.labels': {
    summary: "The workspace's nine-box labels (new sessions start with them).",
    input: empty,
    output: z.record(z.string(), z.string()),
  },
  'calibration.setLabels': {
    summary: "Rename the workspace's nine boxes; logged. Sessions already started keep their labels.",
    input: z
      .object({
        labels: z
          .record(z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9']), z.string().trim().min(1).max(40))
          .refine((l) => Object.keys(l).length === 9, 'give a label for each of the nine boxes'),
      })
      .strict(),
    output: z.record(z.string(), z.string()),
  },
  'calibration.cycles': {
    summary:
      'Review cycles a session can calibrate, newest first, with their scales and how many were rated.',
    input: empty,
    output: z.array(
      z.object({ name: z.string(), scaleMin: z.number(), scaleMax: z.number(), rated: z.number().int() }),
    ),
  },
  'calibration.list': {
    summary: 'Calibration sessions in the workspace, newest first.',
    input: empty,
    output: z.array(sessionSummary),
  },
  'calibration.show': {
    summary: 'The whole session: placements with scores, flags and evidence, the holding area, distribution.',
    input: sessionRef,
    output: calibrationView,
  },
  'calibration.person': {
    summary:
      "One person's place explained: scores with their records, reviews by cycle, learning journey, moves.",
    input: z.object({ sessionId: z.string().min(1), employeeId: z.string().min(1) }).strict(),
    output: personDetail,
  },
  'calibration.log': {
    summary: "The session's log, newest first: moves, undo and redo, flag notes, blind mode, status changes.",
    input: sessionRef,
    output: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        summary: z.string(),
        /** The summary as a message, for the user's language. */
        summaryText: messageSchema.optional(),
        reason: z.string().nullable(),
        /** The reason in the user's language (a move's reason code in words); `reason` stays as stored. */
        reasonText: messageSchema.optional(),
      }),
    ),
  },
  'calibration.move': {
    summary:
      'Move people to a box, with a reason code and words when the code is "other" or the session asks for them; one undoable step. People in the holding area are placed by hand.',
    input: z
      .object({
        sessionId: z.string().min(1),
        employeeIds: z.array(z.string().min(1)).min(1).max(5000),
        box: boxNumber,
        reasonCode: moveReasonCode,
        reason: moveReason,
      })
      .strict(),
    output: z.object({ moved: z.number().int(), step: z.number().int() }),
  },
  'calibration.adoptSandbox': {
    summary:
      'Make the moves tried in a sandbox real: each with its own box and reason, all in one undoable step (a person tried twice goes where they were tried last).',
    input: z
      .object({
        sessionId: z.string().min(1),
        moves: z
          .array(
            z
              .object({
                employeeId: z.string().min(1),
                box: boxNumber,
                reasonCode: moveReasonCode,
                reason: moveReason,
              })
              .strict(),
          )
          .min(1)
          .max(5000),
      })
      .strict(),
    output: z.object({ moved: z.number().int(), step: z.number().int() }),
  },
  'calibration.undo': {
    summary: 'Undo the last move step in the session (logged).',
    input: sessionRef,
    output: z.object({ step: z.number().int().nullable() }),
  },
  'calibration.redo': {
    summary: 'Redo the last undone move step (logged).',
    input: sessionRef,
    output: z.object({ step: z.number().int().nullable() }),
  },
  'calibration.setStatus': {
    summary: 'Go live, finalize (locks the session) or reopen (needs a reason); logged.',
    input: z
      .object({
        sessionId: z.string().min(1),
        status: z.enum(['live', 'finalized', 'reopened']),
        reason: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: z.object({ status: sessionStatus }),
  },
  'calibration.markDiscussed': {
    summary: 'Mark a person as discussed (or not) in the meeting.',
    input: z
      .object({ sessionId: z.string().min(1), employeeId: z.string().min(1), discussed: z.boolean() })
      .strict(),
    output: z.object({ discussed: z.number().int() }),
  },
  'calibration.addNote': {
    summary: 'A private note about a person in the session (hidden in presenter mode); logged.',
    input: z
      .object({
        sessionId: z.string().min(1),
        employeeId: z.string().min(1),
        text: z.string().trim().min(1).max(4000),
      })
      .strict(),
    output: z.object({ notes: z.number().int() }),
  },
  'calibration.updateFlag': {
    summary: 'Acknowledge or resolve a flag with a note; logged.',
    input: z
      .object({
        sessionId: z.string().min(1),
        employeeId: z.string().min(1),
        code: flagCode,
        status: z.enum(['acknowledged', 'resolved']),
        note: z.string().trim().min(3).max(2000),
      })
      .strict(),
    output: z.object({ status: z.enum(['acknowledged', 'resolved']) }),
  },
  'calibration.setBlind': {
    summary: 'Switch blind mode (pseudonyms instead of names) for the session; logged.',
    input: z.object({ sessionId: z.string().min(1), blind: z.boolean() }).strict(),
    output: z.object({ blind: z.boolean() }),
  },
  'calibration.export': {
    paths: 'dialog-only',
    summary: 'The calibration results workbook (or the pre-read), written to a path or returned as bytes.',
    input: z
      .object({
        sessionId: z.string().min(1),
        kind: z.enum(['results', 'pre-read']).default('results'),
        path: z.string().min(1).optional(),
        /** The language of the workbook's sheet names, headers and words (the data stays as recorded). */
        locale: z.enum(['en', 'pl']).default('en'),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      path: z.string().nullable(),
      bytes: z.instanceof(Uint8Array).nullable(),
    }),
  },
  'calibration.exportInto': {
    paths: 'dialog-only',
    summary:
      'A copy of the reviews workbook the session was imported from, with the calibrated ratings, final box and reasons written in (for the HRIS).',
    input: z
      .object({
        sessionId: z.string().min(1),
        /** The reviews workbook on disk (CLI, desktop), or `fileName` + `bytes` (a browser upload). */
        sourcePath: z.string().min(1).optional(),
        fileName: z.string().min(1).max(255).optional(),
        bytes: z.instanceof(Uint8Array).optional(),
        /** Where to write the copy; without it the copy comes back as bytes. */
        path: z.string().min(1).optional(),
        /** The language of the appended columns' headers and words (the file's own stay as they are). */
        locale: z.enum(['en', 'pl']).default('en'),
      })
      .strict()
      .refine((i) => (i.sourcePath === undefined) !== (i.bytes === undefined && i.fileName === undefined), {
        message: 'Give the reviews workbook as sourcePath, or as fileName and bytes.',
      })
      .refine((i) => (i.bytes === undefined) === (i.fileName === undefined), {
        message: 'An uploaded workbook needs both its fileName and its bytes.',
      }),
    output: z.object({
      fileName: z.string(),
      path: z.string().nullable(),
      bytes: z.instanceof(Uint8Array).nullable(),
      sheet: z.string(),
      /** People of the session found in the file, and those of them whose box changed. */
      people: z.number().int(),
      changed: z.number().int(),
    }),
  },
})
