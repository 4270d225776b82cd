import { z } from 'zod'
import { messageSchema } from '../i18n/translate'
import { defineMethods } from './define'
import { empty, jobId } from './common'

export const recordKind = z.enum(['people', 'reviews', 'competencies', 'learning', 'surveys', 'xapi'])
export const tabularKind = z.enum(['people', 'reviews', 'competencies', 'learning', 'surveys'])
export const dateFormat = z.enum(['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'])

/**
 * A rating scale: `{min, max}`, or words with their values, `{labels: {"Low": 1, "Medium": 2, "High": 3}}` (min and
 * max taken from the labels unless given). Labels match ignoring case, surrounding and repeated spaces.
 */
export const ratingScaleSpec = z.union([
  z
    .object({ min: z.number(), max: z.number() })
    .strict()
    .refine((s) => s.max > s.min, 'scale.max must exceed scale.min'),
  z
    .object({
      labels: z
        .record(z.string().trim().min(1), z.number())
        .refine((labels) => Object.keys(labels).length >= 2, 'a scale needs at least two labels'),
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .strict()
    .refine((s) => {
      const values = Object.values(s.labels)
      const min = s.min ?? Math.min(...values)
      const max = s.max ?? Math.max(...values)
      return max > min && values.every((v) => v >= min && v <= max)
    }, 'the labels must lie within min–max, and max must exceed min'),
])
export type RatingScaleSpec = z.output<typeof ratingScaleSpec>

/** Where a column goes: a field name, or a field with the review cycle this column holds. */
export const columnTarget = z.union([
  z.string(),
  z.object({ field: z.string(), cycle: z.string().trim().min(1).optional() }).strict(),
])
export type ColumnTarget = z.output<typeof columnTarget>

/**
 * A mapping, as saved in a mapping file (`ninefold import --mapping`) or built in the wizard. Columns are keyed by
 * the header text in the file; fields are the canonical field names of the kind.
 */
export const mappingSpec = z
  .object({
    kind: tabularKind.optional(),
    sheet: z.string().optional(),
    headerRow: z.number().int().positive().optional(),
    /** Header → field, or header → {field, cycle} when one row holds several review cycles. */
    columns: z.record(z.string(), columnTarget).optional(),
    dateFormat: dateFormat.optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
    /** The rating scale of every rating column (overall and potential): numbers, or words with their values. */
    scale: ratingScaleSpec.optional(),
    /** The potential column's own scale, when it differs from the overall rating's. */
    potentialScale: ratingScaleSpec.optional(),
    /** A blank overall rating: not rated in that cycle (the default: nothing is stored for it), or an error. */
    blankRating: z.enum(['not-rated', 'error']).optional(),
    /** Values for fields the file lacks, e.g. {"cycle": "2025 Annual Review"}. */
    constants: z.record(z.string(), z.string()).optional(),
  })
  .strict()
export type MappingSpec = z.output<typeof mappingSpec>

export const importIssue = z.object({
  sheet: z.string().nullable(),
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  /** In English: the CLI's JSON, logs and tests match on it. */
  message: z.string(),
  /** The same as catalogue key and values, shown in the user's language (row and column stay in the fields above). */
  text: messageSchema.optional(),
})
export type ImportIssueShape = z.output<typeof importIssue>

const importRequest = z.object({
  path: z.string().min(1),
  kind: recordKind,
  mapping: mappingSpec.default({}),
})

/** The summary `ninefold import --json` prints: keep this shape. */
export const importSummary = z.object({
  batchId: z.string().nullable(),
  kind: recordKind,
  file: z.string(),
  sha256: z.string(),
  rows: z.object({
    total: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  errors: z.array(importIssue),
  warnings: z.array(importIssue),
  unmatched: z.number().int(),
})
export type ImportSummary = z.output<typeof importSummary>

export const importOutcome = z.enum(['stored', 'rejected', 'dry-run', 'already-imported'])

export const importMethods = defineMethods('import')({
  'import.stage': {
    summary: 'Hand a file (its bytes) to the importer; returns the path to preview and commit it with.',
    input: z.object({ fileName: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) }).strict(),
    output: z.object({ path: z.string(), fileName: z.string(), size: z.number().int() }),
  },
  'import.preview': {
    paths: 'staged',
    summary:
      'Read the start of a file: sheets, header row, suggested mapping, and the first rows typed and checked.',
    input: importRequest.strict(),
    output: z.object({
      format: z.enum(['csv', 'xlsx', 'json']),
      sheets: z.array(
        z.object({ name: z.string(), rowCount: z.number().int().nullable(), hidden: z.boolean() }),
      ),
      sheet: z.string().nullable(),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      headerRow: z.number().int().nullable(),
      headers: z.array(z.string()),
      columns: z.array(
        z.object({
          header: z.string(),
          field: z.string().nullable(),
          /** The review cycle this column holds, when a row holds several (e.g. "2023 Rating", "2024 Rating"). */
          cycle: z.string().nullable(),
          confidence: z.number(),
          samples: z.array(z.string()),
        }),
      ),
      /**
       * Rating columns read as words: the words seen (with how often), the scale they were read with (null when no
       * known scale covers them: the person orders them), and where that scale came from.
       */
      ratingWords: z.array(
        z.object({
          field: z.enum(['overallRating', 'potentialRating']),
          header: z.string(),
          words: z.array(z.object({ word: z.string(), count: z.number().int() })),
          blanks: z.number().int(),
          scale: z
            .object({
              name: z.string(),
              min: z.number(),
              max: z.number(),
              labels: z.record(z.string(), z.number()),
            })
            .nullable(),
          origin: z.enum(['mapping', 'detected', 'unknown']),
        }),
      ),
      dateFormat: z.object({ format: dateFormat.nullable(), ambiguous: z.boolean() }),
      /** The saved mapping profile applied because the file's headers matched it. */
      profile: z.string().nullable(),
      rows: z.array(
        z.object({
          row: z.number().int(),
          values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
        }),
      ),
      issues: z.array(importIssue),
    }),
  },
  'import.commit': {
    paths: 'staged',
    summary: 'Import a file as one all-or-nothing batch (or a dry run).',
    input: importRequest
      .extend({
        skipInvalid: z.boolean().default(false),
        dryRun: z.boolean().default(false),
        jobId: jobId.optional(),
      })
      .strict(),
    output: importSummary.extend({ outcome: importOutcome }),
  },
  'import.saveProfile': {
    summary: 'Save a mapping under a name; files with the same headers get it proposed.',
    input: z
      .object({
        name: z.string().trim().min(1).max(80),
        kind: tabularKind,
        headers: z.array(z.string()).min(1),
        mapping: mappingSpec,
      })
      .strict(),
    output: z.object({ name: z.string() }),
  },
  'import.unmatched': {
    summary: 'Records waiting for a person who is not in the workspace, by the identifier they carry.',
    input: empty,
    output: z.array(
      z.object({ identifier: z.string(), kind: recordKind, records: z.number().int(), files: z.string() }),
    ),
  },
  'import.link': {
    summary: 'Link the records waiting under an identifier to an existing person (an undoable batch).',
    input: z.object({ identifier: z.string().min(1), employeeId: z.string().trim().min(1) }).strict(),
    output: z.object({ batchId: z.string(), linked: z.number().int() }),
  },
  'import.undo': {
    summary: 'Undo an import batch: remove what it inserted, restore what it overwrote.',
    input: z.object({ batchId: z.string().min(1) }).strict(),
    output: z.object({ batchId: z.string(), removed: z.number().int(), restored: z.number().int() }),
  },
  'import.list': {
    summary: 'Import batches, newest first.',
    input: empty,
    output: z.array(
      z.object({
        batchId: z.string(),
        kind: recordKind,
        file: z.string(),
        sha256: z.string(),
        createdAt: z.string(),
        actor: z.string(),
        rows: importSummary.shape.rows,
        unmatched: z.number().int(),
        undoneAt: z.string().nullable(),
      }),
    ),
  },
})
