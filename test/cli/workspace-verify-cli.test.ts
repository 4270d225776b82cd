import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspaceSnapshot } from '../../src/main/db/openWorkspaceDb'
import { readKeyFile } from '../../src/main/keys/keyMaterial'
import { cli } from '../support/cli'
import { testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const PAGE = 4096

describe('ninefold workspace verify, and damaged workspaces on the command line', () => {
  it('finds truncation, a flipped byte and a foreign file (exit 2, --json), never writes to them, and prints the restore command that works', async () => {
    const dir = tempDir()
    const path = join(dir, 'demo.ninefold')
    const keyFile = join(dir, 'demo.key')
    const ws = ['--workspace', path, '--key-file', keyFile, '--data-dir', dir]
    expect((await cli(['demo', '--people', '120', '--seed', '4', ...ws])).code).toBe(0)
    // An automatic backup, as an import or upgrade would leave one.
    const services = testServices(dir)
    services.session.open(path, readKeyFile(keyFile), 'key-file')
    const backup = services.backups.rollingBackup('manual').path
    services.dispose()

    const whole = await cli(['workspace', 'verify', ...ws])
    expect(whole.code).toBe(0)
    expect(whole.stdout).toMatch(
      /^Whole: all \d+ pages of .*demo\.ninefold authenticate, the database is sound/,
    )

    const pristine = readFileSync(path)
    const truncated = pristine.subarray(0, pristine.length - PAGE)
    writeFileSync(path, truncated)
    const info = await cli(['workspace', 'info', ...ws])
    expect(info.code).toBe(2)
    const command = `ninefold restore ${backup} --workspace ${path} --key-file ${keyFile} --data-dir ${dir}`
    expect(info.stderr).toBe(
      `ninefold: ${path} is damaged: it holds ${truncated.length / PAGE} pages where the database needs ${pristine.length / PAGE}: the file was cut short. Nothing was written to it. The newest backup that checks out is ${backup}, made ${/\d{8}T\d{9}Z/.exec(backup)?.[0].replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/, '$1-$2-$3T$4:$5:$6.$7Z')}: restore it to carry on.\nTo restore it: ${command}`,
    )
    const verified = await cli(['workspace', 'verify', ...ws, '--json'])
    expect(verified.code).toBe(2)
    expect(JSON.parse(verified.stdout)).toMatchObject({
      path,
      whole: false,
      findings: [{ code: 'TRUNCATED', message: expect.stringContaining('cut short') as unknown }],
    })
    expect(readFileSync(path).equals(truncated)).toBe(true)

    // A flipped byte in a page of the people table: info still answers, listing people does not — typed, not INTERNAL.
    writeFileSync(path, pristine)
    const snapshot = openWorkspaceSnapshot(path, readKeyFile(keyFile))
    const page = (
      snapshot
        .prepare("SELECT max(pageno) AS n FROM dbstat WHERE name = 'people' AND pagetype = 'leaf'")
        .get() as { n: number }
    ).n
    snapshot.close()
    const flipped = Buffer.from(pristine)
    flipped[(page - 1) * PAGE + 500] = (flipped[(page - 1) * PAGE + 500] ?? 0) ^ 0x10
    writeFileSync(path, flipped)
    expect((await cli(['workspace', 'info', ...ws])).code).toBe(0)
    const listed = await cli(['people', 'list', '--limit', '1000', ...ws, '--json'])
    expect(listed.code).toBe(2)
    expect(JSON.parse(listed.stderr)).toMatchObject({
      error: { code: 'WORKSPACE_DAMAGED', details: { reason: 'MALFORMED', backup, restoreCommand: command } },
    })
    const found = await cli(['workspace', 'verify', ...ws])
    expect(found.code).toBe(2)
    expect(found.stdout).toContain(`PAGES_FAILED: pages failing their authentication check: ${page}`)
    expect(readFileSync(path).equals(flipped)).toBe(true)

    // The printed command restores the backup in its place; the damaged file is kept aside, as it was.
    const restored = await cli([...command.split(' ').slice(1), '--json'])
    expect(restored.code).toBe(0)
    const keptAs = (JSON.parse(restored.stdout) as { keptAs: string }).keptAs
    expect(readFileSync(keptAs).equals(flipped)).toBe(true)
    expect((await cli(['workspace', 'verify', ...ws])).code).toBe(0)
    expect(JSON.parse((await cli(['workspace', 'info', ...ws, '--json'])).stdout)).toMatchObject({
      peopleCount: 120,
    })

    // Another app's file: said so, exit 2, untouched.
    const png = join(dir, 'icon.ninefold')
    copyFileSync(join(import.meta.dirname, '../../resources/icon.png'), png)
    const before = readFileSync(png)
    const foreign = await cli(['workspace', 'verify', '--workspace', png, '--key-file', keyFile, '--json'])
    expect(foreign.code).toBe(2)
    expect(JSON.parse(foreign.stdout)).toMatchObject({
      whole: false,
      findings: [{ code: 'FOREIGN_FILE', message: 'it is a PNG image, not a Ninefold workspace' }],
    })
    expect(readFileSync(png).equals(before)).toBe(true)
  }, 120_000)
})
