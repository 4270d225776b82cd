import { z } from 'zod'
import { PURPOSE_FIELDS, PURPOSES } from '../fieldPurposes'
import { calibrationSettings } from './calibration'
import { defineMethods } from './define'

/**
 * Every setting of a workspace in one document: what a central HR team hands to every HR business partner as a
 * file, so each workspace calibrates with the same scales, cut points, weights and labels.
 */
export const calibrationDefaults = calibrationSettings.omit({ asOf: true, labels: true })
export type CalibrationDefaults = z.output<typeof calibrationDefaults>

const boxNumber = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9'])

export const workspaceSettings = z
  .object({
    format: z.literal('ninefold-settings'),
    version: z.literal(1),
    /** What new calibration sessions start with (a session can still be given its own). */
    calibration: calibrationDefaults,
    labels: z
      .record(boxNumber, z.string().trim().min(1).max(40))
      .refine((l) => Object.keys(l).length === 9, 'give a label for each of the nine boxes'),
    idleLockMinutes: z.number().int().min(1).max(240),
    backupsKept: z.number().int().min(1).max(100),
    fieldPurposes: z.record(z.enum(PURPOSE_FIELDS), z.array(z.enum(PURPOSES))),
  })
  .strict()
export type WorkspaceSettings = z.output<typeof workspaceSettings>

export const settingsMethods = defineMethods('settings')({
  'settings.get': {
    summary: 'All of the workspace’s settings, as one document (the same shape as the settings file).',
    input: z.object({}).strict().default({}),
    output: workspaceSettings,
  },
  'settings.apply': {
    summary:
      'Apply a whole settings document (edited here, or imported from a file): checked whole first, then applied in one step; logged.',
    input: z.object({ settings: z.unknown(), reason: z.string().trim().min(3).max(2000) }).strict(),
    output: workspaceSettings,
  },
  'settings.export': {
    paths: 'dialog-only',
    summary: 'The settings as a file (JSON) to hand to other workspaces, to a path or as bytes.',
    input: z.object({ path: z.string().min(1).optional() }).strict(),
    output: z.object({
      fileName: z.string(),
      path: z.string().nullable(),
      bytes: z.instanceof(Uint8Array).nullable(),
    }),
  },
})
