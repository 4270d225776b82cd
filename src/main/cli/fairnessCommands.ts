import { resolve } from 'node:path'
import type { FairnessAudit } from '../../shared/contract'
import { AppError } from '../../shared/result'
import type { Client } from '../../shared/rpc/client'
import type { CliArgs } from './args'

interface Output {
  json: boolean
  out: (text: string) => void
}

/** `fairness audit SESSION` and `fairness export SESSION --out FILE.xlsx`, checked before the workspace opens. */
export function checkFairnessArgs(sub: string | undefined, args: CliArgs): void {
  if ((sub !== 'audit' && sub !== 'export') || !args.command[2])
    throw new AppError('INVALID_INPUT', 'Usage: ninefold fairness audit|export SESSION [--out FILE.xlsx].')
  if (sub === 'export' && !args.out?.toLowerCase().endsWith('.xlsx'))
    throw new AppError('INVALID_INPUT', 'Say where to write: --out FILE.xlsx.')
}

function describeAudit(audit: FairnessAudit): string {
  const lines = [
    `Fairness audit of ${audit.sessionName} (${audit.cycle}, as of ${audit.asOf}): ${audit.people} people.`,
    `Attributes: ${audit.attributes.map((a) => `${a.label} (${a.recorded} recorded)`).join(', ') || 'none recorded'}.`,
  ]
  lines.push(
    ...(audit.warnings.length === 0 ? ['No finding needs a look.'] : audit.warnings.map((w) => `- ${w}`)),
  )
  return lines.join('\n')
}

export async function runFairness(client: Client, args: CliArgs, output: Output): Promise<number> {
  const [, sub, sessionId = ''] = args.command
  if (sub === 'audit') {
    const audit = await client.call('fairness.audit', { sessionId })
    output.out(output.json ? JSON.stringify(audit) : describeAudit(audit))
    return 0
  }
  const result = await client.call('fairness.export', { sessionId, path: resolve(args.out ?? '') })
  output.out(output.json ? JSON.stringify({ path: result.path }) : `Wrote ${result.path}`)
  return 0
}
