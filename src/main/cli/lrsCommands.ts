import { existsSync, readFileSync } from 'node:fs'
import { AppError } from '../../shared/result'
import type { Client } from '../../shared/rpc/client'
import type { CliArgs } from './args'
import { formatTable } from './formatTable'
import { printImportSummary, type Out } from './importCommands'

const USAGE = {
  add: 'ninefold lrs add NAME --endpoint URL --key K --secret-file F',
  pull: 'ninefold lrs pull NAME [--since ISO] [--dry-run]',
}

function requireName(name: string | undefined, usage: string): string {
  if (!name) throw new AppError('INVALID_INPUT', `Say which connection: ${usage}.`)
  return name
}

/** The secret is read from a file (first line) so it never sits in shell history or the process list. */
function readSecret(path: string | undefined): string {
  if (!path) throw new AppError('INVALID_INPUT', `Give the secret in a file: ${USAGE.add}.`)
  if (!existsSync(path)) throw new AppError('INVALID_INPUT', `Secret file ${path} does not exist.`)
  const secret = (readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '').trim()
  if (secret === '') throw new AppError('INVALID_INPUT', `Secret file ${path} is empty.`)
  return secret
}

function isoSince(value: string): string {
  if (Number.isNaN(Date.parse(value)))
    throw new AppError('INVALID_INPUT', `--since takes an ISO 8601 date-time, not "${value}".`)
  return new Date(value).toISOString()
}

function pageSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 5000)
    throw new AppError('INVALID_INPUT', `--page-size is a whole number from 1 to 5000, not "${value}".`)
  return n
}

/** `ninefold lrs add|pull|list|test|history|remove`; returns the exit code (pull: as `ninefold import`). */
export async function runLrs(
  client: Client,
  sub: string | undefined,
  name: string | undefined,
  args: CliArgs,
  output: Out,
): Promise<number> {
  switch (sub) {
    case 'add': {
      requireName(name, USAGE.add)
      if (!args.endpoint) throw new AppError('INVALID_INPUT', `Give the LRS endpoint: ${USAGE.add}.`)
      if (!args.key) throw new AppError('INVALID_INPUT', `Give the key (Basic-auth user): ${USAGE.add}.`)
      const added = await client.call('lrs.add', {
        name: name ?? '',
        endpoint: args.endpoint,
        key: args.key,
        secret: readSecret(args.secretFile),
        replace: args.replace,
        filters: {
          ...(args.verb ? { verb: args.verb } : {}),
          ...(args.activity ? { activity: args.activity } : {}),
          ...(args.relatedActivities ? { relatedActivities: true } : {}),
          ...(args.since ? { since: isoSince(args.since) } : {}),
        },
      })
      output.out(
        output.json ? JSON.stringify(added) : `Added LRS connection ${added.name} → ${added.endpoint}`,
      )
      return 0
    }
    case 'pull': {
      const since = args.since === undefined ? undefined : isoSince(args.since)
      const size = pageSize(args.pageSize)
      const result = await client.call('lrs.pull', {
        name: requireName(name, USAGE.pull),
        dryRun: args.dryRun,
        ...(since === undefined ? {} : { since }),
        ...(size === undefined ? {} : { pageSize: size }),
      })
      return printImportSummary(result, output)
    }
    case 'list': {
      const connections = await client.call('lrs.list', {})
      if (output.json) output.out(JSON.stringify(connections))
      else
        output.out(
          connections.length === 0
            ? 'No LRS connections yet.'
            : formatTable(
                connections.map((c) => ({
                  name: c.name,
                  endpoint: c.endpoint,
                  key: c.key,
                  checkpoint: c.checkpoint ?? '',
                  'last pull': c.lastPull ? `${c.lastPull.startedAt.slice(0, 16)} ${c.lastPull.outcome}` : '',
                })),
                ['name', 'endpoint', 'key', 'checkpoint', 'last pull'],
                60,
              ),
        )
      return 0
    }
    case 'test': {
      const result = await client.call('lrs.test', { name: requireName(name, 'ninefold lrs test NAME') })
      output.out(
        output.json
          ? JSON.stringify(result)
          : `The LRS answers and accepts the key (xAPI ${result.versions.join(', ')}).`,
      )
      return 0
    }
    case 'history': {
      const pulls = await client.call('lrs.history', { name: requireName(name, 'ninefold lrs history NAME') })
      if (output.json) output.out(JSON.stringify(pulls))
      else
        output.out(
          pulls.length === 0
            ? 'No pulls yet.'
            : formatTable(
                pulls.map((p) => ({
                  started: p.startedAt.slice(0, 19).replace('T', ' '),
                  outcome: p.outcome,
                  pages: String(p.pages),
                  stored: String(p.stored),
                  duplicates: String(p.duplicates),
                  unmatched: String(p.unmatched),
                })),
                ['started', 'outcome', 'pages', 'stored', 'duplicates', 'unmatched'],
                40,
              ),
        )
      return 0
    }
    case 'remove': {
      const result = await client.call('lrs.remove', { name: requireName(name, 'ninefold lrs remove NAME') })
      output.out(
        output.json ? JSON.stringify(result) : result.removed ? `Removed ${name}.` : `No connection ${name}.`,
      )
      return result.removed ? 0 : 2
    }
    default:
      throw new AppError('INVALID_INPUT', 'Say what to do: ninefold lrs add|pull|list|test|history|remove.')
  }
}
