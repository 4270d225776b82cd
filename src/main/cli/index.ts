import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  DEMO_MAX_PEOPLE,
  DEMO_MIN_PEOPLE,
  PERSON_SORT_FIELDS,
  type PersonSortField,
} from '../../shared/contract'
import { english, message } from '../../shared/i18n/translate'
import { AppError, type ErrorCode } from '../../shared/result'
import { createClient, type Client } from '../../shared/rpc/client'
import { APP_VERSION, currentActor, defaultDataDirectory } from '../appInfo'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { verifyWorkspace } from '../db/verifyWorkspace'
import { generatePassphrase, generateRawKeyHex, writeNewKeyFile } from '../keys/generateKey'
import { keyFromOptions, keyFromText, type KeyMaterial } from '../keys/keyMaterial'
import { createInProcessTransport } from '../rpc/inProcessTransport'
import { createServices, type Services } from '../services/createServices'
import { CLI_USAGE, integerOption, parseCliArgs, type CliArgs } from './args'
import { formatTable } from './formatTable'
import { importFile, listBatches, undoBatch } from './importCommands'
import { checkCalibrationArgs, runCalibration } from './calibrationCommands'
import { checkFairnessArgs, runFairness } from './fairnessCommands'
import { runLrs } from './lrsCommands'

/** Input problems exit 2 (scripts can tell "you called me wrong" from "it failed"). */
const INPUT_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'WEAK_PASSPHRASE',
  'WORKSPACE_EXISTS',
  'WORKSPACE_NOT_FOUND',
  'KEY_UNAVAILABLE',
  'FILE_UNREADABLE',
  'IMPORT_CONFLICT',
  'SOURCE_NOT_IMPORTED',
  'SOURCE_CHANGED',
  'NOT_FOUND',
  'SESSION_LOCKED',
  'BACKUP_INVALID',
  'WORKSPACE_DAMAGED',
  'LRS_AUTH',
  'LRS_REFUSED',
])

interface Output {
  json: boolean
  out: (text: string) => void
  err: (text: string) => void
}

function requireWorkspacePath(args: CliArgs): string {
  if (!args.workspace) throw new AppError('INVALID_INPUT', 'Say which workspace: --workspace PATH.')
  return resolve(args.workspace)
}

function requireKey(args: CliArgs, env: NodeJS.ProcessEnv): KeyMaterial {
  const key = keyFromOptions({ keyFile: args.keyFile, env })
  if (!key)
    throw new AppError(
      'KEY_UNAVAILABLE',
      'Give the workspace key: --key-file PATH or the NINEFOLD_KEY environment variable.',
    )
  return key
}

/** A missing --key-file is created with `firstLine`; an existing one (or NINEFOLD_KEY) is used as it is. */
function keyForNewWorkspace(
  args: CliArgs,
  env: NodeJS.ProcessEnv,
  firstLine: () => string,
  output: Output,
): KeyMaterial {
  if (args.keyFile && !existsSync(args.keyFile)) {
    const line = firstLine()
    writeNewKeyFile(args.keyFile, line)
    output.err(
      `Created key file ${resolve(args.keyFile)} (mode 600). Keep it safe: without it the workspace cannot be opened.`,
    )
    return keyFromText(line)
  }
  return requireKey(args, env)
}

async function withOpenWorkspace<T>(
  services: Services,
  args: CliArgs,
  env: NodeJS.ProcessEnv,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  services.session.open(requireWorkspacePath(args), requireKey(args, env), 'key-file')
  return work(createClient(createInProcessTransport(services)))
}

function freeDemoName(dataDirectory: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'demo' : `demo-${n}`
    if (
      !existsSync(join(dataDirectory, 'workspaces', `${name}.ninefold`)) &&
      !existsSync(join(dataDirectory, `${name}.key`))
    ) {
      return name
    }
  }
}

function parseSort(
  value: string | undefined,
): { field: PersonSortField; direction: 'asc' | 'desc' } | undefined {
  if (value === undefined) return undefined
  const [field, direction = 'asc'] = value.split(':')
  if (
    !PERSON_SORT_FIELDS.includes(field as PersonSortField) ||
    (direction !== 'asc' && direction !== 'desc')
  ) {
    throw new AppError(
      'INVALID_INPUT',
      `--sort takes FIELD or FIELD:desc with FIELD one of ${PERSON_SORT_FIELDS.join(', ')}.`,
    )
  }
  return { field: field as PersonSortField, direction }
}

export async function runCli(
  argv: string[],
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const args = parseCliArgs(argv)
  output.json = args.json
  if (args.help || args.command.length === 0) {
    output.out(CLI_USAGE)
    return args.help ? 0 : 2
  }
  const dataDirectory = args.dataDir ?? defaultDataDirectory(env)
  const services = createServices({
    shell: 'cli',
    version: APP_VERSION,
    dataDirectory,
    actor: currentActor(),
    onInternalError: (method, error) => output.err(`[ninefold] ${method} failed: ${String(error)}`),
  })
  try {
    const [command, sub] = args.command
    switch (`${command} ${sub ?? ''}`.trim()) {
      case 'workspace create': {
        const key = keyForNewWorkspace(args, env, generateRawKeyHex, output)
        const summary = services.session.create({
          name: args.name ?? 'Workspace',
          path: requireWorkspacePath(args),
          key,
          protection: 'key-file',
        })
        output.out(
          output.json ? JSON.stringify(summary) : `Created workspace "${summary.name}" at ${summary.path}`,
        )
        return 0
      }
      case 'workspace verify': {
        const path = requireWorkspacePath(args)
        const key = requireKey(args, env)
        if (!existsSync(path))
          throw new AppError('WORKSPACE_NOT_FOUND', `There is no workspace at ${path}.`, { path })
        const result = verifyWorkspace(path, key, LATEST_SCHEMA_VERSION)
        const findings = result.findings.map((f) => ({ code: f.code, message: f.message }))
        if (output.json) output.out(JSON.stringify({ ...result, findings }))
        else if (result.whole)
          output.out(
            `Whole: all ${result.pages} pages of ${path} authenticate, the database is sound, schema ${result.schemaVersion}.`,
          )
        else output.out(`${path} is damaged:\n${findings.map((f) => `  ${f.code}: ${f.message}`).join('\n')}`)
        return result.whole ? 0 : 2
      }
      case 'workspace info': {
        const summary = await withOpenWorkspace(services, args, env, (client) =>
          client.call('workspace.status'),
        )
        if (!summary.open) throw new AppError('NO_WORKSPACE', 'The workspace did not open.')
        const w = summary.workspace
        output.out(
          output.json
            ? JSON.stringify(w)
            : `${w.name}\n  path: ${w.path}\n  created: ${w.createdAt}\n  schema version: ${w.schemaVersion}\n  people: ${w.peopleCount}`,
        )
        return 0
      }
      case 'demo': {
        const people = integerOption('people', args.people) ?? 500
        const seed = integerOption('seed', args.seed) ?? 42
        // Checked before anything is created: a refused size must not leave an empty workspace behind.
        if (people < DEMO_MIN_PEOPLE || people > DEMO_MAX_PEOPLE)
          throw new AppError(
            'INVALID_INPUT',
            `--people must be between ${DEMO_MIN_PEOPLE} and ${DEMO_MAX_PEOPLE} (not ${people}).`,
          )
        if (seed < 0) throw new AppError('INVALID_INPUT', `--seed must be 0 or more (not ${seed}).`)
        // Without --workspace, each run makes a new demo (demo, demo-2, …) rather than failing on the last one.
        const free = args.workspace ? null : freeDemoName(dataDirectory)
        const path = args.workspace
          ? resolve(args.workspace)
          : join(dataDirectory, 'workspaces', `${free}.ninefold`)
        const keyArgs = {
          ...args,
          keyFile:
            args.keyFile ??
            (free === null || env['NINEFOLD_KEY'] ? undefined : join(dataDirectory, `${free}.key`)),
        }
        // A demo key is a passphrase, not hex, so the person can also type it into the app's open screen.
        const key = keyForNewWorkspace(keyArgs, env, generatePassphrase, output)
        services.session.create({ name: args.name ?? 'Demo organisation', path, key, protection: 'key-file' })
        const client = createClient(createInProcessTransport(services))
        const summary = await client.call('demo.populate', { people, seed })
        if (output.json) {
          output.out(
            JSON.stringify({
              workspace: path,
              keyFile: keyArgs.keyFile ? resolve(keyArgs.keyFile) : null,
              ...summary,
            }),
          )
        } else {
          output.out(
            `Demo workspace ${path}: ${summary.people} people, ${summary.reviews} reviews, ` +
              `${summary.competencyRatings} competency ratings, ${summary.learningRecords} learning records, ` +
              `${summary.plantedCases.length} planted cases.` +
              (keyArgs.keyFile ? `\nIts passphrase is the first line of ${resolve(keyArgs.keyFile)}.` : ''),
          )
        }
        return 0
      }
      case 'people list': {
        // Options are checked before the workspace is opened, so a typo costs no KDF run and names the option.
        const input = {
          limit: integerOption('limit', args.limit) ?? 100,
          offset: integerOption('offset', args.offset) ?? 0,
          ...(args.sort ? { sort: parseSort(args.sort) } : {}),
          filter: {
            ...(args.search ? { text: args.search } : {}),
            ...(args.department ? { department: args.department } : {}),
            ...(args.location ? { location: args.location } : {}),
          },
        }
        const page = await withOpenWorkspace(services, args, env, (client) =>
          client.call('people.list', input),
        )
        output.out(
          output.json
            ? JSON.stringify(page)
            : `${formatTable(
                page.rows.map((r) => ({
                  ...r,
                  managerName:
                    r.managerName ??
                    (r.managerOutside === null
                      ? null
                      : english(message('people.managerOutside', { name: r.managerOutside }))),
                })),
                [
                  'employeeId',
                  'fullName',
                  'department',
                  'location',
                  'jobTitle',
                  'jobLevelText',
                  'managerName',
                ],
              )}\n${page.rows.length} of ${page.total} people`,
        )
        return 0
      }
      case 'quality': {
        const report = await withOpenWorkspace(services, args, env, (client) => client.call('quality.report'))
        if (output.json) output.out(JSON.stringify(report))
        else if (report.findings.length === 0)
          output.out(`No data-quality findings for ${report.people} people.`)
        else
          for (const f of report.findings)
            output.out(
              `${f.severity.toUpperCase().padEnd(7)} ${f.title}: ${f.count}\n        ${f.explanation}`,
            )
        return 0
      }
      case 'import list':
        return await withOpenWorkspace(services, args, env, (client) => listBatches(client, output))
      case 'import undo':
        return await withOpenWorkspace(services, args, env, (client) =>
          undoBatch(client, args.command[2], output),
        )
      case 'rules apply': {
        const ruleId = integerOption('RULE_ID', args.command[2])
        if (ruleId === undefined)
          throw new AppError('INVALID_INPUT', 'Usage: ninefold rules apply RULE_ID [--dry-run].')
        const result = await withOpenWorkspace(services, args, env, (client) =>
          client.call('rules.apply', { ruleId, dryRun: args.dryRun }),
        )
        output.out(
          output.json
            ? JSON.stringify(result)
            : `${result.matched} matched; ${result.dryRun ? 'dry run, nothing written' : `${result.created} action(s) written, ${result.skipped} already open`}.`,
        )
        return 0
      }
      case 'outbox export': {
        const out = args.out
        if (!out || !/\.(csv|xlsx)$/i.test(out))
          throw new AppError('INVALID_INPUT', 'Say where to write: --out FILE.csv or --out FILE.xlsx.')
        const path = resolve(out)
        const result = await withOpenWorkspace(services, args, env, (client) =>
          client.call('outbox.export', {
            path,
            format: out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv',
          }),
        )
        output.out(
          output.json
            ? JSON.stringify({ path: result.path, rows: result.rows })
            : `Wrote ${result.rows} enrolment(s) to ${result.path}`,
        )
        return 0
      }
      case 'backup': {
        if (!args.out) throw new AppError('INVALID_INPUT', 'Usage: ninefold backup --out FILE.')
        const path = resolve(args.out)
        const result = await withOpenWorkspace(services, args, env, (client) =>
          client.call('workspace.backup', { path }),
        )
        output.out(
          output.json
            ? JSON.stringify(result)
            : `Backed up "${result.check.name}" (${result.check.people} people, schema ${result.check.schemaVersion}) to ${result.path}; verified: it opens with the workspace's key and every page checks out.`,
        )
        return 0
      }
      case 'person export': {
        const employeeId = args.command[2]
        if (!employeeId || !args.out?.toLowerCase().endsWith('.xlsx'))
          throw new AppError('INVALID_INPUT', 'Usage: ninefold person export EMPLOYEE_ID --out FILE.xlsx.')
        const path = resolve(args.out)
        const result = await withOpenWorkspace(services, args, env, (client) =>
          client.call('privacy.subjectAccess', { employeeId, path }),
        )
        output.out(
          output.json
            ? JSON.stringify({ path: result.path, rows: result.rows })
            : `Wrote ${result.rows} row(s) held about ${employeeId} to ${result.path}`,
        )
        return 0
      }
      case 'person erase': {
        const employeeId = args.command[2]
        if (!employeeId || !args.reason || args.reason.trim().length < 3)
          throw new AppError(
            'INVALID_INPUT',
            'Usage: ninefold person erase EMPLOYEE_ID --reason "the request and its date".',
          )
        const reason = args.reason
        const result = await withOpenWorkspace(services, args, env, (client) =>
          client.call('privacy.erase', { employeeId, reason }),
        )
        output.out(
          output.json
            ? JSON.stringify(result)
            : `Erased ${employeeId}: ${Object.values(result.removed).reduce((a, b) => a + b, 0)} record(s) removed, ${result.pseudonymised} mention(s) now read ${result.pseudonym}.`,
        )
        return 0
      }
      case 'succession export': {
        if (!args.out) throw new AppError('INVALID_INPUT', 'Say where to write: --out FILE.xlsx.')
        const roleIds = args.roles?.split(',').map((id) => integerOption('roles', id.trim()) as number)
        const path = resolve(args.out)
        const result = await withOpenWorkspace(services, args, env, (client) =>
          client.call('succession.export', { path, ...(roleIds ? { roleIds } : {}) }),
        )
        output.out(output.json ? JSON.stringify({ path: result.path }) : `Wrote ${result.path}`)
        return 0
      }
      default:
        if (command === 'fairness') {
          checkFairnessArgs(sub, args)
          return await withOpenWorkspace(services, args, env, (client) => runFairness(client, args, output))
        }
        if (command === 'calibration') {
          checkCalibrationArgs(sub, args)
          return await withOpenWorkspace(services, args, env, (client) =>
            runCalibration(client, args, output),
          )
        }
        if (command === 'lrs') {
          if (args.command.length > 3)
            throw new AppError(
              'INVALID_INPUT',
              'Usage: ninefold lrs add|pull|list|test|history|remove [NAME] (see --help).',
            )
          return await withOpenWorkspace(services, args, env, (client) =>
            runLrs(client, sub, args.command[2], args, output),
          )
        }
        if (command === 'restore') {
          if (sub === undefined || args.command.length !== 2)
            throw new AppError('INVALID_INPUT', 'Usage: ninefold restore FILE --workspace PATH --key-file K.')
          const backup = resolve(sub)
          const workspacePath = requireWorkspacePath(args)
          const key = requireKey(args, env)
          try {
            services.session.open(workspacePath, key, 'key-file')
          } catch (error) {
            if (!(error instanceof AppError && error.code === 'WORKSPACE_DAMAGED')) throw error
            // A workspace too damaged to open is replaced without opening it (it is moved aside, not written).
            const replaced = services.backups.restoreOverDamaged(workspacePath, key, 'key-file', backup)
            const result = { workspace: replaced.summary, check: replaced.check, keptAs: replaced.keptAs }
            output.out(
              output.json
                ? JSON.stringify(result)
                : `Restored ${result.workspace.path} from ${backup} (${result.check.people} people, schema ${result.check.schemaVersion}); the damaged file is kept at ${result.keptAs}.`,
            )
            return 0
          }
          const result = await createClient(createInProcessTransport(services)).call('workspace.restore', {
            path: backup,
          })
          output.out(
            output.json
              ? JSON.stringify(result)
              : `Restored ${result.workspace.path} from ${backup} (${result.check.people} people, schema ${result.check.schemaVersion}); the workspace as it was is kept at ${result.keptAs}.`,
          )
          return 0
        }
        if (command === 'import' && sub !== undefined && args.command.length === 2) {
          return await withOpenWorkspace(services, args, env, (client) =>
            importFile(client, sub, args, output),
          )
        }
        if (command === 'import') {
          throw new AppError(
            'INVALID_INPUT',
            'Usage: ninefold import FILE --as KIND [options] (see ninefold --help).',
          )
        }
        throw new AppError(
          'INVALID_INPUT',
          `Unknown command "${args.command.join(' ')}". Run ninefold --help.`,
        )
    }
  } catch (error) {
    throw withRestoreCommand(error, args)
  } finally {
    services.dispose()
  }
}

const shellWord = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`

/** A damaged workspace's error with the exact command that restores its newest verified backup. */
function withRestoreCommand(error: unknown, args: CliArgs): unknown {
  if (!(error instanceof AppError) || error.code !== 'WORKSPACE_DAMAGED') return error
  const backup = error.details?.['backup']
  const path = error.details?.['path']
  if (typeof backup !== 'string' || typeof path !== 'string') return error
  const command = [
    'ninefold restore',
    shellWord(backup),
    '--workspace',
    shellWord(path),
    ...(args.keyFile ? ['--key-file', shellWord(resolve(args.keyFile))] : []),
    ...(args.dataDir ? ['--data-dir', shellWord(resolve(args.dataDir))] : []),
  ].join(' ')
  return new AppError('WORKSPACE_DAMAGED', `${error.message}\nTo restore it: ${command}`, {
    ...error.details,
    restoreCommand: command,
  })
}

export function exitCodeFor(error: unknown): number {
  return error instanceof AppError && INPUT_ERRORS.has(error.code) ? 2 : 1
}

export function describeError(error: unknown, json: boolean): string {
  // The JSON keeps its documented shape: code, English message, details (not the catalogue key).
  const shape =
    error instanceof AppError
      ? { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }
      : { code: 'INTERNAL', message: String(error) }
  return json ? JSON.stringify({ error: shape }) : `ninefold: ${shape.message}`
}
