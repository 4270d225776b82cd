import { z } from 'zod'
import { defineMethods } from './define'
import { jobId } from './common'

export const DEMO_MIN_PEOPLE = 20
export const DEMO_MAX_PEOPLE = 100_000

export const demoSummary = z.object({
  seed: z.number().int(),
  people: z.number().int(),
  reviews: z.number().int(),
  competencyRatings: z.number().int(),
  learningRecords: z.number().int(),
  plantedCases: z.array(z.object({ kind: z.string(), employeeId: z.string(), note: z.string() })),
})
export type DemoSummary = z.output<typeof demoSummary>

export const demoMethods = defineMethods('demo')({
  'demo.populate': {
    summary: 'Fill the open, empty workspace with a synthetic organisation made from a seed.',
    input: z
      .object({
        people: z.number().int().min(DEMO_MIN_PEOPLE).max(DEMO_MAX_PEOPLE).default(500),
        seed: z.number().int().nonnegative().default(42),
        jobId: jobId.optional(),
      })
      .strict(),
    output: demoSummary,
  },
})
