import { z } from 'zod'
import { defineMethods } from './define'
import { empty } from './common'
import { messageSchema } from '../i18n/translate'

export const readiness = z.enum(['ready-now', 'ready-1-2', 'ready-3-plus'])
export type ReadinessLevel = z.output<typeof readiness>
const rating = z.enum(['low', 'medium', 'high'])

export const criticalRole = z.object({
  roleId: z.number().int(),
  title: z.string(),
  incumbent: z.string().nullable(),
  incumbentName: z.string().nullable(),
  risk: rating,
  impact: rating,
  requirements: z.array(
    z.object({ skillId: z.number().int(), skill: z.string(), minLevel: z.number().int() }),
  ),
  bench: z.object({ readyNow: z.number().int(), readySoon: z.number().int(), later: z.number().int() }),
})
export type CriticalRole = z.output<typeof criticalRole>

export const candidate = z.object({
  employeeId: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
  fitPercent: z.number(),
  readiness,
  computedReadiness: readiness,
  readinessReason: z.string(),
  /** The same reason as a message, for the user's language. */
  readinessReasonText: messageSchema.optional(),
  override: z.object({ reason: z.string(), actor: z.string(), at: z.string() }).nullable(),
  box: z.number().int().nullable(),
  boxLabel: z.string().nullable(),
  gaps: z.array(
    z.object({
      skill: z.string(),
      needed: z.number().int(),
      held: z.number().int(),
      /** Where the held level comes from (the record), or null when the person has no evidence for the skill. */
      basis: z.string().nullable(),
      basisText: messageSchema.nullable().optional(),
      /** Learning items mapped to the skill at the needed level or above: what would close the gap. */
      closedBy: z.array(z.object({ activityId: z.string(), title: z.string(), level: z.number().int() })),
    }),
  ),
  flags: z.array(z.string()),
})
export type Candidate = z.output<typeof candidate>

export const successionMethods = defineMethods('succession')({
  'succession.skills': {
    summary: 'The skills ontology: active skills with their aliases and categories.',
    input: empty,
    output: z.array(
      z.object({
        skillId: z.number().int(),
        name: z.string(),
        aliases: z.array(z.string()),
        category: z.string().nullable(),
        status: z.enum(['active', 'retired']),
      }),
    ),
  },
  'succession.roles': {
    summary: 'Critical roles with their required skills and bench strength.',
    input: empty,
    output: z.array(criticalRole),
  },
  'succession.createRole': {
    summary:
      'Add a critical role: title, incumbent, risk and impact of loss, required skills with minimum levels.',
    input: z
      .object({
        title: z.string().trim().min(1).max(120),
        incumbent: z.string().trim().min(1).optional(),
        risk: rating,
        impact: rating,
        requirements: z
          .array(
            z.object({ skill: z.string().trim().min(1), minLevel: z.number().int().min(1).max(5) }).strict(),
          )
          .min(1, 'a critical role needs at least one required skill')
          .max(20),
      })
      .strict(),
    output: z.object({ roleId: z.number().int() }),
  },
  'succession.deleteRole': {
    summary: 'Remove a critical role (logged).',
    input: z.object({ roleId: z.number().int() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  'succession.candidates': {
    summary:
      'People ranked by fit for a role: readiness, gaps with the learning that closes them, 9-box position.',
    input: z
      .object({ roleId: z.number().int(), limit: z.number().int().min(1).max(200).default(10) })
      .strict(),
    output: z.array(candidate),
  },
  'succession.setReadiness': {
    summary: "Override a candidate's readiness for a role; needs a reason, logged.",
    input: z
      .object({
        roleId: z.number().int(),
        employeeId: z.string().min(1),
        readiness,
        reason: z.string().trim().min(3, 'say why').max(2000),
      })
      .strict(),
    output: z.object({ readiness }),
  },
  'succession.closeGaps': {
    summary:
      'Assign each candidate the learning that closes each of their gaps for a role (through the outbox).',
    input: z
      .object({
        roleId: z.number().int(),
        employeeIds: z.array(z.string().min(1)).min(1).max(500),
        dueInDays: z.number().int().min(1).max(3650).default(90),
      })
      .strict(),
    output: z.object({
      created: z.number().int(),
      alreadyOpen: z.number().int(),
      noLearning: z.array(z.string()),
      /** Ids that are not candidates for the role (the incumbent, or not in the workspace). */
      notCandidates: z.array(z.string()),
    }),
  },
  'succession.pools': {
    summary: 'Talent pools: named groups of people (e.g. from box 9 or the hidden gems), with their members.',
    input: empty,
    output: z.array(
      z.object({
        poolId: z.number().int(),
        name: z.string(),
        note: z.string().nullable(),
        members: z.array(
          z.object({ employeeId: z.string(), name: z.string(), department: z.string().nullable() }),
        ),
      }),
    ),
  },
  'succession.createPool': {
    summary:
      'A named talent pool, filled from a 9-box box or a calibration flag of the latest session, or by ids.',
    input: z
      .object({
        name: z.string().trim().min(1).max(80),
        note: z.string().trim().max(500).optional(),
        fromBox: z.number().int().min(1).max(9).optional(),
        fromFlag: z.string().min(1).optional(),
        employeeIds: z.array(z.string().min(1)).max(5000).optional(),
      })
      .strict(),
    output: z.object({ poolId: z.number().int(), members: z.number().int() }),
  },
  'succession.deletePool': {
    summary: 'Remove a talent pool (logged); the people stay.',
    input: z.object({ poolId: z.number().int() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  'succession.export': {
    paths: 'dialog-only',
    summary:
      'The succession report workbook (Overview, one sheet per role, Pools, Legend), to a path or as bytes.',
    input: z
      .object({
        roleIds: z.array(z.number().int()).optional(),
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
})
