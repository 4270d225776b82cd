import { z } from 'zod'
import { defineMethods } from './define'
import { empty } from './common'
import { messageSchema } from '../i18n/translate'
import { boxNumber, flagCode } from './calibrationScores'
import {
  blendPair,
  calibrationSettings,
  calibrationView,
  moveReason,
  moveReasonCode,
  personDetail,
  potentialFrom,
  scope,
  sessionRef,
  sessionStatus,
  sessionSummary,
} from './calibrationView'

export * from './calibrationView'

/** A row of a proposals workbook that cannot be taken: where it is, what it holds, and why. */
export const proposalProblem = z.object({
  file: z.string(),
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  value: z.string().nullable(),
  code: z.string(),
  /** In English, for the CLI and logs. */
  message: z.string(),
  /** The same problem as a message, for the user's language. */
  text: messageSchema,
})

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
        /**
         * A roll-up: the finalized sessions whose final boxes it starts from (instead of a scope); its members are
         * everyone they placed, and its cycle is theirs.
         */
        from: z.array(z.string().min(1)).min(1).max(200).optional(),
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
  'calibration.importProposals': {
    paths: 'staged',
    summary:
      "Managers' proposals for the session: a pre-read workbook filled in and sent back, or the cycle's own ratings. All or nothing, problems named by file, sheet, row and column; replaces the proposals before in one undoable step.",
    input: z
      .object({
        sessionId: z.string().min(1),
        from: z.enum(['workbook', 'ratings']).default('workbook'),
        /** The workbook (a staged upload over HTTP); not given when taking the cycle's ratings. */
        path: z.string().min(1).optional(),
        /** The workbook's name as the person knows it (an upload's own name; the path's last part otherwise). */
        fileName: z.string().min(1).max(255).optional(),
      })
      .strict()
      .refine((i) => (i.from === 'workbook') === (i.path !== undefined), {
        message: "Give the workbook as path (from: workbook), or no path to take the cycle's ratings.",
      }),
    output: z.object({
      stored: z.boolean(),
      /** Proposals now in force (0 when nothing was stored). */
      proposals: z.number().int(),
      /** Proposals of the import before that this one replaced. */
      replaced: z.number().int(),
      /** The step of the session's history (undo takes the import back); null when nothing was stored. */
      step: z.number().int().nullable(),
      errors: z.array(proposalProblem),
    }),
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
