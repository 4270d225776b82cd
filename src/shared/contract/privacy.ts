import { z } from 'zod'
import { defineMethods } from './define'

export const privacyMethods = defineMethods('privacy')({
  'privacy.erase': {
    summary:
      'Erase a person (GDPR art. 17): their rows go, every mention is pseudonymised, the file is vacuumed.',
    input: z
      .object({
        employeeId: z.string().min(1),
        /** Why (the request and its date): kept in the audit log, which names the person only by pseudonym. */
        reason: z.string().min(3),
      })
      .strict(),
    output: z.object({
      /** What the person's remaining mentions now read (ERASED-…); the audit log entry carries it too. */
      pseudonym: z.string(),
      /** Rows removed per table (and reports whose manager link was removed). */
      removed: z.record(z.string(), z.number().int()),
      /** Text cells elsewhere that named the person and now carry the pseudonym. */
      pseudonymised: z.number().int(),
    }),
  },
  'privacy.subjectAccess': {
    summary: 'Everything held about one person (GDPR art. 15) as a workbook, to a path or as bytes; logged.',
    input: z.object({ employeeId: z.string().min(1), path: z.string().min(1).optional() }).strict(),
    output: z.object({
      fileName: z.string(),
      path: z.string().nullable(),
      bytes: z.instanceof(Uint8Array).nullable(),
      /** Rows exported, over every sheet. */
      rows: z.number().int(),
    }),
  },
})
