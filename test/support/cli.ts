import { describeError, exitCodeFor, runCli } from '../../src/main/cli/index'

/** Runs the CLI in-process with captured output; exit codes follow the same mapping as the real binary. */
export async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = { json: false, lines: [] as string[], errors: [] as string[] }
  const io = {
    json: false,
    out: (t: string) => output.lines.push(t),
    err: (t: string) => output.errors.push(t),
  }
  try {
    const code = await runCli(args, io, env)
    return { code, stdout: output.lines.join('\n'), stderr: output.errors.join('\n') }
  } catch (error) {
    return {
      code: exitCodeFor(error),
      stdout: output.lines.join('\n'),
      stderr: describeError(error, args.includes('--json')),
    }
  }
}
