import { z } from 'zod'
import { defineEvents, defineMethods } from './define'
import { jobId } from './common'

export const jobMethods = defineMethods('jobs')({
  'jobs.cancel': {
    summary: 'Ask a running job (import, export, demo) to stop; its call then fails with CANCELLED.',
    input: z.object({ jobId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
})

export const jobProgress = z.object({
  jobId,
  phase: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
})
export type JobProgress = z.output<typeof jobProgress>

/** A job ended: the desktop shows it as a native notification when the window is not in front. */
export const jobFinished = z.object({
  jobId,
  ok: z.boolean(),
  /** One line for a person: what ended, and how. */
  message: z.string(),
  seconds: z.number().nonnegative(),
})
export type JobFinished = z.output<typeof jobFinished>

export const jobEvents = defineEvents('jobs')({
  'jobs.progress': jobProgress,
  'jobs.finished': jobFinished,
})
