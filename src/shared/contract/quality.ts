import { z } from 'zod'
import { messageSchema } from '../i18n/translate'
import { defineMethods } from './define'
import { empty } from './common'

export const qualityFinding = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  /** How many records the finding covers; `examples` names the first of them so the number can be checked. */
  count: z.number().int(),
  examples: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  explanation: z.string(),
  /** Title and explanation as catalogue messages, for the user's language (the strings above are English). */
  titleText: messageSchema.optional(),
  explanationText: messageSchema.optional(),
})
export type QualityFinding = z.output<typeof qualityFinding>

export const qualityMethods = defineMethods('quality')({
  'quality.report': {
    summary: 'Data-quality findings for the open workspace, each with the records behind it.',
    input: empty,
    output: z.object({
      generatedAt: z.string(),
      people: z.number().int(),
      findings: z.array(qualityFinding),
    }),
  },
})
