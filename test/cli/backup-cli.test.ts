import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { useTempDirs } from '../support/tempDir'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'

const tempDir = useTempDirs()

describe('ninefold backup / restore', () => {
  it('backs up a workspace, restores it after a change, and refuses a damaged backup with exit 2', async () => {
    const dir = tempDir()
    const ws = [
      '--workspace',
      join(dir, 'demo.ninefold'),
      '--key-file',
      join(dir, 'demo.key'),
      '--data-dir',
      dir,
    ]
    expect((await cli(['demo', '--people', '200', '--seed', '3', ...ws])).code).toBe(0)

    const out = join(dir, 'copy.ninefold')
    const backedUp = await cli(['backup', '--out', out, ...ws, '--json'])
    expect(backedUp.code).toBe(0)
    expect(JSON.parse(backedUp.stdout)).toMatchObject({
      path: out,
      check: { people: 200, schemaVersion: LATEST_SCHEMA_VERSION },
    })
    const text = await cli(['backup', '--out', join(dir, 'copy2.ninefold'), ...ws])
    expect(text.stdout).toMatch(
      new RegExp(
        `^Backed up "Demo organisation" \\(200 people, schema ${LATEST_SCHEMA_VERSION}\\) to .*copy2\\.ninefold; verified`,
      ),
    )

    const listed = await cli(['people', 'list', '--limit', '1', ...ws, '--json'])
    const [first] = (JSON.parse(listed.stdout) as { rows: { employeeId: string }[] }).rows
    const employeeId = first?.employeeId ?? ''
    expect((await cli(['person', 'erase', employeeId, '--reason', 'test request', ...ws])).code).toBe(0)

    const restored = await cli(['restore', out, ...ws, '--json'])
    expect(restored.code).toBe(0)
    const result = JSON.parse(restored.stdout) as { workspace: { peopleCount: number }; keptAs: string }
    expect(result.workspace.peopleCount).toBe(200)
    expect(existsSync(result.keptAs)).toBe(true)
    const info = await cli(['workspace', 'info', ...ws, '--json'])
    expect(JSON.parse(info.stdout)).toMatchObject({ peopleCount: 200 })

    const damaged = join(dir, 'damaged.ninefold')
    const bytes = readFileSync(out)
    bytes[bytes.length - 3000] = (bytes[bytes.length - 3000] ?? 0) ^ 0xff
    writeFileSync(damaged, bytes)
    const refused = await cli(['restore', damaged, ...ws, '--json'])
    expect(refused.code).toBe(2)
    expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: 'BACKUP_INVALID' } })
    expect(await cli(['backup', ...ws])).toMatchObject({
      code: 2,
      stderr: 'ninefold: Usage: ninefold backup --out FILE.',
    })
  })
})
