import { describeError, exitCodeFor, runCli } from './index'

const output = {
  json: process.argv.includes('--json'),
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
}

runCli(process.argv.slice(2), output)
  .then((code) => {
    process.exitCode = code
  })
  .catch((error: unknown) => {
    process.stderr.write(`${describeError(error, output.json)}\n`)
    process.exitCode = exitCodeFor(error)
  })
