import { z } from 'zod'

export const empty = z.object({}).strict()
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'a job id is 6–64 letters, digits, - or _')
/** ISO calendar date (YYYY-MM-DD): people data is about days, not instants. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
export const isoDateTime = z.string().datetime({ offset: true })
