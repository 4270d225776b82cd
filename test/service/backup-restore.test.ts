import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { openWorkspaceDb, openWorkspaceSnapshot } from '../../src/main/db/openWorkspaceDb'
import { passphraseKey } from '../../src/main/keys/keyMaterial'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { dataKeyOf, PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'

const tempDir = useTempDirs()

describe('backup and restore', () => {
  let services: Services
  let client: Client
  let dir: string
  let workspacePath: string
  beforeEach(async () => {
    dir = tempDir()
    services = testServices(dir)
    client = createClient(createInProcessTransport(services))
    workspacePath = (await client.call('workspace.create', { name: 'Backed up', passphrase: PASSPHRASE }))
      .path
    await client.call('demo.populate', { people: 200, seed: 3 })
  })
  afterEach(() => services.dispose())

  const people = (): number =>
    (services.session.reader.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
  const someone = (): { id: string; name: string } =>
    services.session.reader
      .prepare('SELECT employee_id AS id, full_name AS name FROM people ORDER BY id LIMIT 1')
      .get() as { id: string; name: string }

  it('writes a still-encrypted copy that opens with the same key and passes the integrity check, while the workspace is open', async () => {
    const out = join(dir, 'copy.ninefold')
    const { path, check } = await client.call('workspace.backup', { path: out })
    expect(path).toBe(out)
    expect(check).toMatchObject({ name: 'Backed up', people: 200, schemaVersion: LATEST_SCHEMA_VERSION })
    // Its wrapped keys go with it, so the passphrase (or the recovery key) opens the copy anywhere.
    expect(readFileSync(`${out}.keys`, 'utf8')).toBe(readFileSync(`${workspacePath}.keys`, 'utf8'))
    const bytes = readFileSync(out)
    expect(bytes.includes(Buffer.from(someone().name))).toBe(false)
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0')
    const copy = openWorkspaceSnapshot(out, dataKeyOf(workspacePath))
    expect(copy.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
    expect(copy.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 200 })
    copy.close()
    expect(() => openWorkspaceSnapshot(out, passphraseKey('another passphrase entirely'))).toThrow(
      /does not open this workspace/,
    )
    // The workspace stayed open and usable.
    expect(people()).toBe(200)
    await expect(client.call('workspace.backup', { path: workspacePath })).rejects.toThrow(
      'A backup cannot replace the workspace itself.',
    )
  })

  it('restores a backup, keeping the replaced workspace as a backup of its own', async () => {
    const out = join(dir, 'before-erasure.ninefold')
    await client.call('workspace.backup', { path: out })
    const erased = someone()
    await client.call('privacy.erase', { employeeId: erased.id, reason: 'a test of restore' })
    expect(people()).toBe(199)

    const restored = await client.call('workspace.restore', { path: out })
    expect(restored.workspace).toMatchObject({ path: workspacePath, peopleCount: 200 })
    expect(people()).toBe(200)
    expect(someone()).toEqual(erased)
    // The replaced state (199 people) is an automatic backup, and it is listed.
    const kept = openWorkspaceSnapshot(restored.keptAs, dataKeyOf(workspacePath))
    expect(kept.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 199 })
    kept.close()
    const { backups } = await client.call('workspace.backups')
    expect(backups.map((b) => [b.path, b.reason])).toContainEqual([restored.keptAs, 'before-restore'])
    const log = services.session.reader
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'workspace.%' ORDER BY id")
      .all()
      .map((r) => (r as { action: string }).action)
    // The copy was taken before its own "backup" entry was written: the restored log has the restore after it.
    expect(log).toEqual(['workspace.create', 'workspace.restore'])
  })

  it('refuses a damaged, foreign or newer backup before touching anything', async () => {
    const good = join(dir, 'good.ninefold')
    await client.call('workspace.backup', { path: good })
    const damaged = join(dir, 'damaged.ninefold')
    const bytes = readFileSync(good)
    bytes[bytes.length - 3000] = (bytes[bytes.length - 3000] ?? 0) ^ 0xff
    writeFileSync(damaged, bytes)

    const foreignDir = tempDir()
    const other = testServices(foreignDir)
    const otherClient = createClient(createInProcessTransport(other))
    const foreign = (
      await otherClient.call('workspace.create', { name: 'Other', passphrase: 'a different passphrase' })
    ).path
    other.dispose()

    const newer = join(dir, 'newer.ninefold')
    copyFileSync(good, newer)
    const db = openWorkspaceDb(newer, dataKeyOf(workspacePath), { create: false })
    db.pragma('user_version = 99')
    db.close()

    const before = (await client.call('workspace.backups')).backups.length
    await expect(client.call('workspace.restore', { path: damaged })).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
      message: expect.stringMatching(/damaged|does not open/),
    })
    await expect(client.call('workspace.restore', { path: foreign })).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
      message: `${foreign} does not open with this workspace's key: it is a backup of another workspace, was taken under an earlier passphrase, or is damaged. Nothing was changed.`,
    })
    await expect(client.call('workspace.restore', { path: newer })).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
      message: `${newer} was written by a newer Ninefold (schema 99; this version knows up to ${LATEST_SCHEMA_VERSION}). Nothing was changed.`,
    })
    await expect(
      client.call('workspace.restore', { path: join(dir, 'missing.ninefold') }),
    ).rejects.toMatchObject({
      code: 'WORKSPACE_NOT_FOUND',
    })
    expect(people()).toBe(200)
    expect((await client.call('workspace.backups')).backups.length).toBe(before)
  })

  it('keeps the newest N automatic backups', async () => {
    await client.call('workspace.setBackupsKept', { keep: 2 })
    const made = []
    for (let i = 0; i < 3; i++) made.push((await client.call('workspace.backup')).path)
    const { keep, backups } = await client.call('workspace.backups')
    expect(keep).toBe(2)
    expect(backups.map((b) => b.path)).toEqual([made[2], made[1]])
    expect(existsSync(made[0] ?? '')).toBe(false)
    expect(backups.every((b) => b.reason === 'manual' && b.sizeBytes > 0)).toBe(true)
  })

  it('backs up before an import that updates existing records, and not before one that only adds', async () => {
    const { id, name } = someone()
    const adds = join(dir, 'new.csv')
    writeFileSync(adds, 'Employee ID,Full name\nNEW-1,New Person\n')
    await client.call('import.commit', { path: adds, kind: 'people' })
    expect((await client.call('workspace.backups')).backups).toEqual([])

    const updates = join(dir, 'rename.csv')
    writeFileSync(updates, `Employee ID,Full name\n${id},Renamed Person\n`)
    const result = await client.call('import.commit', { path: updates, kind: 'people' })
    expect(result.rows.updated).toBe(1)
    const { backups } = await client.call('workspace.backups')
    expect(backups.map((b) => b.reason)).toEqual(['before-import'])
    // The backup holds the state before the batch: the old name, and the person the first import added.
    const copy = openWorkspaceSnapshot(backups[0]?.path ?? '', dataKeyOf(workspacePath))
    expect(copy.prepare('SELECT full_name AS n FROM people WHERE employee_id = ?').get(id)).toEqual({
      n: name,
    })
    expect(copy.prepare("SELECT count(*) AS n FROM people WHERE employee_id = 'NEW-1'").get()).toEqual({
      n: 1,
    })
    copy.close()
  })

  it('backs up a workspace from an older Ninefold before migrating it', async () => {
    services.dispose()
    const oldPath = join(dir, 'old.ninefold')
    const db = openWorkspaceDb(oldPath, passphraseKey(PASSPHRASE), { create: true })
    migrate(db, 8)
    db.prepare("INSERT INTO workspace_meta (key, value) VALUES ('name', 'Old')").run()
    db.close()
    services = testServices(dir)
    client = createClient(createInProcessTransport(services))
    const opened = await client.call('workspace.open', { path: oldPath, passphrase: PASSPHRASE })
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    const { backups } = await client.call('workspace.backups')
    expect(backups.map((b) => b.reason)).toEqual(['before-migration'])
    const copy = openWorkspaceSnapshot(backups[0]?.path ?? '', passphraseKey(PASSPHRASE))
    expect(copy.pragma('user_version', { simple: true })).toBe(8)
    copy.close()
    // Opening it again (nothing to migrate) makes no further backup.
    await client.call('workspace.close')
    await client.call('workspace.open', { path: oldPath, passphrase: PASSPHRASE })
    expect((await client.call('workspace.backups')).backups.length).toBe(1)
  })
})
