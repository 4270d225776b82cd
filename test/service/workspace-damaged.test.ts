import Database from 'better-sqlite3-multiple-ciphers'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'
import { openWorkspaceSnapshot } from '../../src/main/db/openWorkspaceDb'
import { verifyWorkspace } from '../../src/main/db/verifyWorkspace'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient } from '../../src/shared/rpc/client'
import { dataKeyOf, demoWorkspace, PASSPHRASE, testServices } from '../support/services'
const PAGE = 4096

/**
 * One workspace with a verified automatic backup and free pages (learning records deleted, no VACUUM), closed so
 * its file holds everything; each test damages a copy of it in place and checks what Ninefold says and that the
 * damaged file is never written to.
 */
describe('a damaged workspace says so', () => {
  let pristine: Buffer
  let dir: string
  let path: string
  let backupPath: string
  let peoplePage: number
  let freePage: number

  // One directory for the whole file: the damaged copies go where the workspace's backups are found.
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ninefold-test-'))
    const { services, client } = await demoWorkspace(dir, { name: 'Damaged', people: 150, seed: 5 })
    path = services.session.requireOpen().path
    backupPath = (await client.call('workspace.backup', {})).path
    services.session.db.exec('DELETE FROM learning_records')
    services.dispose()
    pristine = readFileSync(path)
    const db = openWorkspaceSnapshot(path, dataKeyOf(path))
    const inUse = new Set(
      (db.prepare('SELECT pageno FROM dbstat').all() as { pageno: number }[]).map((r) => r.pageno),
    )
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(2)
    peoplePage = (
      db.prepare("SELECT max(pageno) AS n FROM dbstat WHERE name = 'people' AND pagetype = 'leaf'").get() as {
        n: number
      }
    ).n
    db.close()
    const pages = pristine.length / PAGE
    freePage = [...Array(pages).keys()].map((i) => pages - i).find((n) => !inUse.has(n)) ?? 0
    expect(freePage).toBeGreaterThan(1)
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** Puts the damaged bytes at the workspace's own path (its automatic backups are found by that path). */
  const damage = (change: (bytes: Buffer) => Buffer): Buffer => {
    const bytes = change(Buffer.from(pristine))
    writeFileSync(path, bytes)
    return bytes
  }
  const flip = (offset: number) => (bytes: Buffer) => {
    bytes[offset] = (bytes[offset] ?? 0) ^ 0x01
    return bytes
  }
  const session = () => {
    const services = testServices(dir)
    return { services, client: createClient(createInProcessTransport(services)) }
  }

  it('a whole workspace verifies whole', async () => {
    damage((b) => b)
    const { services, client } = session()
    await client.call('workspace.open', { path, passphrase: PASSPHRASE })
    const result = await client.call('workspace.verify')
    services.dispose()
    expect(result).toMatchObject({ path, whole: true, findings: [], schemaVersion: LATEST_SCHEMA_VERSION })
    expect(result.pages).toBe(pristine.length / PAGE)
  })

  it('truncated by 4 KB: WORKSPACE_DAMAGED on open, naming the file and its newest verified backup', async () => {
    const bytes = damage((b) => b.subarray(0, b.length - PAGE))
    const { services, client } = session()
    await expect(client.call('workspace.open', { path, passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'WORKSPACE_DAMAGED',
      message: `${path} is damaged: it holds ${bytes.length / PAGE} pages where the database needs ${pristine.length / PAGE}: the file was cut short. Nothing was written to it. The newest backup that checks out is ${backupPath}, made 2026-11-01T09:00:00.000Z: restore it to carry on.`,
      details: { path, reason: 'TRUNCATED', backup: backupPath },
    })
    expect(services.session.status()).toEqual({ open: false })
    services.dispose()
    expect(readFileSync(path).equals(bytes)).toBe(true)
    expect(verifyWorkspace(path, dataKeyOf(path), LATEST_SCHEMA_VERSION)).toMatchObject({
      whole: false,
      findings: [{ code: 'TRUNCATED' }],
    })
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  it('a flipped byte in a used page: the workspace opens, the first query reaching the page is WORKSPACE_DAMAGED, never INTERNAL', async () => {
    const bytes = damage(flip((peoplePage - 1) * PAGE + 1000))
    const { services, client } = session()
    await client.call('workspace.open', { path, passphrase: PASSPHRASE })
    await expect(client.call('people.list', { limit: 1000, offset: 0 })).rejects.toMatchObject({
      code: 'WORKSPACE_DAMAGED',
      message: expect.stringContaining(`${path} is damaged: SQLite reports: `) as unknown,
      details: { path, reason: 'MALFORMED', backup: backupPath },
    })
    // Closed at the first sign, so nothing more can be written to it.
    expect(services.session.status()).toEqual({ open: false })
    services.dispose()
    expect(readFileSync(path).equals(bytes)).toBe(true)
    const found = verifyWorkspace(path, dataKeyOf(path), LATEST_SCHEMA_VERSION)
    expect(found.whole).toBe(false)
    expect(found.findings[0]?.code).toBe('PAGES_FAILED')
    expect(found.findings.slice(1).map((f) => f.code)).toContain('MALFORMED')
    expect(found.findings[0]?.message).toBe(`pages failing their authentication check: ${peoplePage}`)
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  it('a flipped byte in a free page: everything reads, and verify finds it', async () => {
    const bytes = damage(flip((freePage - 1) * PAGE + 2000))
    const { services, client } = session()
    await client.call('workspace.open', { path, passphrase: PASSPHRASE })
    expect((await client.call('people.list', { limit: 1000, offset: 0 })).total).toBe(150)
    const result = await client.call('workspace.verify')
    services.dispose()
    expect(result.whole).toBe(false)
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: 'PAGES_FAILED',
        message: `pages failing their authentication check: ${freePage}`,
      }),
    ])
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  it('a damaged first page is WORKSPACE_DAMAGED, not a wrong key', async () => {
    const bytes = damage(flip(300))
    const { services, client } = session()
    await expect(client.call('workspace.open', { path, passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'WORKSPACE_DAMAGED',
      details: { reason: 'FIRST_PAGE', backup: backupPath },
    })
    services.dispose()
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  it('a file of the wrong length', async () => {
    const bytes = damage((b) => Buffer.concat([b, Buffer.alloc(100, 0x20)]))
    const { services, client } = session()
    await expect(client.call('workspace.open', { path, passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'WORKSPACE_DAMAGED',
      message: expect.stringContaining(
        `${path} is damaged: its length (${bytes.length} bytes) is not a whole number of 512-byte pages.`,
      ) as unknown,
      details: { reason: 'WRONG_LENGTH' },
    })
    services.dispose()
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  it("another app's file renamed .ninefold: a plain SQLite database, a PNG", async () => {
    const plain = join(dir, 'plain.ninefold')
    const sqlite = new Database(plain)
    sqlite.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    sqlite.close()
    const png = join(dir, 'picture.ninefold')
    copyFileSync(join(import.meta.dirname, '../../resources/icon.png'), png)
    for (const [file, kind] of [
      [plain, 'an unencrypted SQLite database'],
      [png, 'a PNG image'],
    ] as const) {
      const before = readFileSync(file)
      const { services, client } = session()
      await expect(
        client.call('workspace.open', { path: file, passphrase: PASSPHRASE }),
      ).rejects.toMatchObject({
        code: 'WORKSPACE_DAMAGED',
        message: `${file} is damaged: it is ${kind}, not a Ninefold workspace. Nothing was written to it, and none of its automatic backups checks out: restore a copy you keep elsewhere.`,
        details: { reason: 'FOREIGN_FILE', backup: null },
      })
      services.dispose()
      expect(readFileSync(file).equals(before)).toBe(true)
    }
  })

  it('restores the offered backup in place of a workspace too damaged to open, keeping the damaged file aside as it was', async () => {
    const { services, client } = session()
    damage((b) => b)
    await expect(
      client.call('workspace.restoreDamaged', { path, backup: backupPath, passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `${path} is whole: restore a backup from its Workspace screen instead.`,
    })
    const bytes = damage((b) => b.subarray(0, b.length - PAGE))
    const offered = await client
      .call('workspace.open', { path, passphrase: PASSPHRASE })
      .catch((e: unknown) => e)
    expect(offered).toMatchObject({ code: 'WORKSPACE_DAMAGED', details: { backup: backupPath } })
    const restored = await client.call('workspace.restoreDamaged', {
      path,
      backup: backupPath,
      passphrase: PASSPHRASE,
    })
    expect(restored.workspace).toMatchObject({ path, peopleCount: 150 })
    expect(restored.keptAs).toMatch(/damaged\.ninefold\.damaged-\d{8}T\d{9}Z$/)
    expect(readFileSync(restored.keptAs).equals(bytes)).toBe(true)
    expect((await client.call('workspace.verify')).whole).toBe(true)
    services.dispose()
  })
})
