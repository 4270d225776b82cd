// What the column benchmarks run against a workspace made by `ninefold demo` share: the services opened on it with
// its key file, an in-process client, and the median of timed runs after a warm-up.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readKeyFile } from '../src/main/keys/keyMaterial'
import { createServices, type Services } from '../src/main/services/createServices'
import { createInProcessTransport } from '../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../src/shared/rpc/client'
import type { CalibrationSettings } from '../src/shared/contract/calibration'
import type { CalibrationInput } from '../src/core/calibration/calibrate'
import { assignPseudonyms } from '../src/core/calibration/pseudonyms'
import type { WorkspaceDb } from '../src/main/db/openWorkspaceDb'
import { cycleById, loadMembers } from '../src/main/services/calibration/loadPopulation'
import { sessionRow, type SessionRow } from '../src/main/services/calibration/sessionRecord'

export const median = (runs: number[]): number =>
  [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number

/** The median of `runs` timed calls of `fn`, after one untimed call (the first also compiles). */
export const timed = (runs: number, fn: () => unknown): number => {
  fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

/** The workspace and key file named on the command line, opened; `usage` is said when either is missing. */
export function openBenchWorkspace(usage: string): { services: Services; client: Client } {
  const [workspace, keyFile] = process.argv.slice(2)
  if (!workspace || !keyFile) throw new Error(`usage: ${usage} WORKSPACE KEY_FILE`)
  const services = createServices({
    shell: 'test',
    version: 'bench',
    dataDirectory: mkdtempSync(join(tmpdir(), 'ninefold-bench-workspace-')),
    actor: 'bench',
    now: () => new Date('2026-11-01T09:00:00Z'),
    onInternalError: () => undefined,
  })
  services.session.open(workspace, readKeyFile(keyFile), 'key-file')
  return { services, client: createClient(createInProcessTransport(services)) }
}

/** A stored session's view and what the calibration core takes for it (no moves, not blind), read from `db`. */
export function sessionCoreInput(
  db: WorkspaceDb,
  sessionId: string,
): { row: SessionRow; input: CalibrationInput } {
  const row = sessionRow(db, sessionId)
  const people = loadMembers(db, row.id)
  return {
    row,
    input: {
      people,
      cycle: cycleById(db, row.cycle_id),
      settings: JSON.parse(row.settings_json) as CalibrationSettings,
      moves: [],
      flagStates: [],
      discussed: new Set<string>(),
      pseudonyms: assignPseudonyms(
        row.id,
        people.map((p) => p.employeeId),
      ),
      blind: false,
    },
  }
}
