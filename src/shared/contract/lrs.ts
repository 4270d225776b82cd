import { z } from 'zod'
import { defineEvents, defineMethods } from './define'
import { jobId } from './common'
import { importOutcome, importSummary } from './import'

const connectionName = z
  .string()
  .trim()
  .min(1, 'give the connection a name')
  .max(80)
  .regex(/^[^\s/\\][^/\\]*$/, 'a name has no slashes')
const endpoint = z
  .string()
  .trim()
  .url('give the LRS endpoint as an address, e.g. https://lrs.example.com/xAPI/')
  .refine((u) => /^https?:\/\//i.test(u), 'the endpoint is an http(s) address')
const iri = z.string().trim().url('an IRI, e.g. http://adlnet.gov/expapi/verbs/completed')

export const lrsFilters = z
  .object({
    verb: iri.optional(),
    activity: iri.optional(),
    relatedActivities: z.boolean().optional(),
    /** Only statements stored after this moment, on the first pull (later pulls go from the checkpoint). */
    since: z.string().datetime({ offset: true }).optional(),
  })
  .strict()

/** A connection as shown: the secret is never sent back, only whether one is stored. */
export const lrsConnection = z.object({
  name: z.string(),
  endpoint: z.string(),
  key: z.string(),
  hasSecret: z.boolean(),
  filters: lrsFilters,
  checkpoint: z.string().nullable(),
  createdAt: z.string(),
  lastPull: z.object({ startedAt: z.string(), outcome: z.string(), stored: z.number().int() }).nullable(),
})
export type LrsConnection = z.output<typeof lrsConnection>

export const lrsPull = z.object({
  id: z.number().int(),
  connection: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** running · stored · nothing-new · dry-run · failed · cancelled */
  outcome: z.string(),
  since: z.string().nullable(),
  pages: z.number().int(),
  received: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  conflicts: z.number().int(),
  voided: z.number().int(),
  unmatched: z.number().int(),
  batchId: z.string().nullable(),
  error: z.string().nullable(),
})
export type LrsPull = z.output<typeof lrsPull>

export const lrsMethods = defineMethods('lrs')({
  'lrs.list': {
    summary: 'The workspace’s LRS connections (never their secrets), with checkpoint and last pull.',
    input: z.object({}).strict(),
    output: z.array(lrsConnection),
  },
  'lrs.add': {
    summary: 'Add or replace an LRS connection; the secret is kept only inside the encrypted workspace.',
    input: z
      .object({
        name: connectionName,
        endpoint,
        key: z.string().min(1, 'give the key (the Basic-auth user name)').max(500),
        secret: z.string().min(1, 'give the secret').max(2000),
        filters: lrsFilters.default({}),
        replace: z.boolean().default(false),
      })
      .strict(),
    output: lrsConnection,
  },
  'lrs.remove': {
    summary: 'Remove a connection and its pull history (statements already pulled stay).',
    input: z.object({ name: z.string() }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  'lrs.test': {
    summary:
      'Call the LRS’s /about with the connection’s credentials: reachable, versions, and whether the key works.',
    input: z.object({ name: z.string() }).strict(),
    output: z.object({ ok: z.literal(true), versions: z.array(z.string()), authorised: z.boolean() }),
  },
  'lrs.pull': {
    summary:
      'Pull new statements from the LRS page by page (each page committed with the checkpoint); same summary as an import.',
    input: z
      .object({
        name: z.string(),
        since: z.string().datetime({ offset: true }).optional(),
        dryRun: z.boolean().default(false),
        pageSize: z.number().int().min(1).max(5000).default(500),
        jobId: jobId.optional(),
      })
      .strict(),
    output: importSummary.extend({ outcome: importOutcome, pull: lrsPull }),
  },
  'lrs.history': {
    summary: 'Pulls made from a connection, newest first.',
    input: z.object({ name: z.string() }).strict(),
    output: z.array(lrsPull),
  },
})

/** A pull's progress, page by page (the generic job progress has no room for unmatched actors). */
export const lrsPullProgress = z.object({
  jobId,
  connection: z.string(),
  pages: z.number().int(),
  received: z.number().int(),
  stored: z.number().int(),
  unmatched: z.number().int(),
})

export const lrsEvents = defineEvents('lrs')({
  'lrs.progress': lrsPullProgress,
})
