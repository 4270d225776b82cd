import { basename, resolve } from 'node:path'
import {
  moveReasonCode,
  potentialFrom,
  potentialSourceKey,
  scope as scopeSchema,
  type HoldingGroup,
} from '../../shared/contract/calibration'
import { english, message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import type { Client } from '../../shared/rpc/client'
import { integerOption, type CliArgs } from './args'
import { formatTable } from './formatTable'

interface Output {
  json: boolean
  out: (text: string) => void
}

/** `--scope department=Sales --scope "jobLevel=PT5 - Principal"` → a checked scope object. */
export function parseScope(pairs: readonly string[]): Record<string, string | number> {
  const scope: Record<string, string | number> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    const key = pair.slice(0, at)
    if (at <= 0 || !['manager', 'department', 'location', 'jobLevel'].includes(key))
      throw new AppError(
        'INVALID_INPUT',
        `--scope takes key=value with key one of manager, department, location, jobLevel; got "${pair}".`,
      )
    const value = pair.slice(at + 1)
    // A bare number stays a number (the scope JSON as before); any other level is its text as shown.
    scope[key] = key === 'jobLevel' && /^\d+$/.test(value.trim()) ? Number(value) : value
  }
  const parsed = scopeSchema.safeParse(scope)
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', `--scope: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  return parsed.data
}

/** `--potential-from` checked: one of the sources a session can take potential from. */
export function parsePotentialFrom(
  value: string | undefined,
): (typeof potentialFrom.options)[number] | undefined {
  if (value === undefined) return undefined
  const parsed = potentialFrom.safeParse(value)
  if (!parsed.success)
    throw new AppError(
      'INVALID_INPUT',
      `--potential-from is one of ${potentialFrom.options.join(', ')}, not "${value}".`,
    )
  return parsed.data
}

/** `--blend-of assessment,manager` → the two different sources a blend combines. */
export function parseBlendOf(
  value: string | undefined,
): [(typeof potentialSourceKey.options)[number], (typeof potentialSourceKey.options)[number]] | undefined {
  if (value === undefined) return undefined
  const parts = value.split(',').map((p) => p.trim())
  const [a, b] = parts.map((p) => potentialSourceKey.safeParse(p))
  if (parts.length !== 2 || !a?.success || !b?.success || a.data === b.data)
    throw new AppError(
      'INVALID_INPUT',
      `--blend-of takes two different sources separated by a comma (${potentialSourceKey.options.join(', ')}), not "${value}".`,
    )
  return [a.data, b.data]
}

/** The to-do list in English: one line per group, its ways out after it. */
export function todoText(groups: readonly HoldingGroup[]): string {
  if (groups.length === 0) return english(message('calibration.todo.empty'))
  return groups
    .map((g) => {
      const actions = g.actions.map((a) => {
        switch (a.kind) {
          case 'source':
            return `${english(message(`calibration.todo.useSource.${a.source}`))} (${english(message('calibration.todo.places', { count: a.places }))}; calibration resolve --potential-from ${a.source})`
          case 'import':
            return `${english(message(a.what === 'ratings' ? 'calibration.todo.importRatings' : a.what === 'assessments' ? 'calibration.todo.importAssessments' : 'calibration.todo.importPotential'))} (ninefold import FILE --as ${a.importKind})`
          case 'place-by-hand':
            return `${english(message('calibration.todo.placeByHand'))} (calibration move --person ID --box N --reason "…")`
        }
      })
      return `${g.summary} — ${actions.join(' · ')}`
    })
    .join('\n')
}

/**
 * `calibration import-proposals SESSION FILE.xlsx` (or `--from-ratings`): 0 when stored, 2 with every problem named
 * by file, sheet, row, column and value when the workbook was refused (nothing stored).
 */
async function importProposals(
  client: Client,
  args: CliArgs,
  print: (json: unknown, text: string) => void,
): Promise<number> {
  const [, , sessionId = '', file] = args.command
  const result = await client.call('calibration.importProposals', {
    sessionId,
    ...(file === undefined
      ? { from: 'ratings' as const }
      : { from: 'workbook' as const, path: resolve(file) }),
  })
  const name = file === undefined ? '' : basename(file)
  // The documented shape: the catalogue key the renderer uses (`text`) is not part of it.
  const json = { ...result, errors: result.errors.map(({ text: _text, ...rest }) => rest) }
  if (!result.stored) {
    const lines = result.errors.map((e) =>
      english(
        message(e.value === null ? 'calibration.proposals.problem' : 'calibration.proposals.problemValue', {
          sheet: e.sheet,
          row: e.row,
          column: e.column,
          value: e.value ?? '',
          problem: e.text,
        }),
      ),
    )
    print(
      json,
      [
        english(message('calibration.proposals.rejected', { file: name, count: result.errors.length })),
        ...lines,
      ]
        .map((line, i) => (i === 0 ? line : `  ${name}: ${line}`))
        .join('\n'),
    )
    return 2
  }
  const stored =
    file === undefined
      ? message('calibration.proposals.storedFromRatings', { count: result.proposals })
      : message('calibration.proposals.stored', { count: result.proposals, file: name })
  const replaced =
    result.replaced > 0
      ? ` ${english(message('calibration.proposals.replaced', { count: result.replaced }))}`
      : ''
  print(json, `${english(stored)}${replaced}`)
  return 0
}

function requireSession(id: string | undefined, command: string): string {
  if (!id) throw new AppError('INVALID_INPUT', `Usage: ninefold calibration ${command} SESSION …`)
  return id
}

/** Checks what can be checked before the workspace opens (no KDF run for a typo). */
export function checkCalibrationArgs(sub: string | undefined, args: CliArgs): void {
  if (sub === 'create' && !args.name) throw new AppError('INVALID_INPUT', 'Name the session: --name NAME.')
  if (sub === 'create' && args.from.length > 0 && args.scope.length > 0)
    throw new AppError('INVALID_INPUT', english(message('calibration.rollup.errors.scopeAndFrom')))
  if (sub === 'create') {
    parseScope(args.scope)
    parsePotentialFrom(args.potentialFrom)
    parseBlendOf(args.blendOf)
    integerOption('min-tenure-months', args.minTenureMonths)
  }
  if (sub === 'resolve') {
    if (!args.potentialFrom)
      throw new AppError('INVALID_INPUT', 'Say where potential comes from: --potential-from SOURCE.')
    parsePotentialFrom(args.potentialFrom)
    parseBlendOf(args.blendOf)
  }
  if (sub === 'move') {
    if (args.person.length === 0) throw new AppError('INVALID_INPUT', 'Say who moves: --person EMPLOYEE_ID.')
    const box = Number(args.box)
    if (!Number.isInteger(box) || box < 1 || box > 9)
      throw new AppError('INVALID_INPUT', `--box must be a box number 1–9, not "${args.box ?? ''}".`)
    // A reason code is enough (the session may still ask for words, and "other" always does).
    if (args.reasonCode === undefined && (!args.reason || args.reason.trim().length < 3))
      throw new AppError(
        'INVALID_INPUT',
        'A move needs a reason: --reason "…" (at least a few words), or --reason-code CODE.',
      )
    if (args.reasonCode !== undefined && !moveReasonCode.safeParse(args.reasonCode).success)
      throw new AppError('INVALID_INPUT', `--reason-code is one of ${moveReasonCode.options.join(', ')}.`)
  }
  if (sub === 'import-proposals') {
    const [, , session, file] = args.command
    if (!session || (file === undefined) === !args.fromRatings || args.command.length > 4)
      throw new AppError(
        'INVALID_INPUT',
        'Usage: ninefold calibration import-proposals SESSION FILE.xlsx, or SESSION --from-ratings.',
      )
  }
  if (sub === 'export' && !args.out)
    throw new AppError('INVALID_INPUT', 'Say where to write: --out FILE.xlsx.')
  if (sub === 'export' && args.into !== undefined && args.preRead)
    throw new AppError('INVALID_INPUT', message('calibration.into.preRead'))
}

export async function runCalibration(client: Client, args: CliArgs, output: Output): Promise<number> {
  const [, sub, sessionArg] = args.command
  const print = (json: unknown, text: string): void => output.out(output.json ? JSON.stringify(json) : text)
  switch (sub) {
    case 'create': {
      const from = parsePotentialFrom(args.potentialFrom)
      const blendOf = parseBlendOf(args.blendOf)
      const minTenureMonths = integerOption('min-tenure-months', args.minTenureMonths)
      const result = await client.call('calibration.create', {
        name: args.name ?? '',
        scope: parseScope(args.scope),
        ...(args.cycle ? { cycle: args.cycle } : {}),
        ...(from ? { potentialFrom: from } : {}),
        ...(blendOf ? { blendOf } : {}),
        ...(minTenureMonths !== undefined ? { settings: { minTenureMonths } } : {}),
        ...(args.from.length > 0 ? { from: args.from } : {}),
      })
      print(
        result,
        args.from.length > 0
          ? `Roll-up ${result.sessionId}: ${result.people} people from ${new Set(args.from).size} sessions.`
          : `Session ${result.sessionId}: ${result.people} people in scope.`,
      )
      return 0
    }
    case 'list': {
      const sessions = await client.call('calibration.list')
      print(sessions, formatTable(sessions, ['sessionId', 'name', 'cycle', 'status', 'people', 'createdAt']))
      return 0
    }
    case 'show': {
      const view = await client.call('calibration.show', { sessionId: requireSession(sessionArg, 'show') })
      // Keep this shape: scripts and our acceptance checks read it.
      const json = {
        sessionId: view.sessionId,
        status: view.status,
        placements: view.placements.map((p) => ({
          employeeId: p.employeeId,
          box: p.box,
          computedBox: p.computedBox,
          performance: p.performance.level,
          potential: p.potential.level,
          agility: p.agility.index,
          source: p.source,
          flags: p.flags.map((f) => ({ code: f.code, rationale: f.rationale })),
          // The box in the previous cycle (a finalized session's final box, else computed from its ratings).
          previousBox: p.previousBox ?? null,
          // In a roll-up, the session that placed the person (its final box was their starting box); else null.
          fromSession: p.fromSession ?? null,
          // The box the manager proposed before the meeting (import-proposals); null when none.
          proposedBox: p.proposedBox ?? null,
        })),
        holding: view.holding.map((h) => ({
          employeeId: h.employeeId,
          reason: h.reason,
          explanation: h.explanation,
        })),
        distribution: Object.fromEntries(view.distribution.map((d) => [String(d.box), d.actual])),
      }
      print(
        json,
        `${view.name} (${view.cycle}, ${view.status}): ${view.placements.length} placed, ${view.holding.length} held\n` +
          (view.rollupOf && view.rollupOf.length > 0
            ? `${english(message('calibration.rollup.of', { sessions: view.rollupOf.map((c) => c.name).join(', ') }))}\n`
            : '') +
          (view.holdingTodo && view.holdingTodo.length > 0 ? `${todoText(view.holdingTodo)}\n` : '') +
          formatTable(
            view.distribution.map((d) => ({
              box: d.box,
              label: d.label,
              people: d.actual,
              target: d.targetCount,
            })),
            ['box', 'label', 'people', 'target'],
          ),
      )
      return 0
    }
    case 'todo': {
      const view = await client.call('calibration.show', { sessionId: requireSession(sessionArg, 'todo') })
      const groups = view.holdingTodo ?? []
      print(groups, todoText(groups))
      return 0
    }
    case 'resolve': {
      const source = parsePotentialFrom(args.potentialFrom)
      const blendOf = parseBlendOf(args.blendOf)
      const result = await client.call('calibration.setPotentialSource', {
        sessionId: requireSession(sessionArg, 'resolve'),
        source: source ?? 'agility',
        ...(blendOf ? { blendOf } : {}),
      })
      print(
        result,
        result.step === 0
          ? `Potential already comes from ${source}: ${result.placed} placed, ${result.held} held.`
          : `Potential now from ${source} (step ${result.step}): ${result.placed} placed, ${result.held} held.`,
      )
      return 0
    }
    case 'move': {
      const result = await client.call('calibration.move', {
        sessionId: requireSession(sessionArg, 'move'),
        employeeIds: args.person,
        box: Number(args.box),
        reasonCode: moveReasonCode.parse(args.reasonCode ?? 'other'),
        reason: args.reason ?? '',
      })
      print(result, `Moved ${result.moved} to box ${args.box} (step ${result.step}).`)
      return 0
    }
    case 'undo':
    case 'redo': {
      const result = await client.call(`calibration.${sub}`, { sessionId: requireSession(sessionArg, sub) })
      print(
        result,
        result.step === null
          ? `Nothing to ${sub}.`
          : `${sub === 'undo' ? 'Undid' : 'Redid'} step ${result.step}.`,
      )
      return 0
    }
    case 'finalize': {
      const result = await client.call('calibration.setStatus', {
        sessionId: requireSession(sessionArg, 'finalize'),
        status: 'finalized',
      })
      print(result, 'The session is finalized (read-only).')
      return 0
    }
    case 'import-proposals':
      return importProposals(client, args, print)
    case 'export': {
      const path = resolve(args.out ?? '')
      if (args.into !== undefined) {
        const result = await client.call('calibration.exportInto', {
          sessionId: requireSession(sessionArg, 'export'),
          sourcePath: resolve(args.into),
          path,
        })
        print(
          { path: result.path, sheet: result.sheet, people: result.people, changed: result.changed },
          english(
            message('calibration.into.written', {
              file: result.path ?? result.fileName,
              count: result.people,
              changed: result.changed,
            }),
          ),
        )
        return 0
      }
      const result = await client.call('calibration.export', {
        sessionId: requireSession(sessionArg, 'export'),
        kind: args.preRead ? 'pre-read' : 'results',
        path,
      })
      print({ path: result.path }, `Wrote ${result.path}`)
      return 0
    }
    default:
      throw new AppError(
        'INVALID_INPUT',
        'Usage: ninefold calibration create|list|show|todo|resolve|move|undo|redo|finalize|export|import-proposals … (see ninefold --help).',
      )
  }
}
