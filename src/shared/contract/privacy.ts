import { z } from 'zod'
import { PURPOSE_FIELDS, PURPOSES } from '../fieldPurposes'
import { messageSchema } from '../i18n/translate'
import { defineMethods } from './define'

const retentionKind = z.object({ kind: z.enum(['learning', 'reviews', 'competencies', 'surveys', 'xapi']) })

const retentionPreview = z.object({
  kind: z.enum(['learning', 'reviews', 'competencies', 'surveys', 'xapi']),
  /** The retention period in years, or null when none is set. */
  years: z.number().int().nullable(),
  /** Records dated before this go. */
  before: z.string().nullable(),
  records: z.number().int(),
  oldest: z.string().nullable(),
  /** In English; `summaryText` is the same for the reader's language. */
  summary: z.string(),
  summaryText: messageSchema,
})

const purpose = z.enum(PURPOSES)
const fieldPurposeList = z.array(
  z.object({
    field: z.enum(PURPOSE_FIELDS),
    label: z.string(),
    sensitive: z.boolean(),
    /** The purposes the field may ever serve; sensitive attributes only the fairness audit. */
    allowed: z.array(purpose),
    purposes: z.array(purpose),
  }),
)

export const privacyMethods = defineMethods('privacy')({
  'privacy.fieldPurposes': {
    summary:
      'The purposes each field about a person may be used for (calibration, development, fairness audit).',
    input: z.object({}).strict().default({}),
    output: fieldPurposeList,
  },
  'privacy.setFieldPurposes': {
    summary:
      'Tag a field with the purposes it may be used for; views and exports of other purposes stop using it. Logged.',
    input: z
      .object({
        field: z.enum(PURPOSE_FIELDS),
        purposes: z.array(purpose).max(PURPOSES.length),
        reason: z.string().trim().min(3, 'say why (at least a few words)').max(2000),
      })
      .strict(),
    output: fieldPurposeList,
  },
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
    paths: 'dialog-only',
    summary: 'Everything held about one person (GDPR art. 15) as a workbook, to a path or as bytes; logged.',
    input: z
      .object({
        employeeId: z.string().min(1),
        path: z.string().min(1).optional(),
        /** The language of the workbook's sheet names and notice row. */
        locale: z.enum(['en', 'pl']).default('en'),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      path: z.string().nullable(),
      bytes: z.instanceof(Uint8Array).nullable(),
      /** Rows exported, over every sheet. */
      rows: z.number().int(),
    }),
  },
  'privacy.retentionPreview': {
    summary:
      'What a retention period would remove for one kind of record (the stored period, or the one given).',
    input: retentionKind.extend({ olderThanYears: z.number().int().min(1).max(100).optional() }).strict(),
    output: retentionPreview,
  },
  'privacy.retentionPurge': {
    summary:
      'Set a retention period for one kind of record and remove what is older; logged, then the file is compacted.',
    input: retentionKind
      .extend({ olderThanYears: z.number().int().min(1).max(100), reason: z.string().min(3) })
      .strict(),
    output: retentionPreview.extend({ removed: z.number().int() }),
  },
  'privacy.anonymisedExport': {
    paths: 'dialog-only',
    summary:
      'The workspace for analysis: stable pseudonyms, names and free text left out, sensitive fields dropped or banded.',
    input: z
      .object({
        path: z.string().min(1).optional(),
        /** The language of the notice row; sheet names and column headers stay English (a dataset for tools). */
        locale: z.enum(['en', 'pl']).default('en'),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      path: z.string().nullable(),
      bytes: z.instanceof(Uint8Array).nullable(),
      rows: z.number().int(),
    }),
  },
})
