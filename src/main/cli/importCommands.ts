import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  mappingSpec,
  recordKind,
  type ImportIssueShape,
  type ImportSummary,
  type MappingSpec,
} from '../../shared/contract'
import { AppError } from '../../shared/result'
import type { Client } from '../../shared/rpc/client'
import { integerOption, type CliArgs } from './args'
import { formatTable } from './formatTable'

export interface Out {
  json: boolean
  out: (text: string) => void
  err: (text: string) => void
}

function readMappingFile(path: string): MappingSpec {
  if (!existsSync(path)) throw new AppError('INVALID_INPUT', `Mapping file ${path} does not exist.`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new AppError('INVALID_INPUT', `Mapping file ${path} is not valid JSON: ${(error as Error).message}`)
  }
  const parsed = mappingSpec.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
      .join('; ')
    throw new AppError('INVALID_INPUT', `Mapping file ${path}: ${problems}`)
  }
  return parsed.data
}

/** `ninefold import FILE --as KIND …`: returns the exit code (0 stored / clean dry run, 2 rejected). */
export async function importFile(client: Client, file: string, args: CliArgs, output: Out): Promise<number> {
  const mapping: MappingSpec = args.mapping ? readMappingFile(args.mapping) : {}
  const kindText = args.as ?? mapping.kind
  const kind = recordKind.safeParse(kindText)
  if (!kind.success) {
    throw new AppError(
      'INVALID_INPUT',
      `Say what the file holds: --as ${recordKind.options.join('|')}${kindText ? ` (not "${kindText}")` : ''}.`,
    )
  }
  if (mapping.kind && mapping.kind !== kind.data) {
    throw new AppError(
      'INVALID_INPUT',
      `--as ${kind.data} contradicts the mapping file's kind "${mapping.kind}".`,
    )
  }
  if (args.sheet) mapping.sheet = args.sheet
  const headerRow = integerOption('header-row', args.headerRow)
  if (headerRow !== undefined) {
    if (headerRow < 1) throw new AppError('INVALID_INPUT', '--header-row counts from 1.')
    mapping.headerRow = headerRow
  }
  const result = await client.call('import.commit', {
    path: resolve(file),
    kind: kind.data,
    mapping,
    skipInvalid: args.skipInvalid,
    dryRun: args.dryRun,
  })
  return printImportSummary(result, output)
}

const plainIssue = ({ sheet, row, column, value, code, message }: ImportIssueShape): ImportIssueShape => ({
  sheet,
  row,
  column,
  value,
  code,
  message,
})

/**
 * Prints an import's summary (the JSON is the documented shape, without the outcome) and returns the exit code:
 * 0 stored, dry run or nothing new; 2 rejected. `ninefold lrs pull` prints the same.
 */
export function printImportSummary(
  result: ImportSummary & { outcome: 'stored' | 'rejected' | 'dry-run' | 'already-imported' },
  output: Out,
): number {
  const { outcome, ...rest } = result
  const summary: ImportSummary = {
    batchId: rest.batchId,
    kind: rest.kind,
    file: rest.file,
    sha256: rest.sha256,
    rows: rest.rows,
    // The documented issue shape: the catalogue key the renderer uses (`text`) is not part of it.
    errors: rest.errors.map(plainIssue),
    warnings: rest.warnings.map(plainIssue),
    unmatched: rest.unmatched,
  }
  if (output.json) {
    output.out(JSON.stringify(summary))
  } else {
    const r = summary.rows
    const verdict = {
      stored: `Imported ${summary.file} as batch ${summary.batchId}`,
      'dry-run': `Dry run of ${summary.file}: nothing was stored`,
      rejected:
        summary.batchId === null
          ? `Rejected ${summary.file}: nothing was stored`
          : `Stopped at a refused page of ${summary.file}: the pages before it were stored as batch ${summary.batchId}`,
      'already-imported': `${summary.file} was already imported; nothing changed`,
    }[outcome]
    output.out(
      `${verdict}\n  rows: ${r.total} total, ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected; ${summary.unmatched} unmatched`,
    )
    for (const e of summary.errors.slice(0, 50)) {
      output.out(
        `  error ${e.sheet ? `${e.sheet} ` : ''}row ${e.row}${e.column ? `, ${e.column}` : ''}${e.value ? ` "${e.value}"` : ''}: ${e.message} [${e.code}]`,
      )
    }
    if (summary.errors.length > 50)
      output.out(`  … and ${summary.errors.length - 50} more errors (use --json for all)`)
    for (const w of summary.warnings.filter((w) => w.code !== 'UPDATED').slice(0, 20))
      output.out(`  warning: ${w.message}`)
  }
  return outcome === 'rejected' ? 2 : 0
}

export async function undoBatch(client: Client, batchId: string | undefined, output: Out): Promise<number> {
  if (!batchId)
    throw new AppError(
      'INVALID_INPUT',
      'Say which batch: ninefold import undo BATCH_ID (see ninefold import list).',
    )
  const result = await client.call('import.undo', { batchId })
  output.out(
    output.json
      ? JSON.stringify(result)
      : `Undid batch ${result.batchId}: ${result.removed} rows removed, ${result.restored} restored.`,
  )
  return 0
}

export async function listBatches(client: Client, output: Out): Promise<number> {
  const batches = await client.call('import.list')
  if (output.json) {
    output.out(JSON.stringify(batches))
    return 0
  }
  const rows = batches.map((b) => ({
    batchId: b.batchId,
    kind: b.kind,
    file: b.file,
    when: b.createdAt.slice(0, 19).replace('T', ' '),
    rows: `${b.rows.inserted}+ ${b.rows.updated}~ ${b.rows.unchanged}=`,
    undone: b.undoneAt ? 'undone' : '',
  }))
  output.out(
    rows.length === 0
      ? 'No imports yet.'
      : formatTable(rows, ['batchId', 'kind', 'file', 'when', 'rows', 'undone'], 40),
  )
  return 0
}
