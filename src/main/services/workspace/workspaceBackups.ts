import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import type { WorkspaceSummary } from '../../../shared/contract'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { readKeySlots, writeKeySlots } from '../../keys/keySlots'
import { copyWorkspace, verifyWorkspaceFile, type WorkspaceFileCheck } from '../../db/workspaceCopy'
import { isDamageError } from '../../db/workspaceHealth'
import { appendAudit } from '../auditLog'
import type { EventBus } from '../eventBus'
import type { ServicePorts } from '../ports'
import {
  backupsKept,
  listBackups,
  writeRollingBackup,
  type BackupReason,
  type RollingBackup,
} from './backups'
import type { Protection, WorkspaceSession } from './workspaceSession'
import type { KeyMaterial } from '../../keys/keyMaterial'

/** Backing up the open workspace, its automatic backups, and restoring one in its place. */
export class WorkspaceBackups {
  constructor(
    private readonly session: WorkspaceSession,
    private readonly ports: ServicePorts,
    private readonly events: EventBus,
  ) {}

  /** An automatic backup of what is committed now (before an import that updates records, before a restore). */
  rollingBackup(reason: BackupReason): RollingBackup {
    const open = this.session.requireOpen()
    // The reader sees only committed data, so this runs beside a long import and keeps the state before it.
    return writeRollingBackup(open.reader, {
      dataDirectory: this.ports.dataDirectory,
      workspacePath: open.path,
      reason,
      at: this.session.now(),
      keep: backupsKept(open.reader),
    })
  }

  list(): RollingBackup[] {
    return listBackups(this.ports.dataDirectory, this.session.requireOpen().path)
  }

  /** A verified, still-encrypted copy of the workspace at `target` (or among the automatic backups). */
  backUp(target: string | undefined): { path: string; check: WorkspaceFileCheck } {
    const open = this.session.requireOpen()
    let path: string
    if (target === undefined) path = this.rollingBackup('manual').path
    else {
      path = resolve(target)
      if (path === open.path)
        throw new AppError('INVALID_INPUT', message('workspace.errors.backupOverWorkspace'))
      copyWorkspace(open.reader, path)
      // A copy taken elsewhere needs the wrapped keys too (passphrase and recovery key open it as they open this).
      const slots = readKeySlots(open.path)
      if (slots) writeKeySlots(path, slots, { create: false })
    }
    const check = verifyWorkspaceFile(path, open.key, LATEST_SCHEMA_VERSION)
    appendAudit(
      open.db,
      { actor: this.ports.actor, action: 'workspace.backup', entityType: 'workspace', after: { path } },
      this.session.now(),
    )
    return { path, check }
  }

  /**
   * Replaces the open workspace with a backup. The backup is verified first (key, every page, schema); the workspace
   * as it is now is kept as an automatic backup; the file is swapped by a rename, so a crash leaves either the old
   * workspace or the restored one, never a mix; if the restored file does not open, the old one is put back.
   */
  restore(backupPath: string): { summary: WorkspaceSummary; check: WorkspaceFileCheck; keptAs: string } {
    this.session.assertIdle()
    const open = this.session.requireOpen()
    const source = resolve(backupPath)
    if (source === open.path) throw new AppError('INVALID_INPUT', message('workspace.errors.openIsNotBackup'))
    const check = verifyWorkspaceFile(source, open.key, LATEST_SCHEMA_VERSION)
    let kept: RollingBackup
    try {
      kept = this.rollingBackup('before-restore')
    } catch (error) {
      // A workspace that opened but is damaged cannot be copied as a backup: it is kept aside as it is instead.
      if (!isDamageError(error)) throw error
      return this.restoreOverDamaged(open.path, open.key, open.protection, source)
    }
    const { path, key, protection } = open
    this.session.release()
    const incoming = `${path}.restoring`
    copyFileSync(source, incoming)
    if (process.platform !== 'win32') chmodSync(incoming, 0o600)
    // The closed workspace's WAL was checkpointed and removed by SQLite; a stale one must never meet the new file.
    for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
    renameSync(incoming, path)
    try {
      this.session.open(path, key, protection)
    } catch (error) {
      copyFileSync(kept.path, path)
      try {
        this.session.open(path, key, protection)
      } catch {
        this.events.emit('workspace.changed', { open: false })
      }
      throw error
    }
    appendAudit(
      this.session.db,
      {
        actor: this.ports.actor,
        action: 'workspace.restore',
        entityType: 'workspace',
        after: { from: source, keptAs: kept.path, schemaVersion: check.schemaVersion },
      },
      this.session.now(),
    )
    return { summary: this.session.summary(), check, keptAs: kept.path }
  }

  /**
   * Restores a backup in place of a workspace too damaged to open (the restore above needs it open). The backup is
   * verified under the same key first; the damaged file is not written to but moved aside, with its write-ahead log,
   * as `<file>.damaged-<time>`, so nothing of it is lost; then the backup is copied in by a rename and opened.
   */
  restoreOverDamaged(
    workspacePath: string,
    key: KeyMaterial,
    protection: Protection,
    backupPath: string,
  ): { summary: WorkspaceSummary; check: WorkspaceFileCheck; keptAs: string } {
    this.session.assertIdle()
    const path = resolve(workspacePath)
    const source = resolve(backupPath)
    if (source === path) throw new AppError('INVALID_INPUT', message('workspace.errors.openIsNotBackup'))
    const check = verifyWorkspaceFile(source, key, LATEST_SCHEMA_VERSION)
    this.session.release()
    const keptAs = `${path}.damaged-${this.session.now().toISOString().replace(/[-:.]/g, '')}`
    const incoming = `${path}.restoring`
    copyFileSync(source, incoming)
    if (process.platform !== 'win32') chmodSync(incoming, 0o600)
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${keptAs}${suffix}`)
    renameSync(incoming, path)
    const summary = this.session.open(path, key, protection)
    appendAudit(
      this.session.db,
      {
        actor: this.ports.actor,
        action: 'workspace.restore',
        entityType: 'workspace',
        after: { from: source, damagedKeptAs: keptAs, schemaVersion: check.schemaVersion },
      },
      this.session.now(),
    )
    return { summary, check, keptAs }
  }
}
