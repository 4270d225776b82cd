import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import {
  assertStrongPassphrase,
  keyFromText,
  passphraseKey,
  randomRawKey,
  type KeyMaterial,
} from '../../keys/keyMaterial'
import type { Handlers } from '../../rpc/dispatcher'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { verifyWorkspace } from '../../db/verifyWorkspace'
import type { MethodName } from '../../../shared/contract'
import { appendAudit } from '../auditLog'
import type { ServicePorts } from '../ports'
import { BACKUPS_KEPT_KEY, backupsKept } from './backups'
import { IDLE_LOCK_KEY, idleLockMinutes, type IdleLock } from './idleLock'
import {
  hasKeychainSidecar,
  readWrappedKey,
  requireSecureKeychain,
  writeWrappedKey,
  removeWrappedKey,
} from './keychainSidecar'
import type { WorkspaceBackups } from './workspaceBackups'
import type { WorkspaceSession } from './workspaceSession'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  keySlotsPath,
  newRecoveryKey,
  normaliseRecoveryKey,
  readKeySlots,
  unwrapKey,
  wrapKey,
  writeKeySlots,
} from '../../keys/keySlots'

type WorkspaceMethod = Extract<MethodName, `workspace.${string}`>

export interface WorkspaceDeps {
  session: WorkspaceSession
  ports: ServicePorts
  idle: IdleLock
  backups: WorkspaceBackups
  now: () => Date
}

/** Creating, opening, locking, backing up and restoring workspaces: the methods about the file itself. */
export function workspaceHandlers(deps: WorkspaceDeps): Pick<Handlers, WorkspaceMethod> {
  const { session, ports, idle, backups, now } = deps
  const keyForOpen = (
    path: string,
    passphrase: string | undefined,
  ): { key: KeyMaterial; protection: 'passphrase' | 'os-keychain' } => {
    if (passphrase !== undefined && passphrase.length > 0) {
      const slots = readKeySlots(path)
      if (!slots?.passphrase) return { key: passphraseKey(passphrase), protection: 'passphrase' }
      const dataKey = unwrapKey(passphrase, slots.passphrase)
      if (!dataKey) throw new AppError('WRONG_KEY', message('workspace.errors.wrongPassphrase'), { path })
      return { key: { kind: 'raw', key: dataKey }, protection: 'passphrase' }
    }
    if (hasKeychainSidecar(path) && ports.osKeychain) {
      return { key: readWrappedKey(path, requireSecureKeychain(ports.osKeychain)), protection: 'os-keychain' }
    }
    throw new AppError('WRONG_KEY', message('workspace.errors.enterPassphrase'), { path })
  }

  const writer = () => {
    session.assertIdle()
    return { db: session.db, actor: ports.actor, now: now() }
  }
  return {
    'workspace.status': () => session.status(),
    'workspace.list': () => session.list(),
    'workspace.create': (input) => {
      session.assertIdle()
      const path = input.path ?? session.defaultPathFor(input.name)
      if (input.protection === 'os-keychain') {
        const keychain = requireSecureKeychain(ports.osKeychain)
        const key = randomRawKey()
        if (key.kind !== 'raw') throw new Error('unreachable')
        // The wrapped key is written before the workspace exists: a workspace whose key is only in memory is lost
        // the moment it closes.
        const recoveryKey = newRecoveryKey()
        writeKeySlots(path, { version: 1, recovery: wrapKey(recoveryKey, key.key) }, { create: true })
        try {
          writeWrappedKey(path, keychain, key)
          return {
            ...session.create({ name: input.name, path, key, protection: 'os-keychain' }),
            recoveryKey,
          }
        } catch (error) {
          removeWrappedKey(path)
          rmSync(keySlotsPath(path), { force: true })
          throw error
        }
      }
      const passphrase = assertStrongPassphrase(input.passphrase)
      // A random data key, wrapped by the passphrase and by a recovery key: either one opens the workspace.
      const key = randomRawKey()
      if (key.kind !== 'raw') throw new Error('unreachable')
      const recoveryKey = newRecoveryKey()
      writeKeySlots(
        path,
        { version: 1, passphrase: wrapKey(passphrase, key.key), recovery: wrapKey(recoveryKey, key.key) },
        { create: true },
      )
      try {
        return { ...session.create({ name: input.name, path, key, protection: 'passphrase' }), recoveryKey }
      } catch (error) {
        rmSync(keySlotsPath(path), { force: true })
        throw error
      }
    },
    'workspace.recover': (input) => {
      session.assertIdle()
      const path = resolve(input.path)
      const slots = readKeySlots(path)
      if (!slots?.recovery)
        throw new AppError('KEY_UNAVAILABLE', message('workspace.errors.noRecoveryKey'), { path })
      const dataKey = unwrapKey(normaliseRecoveryKey(input.recoveryKey), slots.recovery)
      if (!dataKey) throw new AppError('WRONG_KEY', message('workspace.errors.wrongRecoveryKey'), { path })
      const next = assertStrongPassphrase(input.newPassphrase)
      // Proven by opening before anything is rewritten; the data key itself never changes, so nothing is re-encrypted.
      session.open(path, { kind: 'raw', key: dataKey }, 'passphrase')
      writeKeySlots(path, { ...slots, passphrase: wrapKey(next, dataKey) }, { create: false })
      // A keychain entry that no longer opens it is gone for good: the passphrase is the way in from now on.
      removeWrappedKey(path)
      const { db, actor, now: at } = writer()
      appendAudit(db, { actor, action: 'workspace.recover', entityType: 'workspace' }, at)
      return session.summary()
    },
    'workspace.open': (input) => {
      session.assertIdle()
      const { key, protection } = keyForOpen(input.path, input.passphrase)
      return session.open(input.path, key, protection)
    },
    'workspace.close': () => {
      session.assertIdle()
      return { closed: session.close() }
    },
    'workspace.backup': (input) => backups.backUp(input.path),
    'workspace.backups': () => ({ keep: backupsKept(session.reader), backups: backups.list() }),
    'workspace.setBackupsKept': (input) => {
      const { db, actor, now: at } = writer()
      db.transaction(() => {
        db.prepare('INSERT OR REPLACE INTO workspace_meta (key, value) VALUES (?, ?)').run(
          BACKUPS_KEPT_KEY,
          String(input.keep),
        )
        appendAudit(
          db,
          { actor, action: 'workspace.setBackupsKept', entityType: 'workspace', after: input },
          at,
        )
      })()
      return { keep: input.keep }
    },
    'workspace.restore': (input) => {
      const { summary, check, keptAs } = backups.restore(input.path)
      return { workspace: summary, check, keptAs }
    },
    'workspace.restoreDamaged': (input) => {
      session.assertIdle()
      const path = resolve(input.path)
      const { key, protection } = keyForOpen(path, input.passphrase)
      // Only for a file that is damaged: a whole workspace is restored the ordinary way, with a backup of it first.
      if (verifyWorkspace(path, key, LATEST_SCHEMA_VERSION).whole)
        throw new AppError('INVALID_INPUT', message('workspace.errors.notDamaged', { path }), { path })
      const restored = backups.restoreOverDamaged(path, key, protection, input.backup)
      return { workspace: restored.summary, check: restored.check, keptAs: restored.keptAs }
    },
    'workspace.verify': () => {
      const open = session.requireOpen()
      // Read-only, beside the open connections: pages still in the write-ahead log are read through SQLite.
      return verifyWorkspace(open.path, open.key, LATEST_SCHEMA_VERSION)
    },
    'workspace.lock': () => ({ locked: session.lock() }),
    'workspace.unlock': (input) => {
      const locked = session.lockedWorkspace
      if (!locked) throw new AppError('INVALID_INPUT', message('workspace.errors.notLocked'))
      const secret = input.passphrase ?? ''
      if (secret.length === 0 && locked.protection !== 'os-keychain')
        throw new AppError('WRONG_KEY', message('workspace.errors.enterToUnlock'))
      const key =
        locked.protection === 'key-file' ? keyFromText(secret) : keyForOpen(locked.path, input.passphrase).key
      const summary = session.unlock(key)
      idle.touch()
      return summary
    },
    'workspace.activity': () => {
      idle.touch()
      return { idleLockMinutes: idleLockMinutes(session.reader) }
    },
    'workspace.setIdleLock': (input) => {
      const { db, actor, now: at } = writer()
      db.transaction(() => {
        db.prepare('INSERT OR REPLACE INTO workspace_meta (key, value) VALUES (?, ?)').run(
          IDLE_LOCK_KEY,
          String(input.minutes),
        )
        appendAudit(db, { actor, action: 'workspace.setIdleLock', entityType: 'workspace', after: input }, at)
      })()
      return { idleLockMinutes: input.minutes }
    },
    'workspace.changePassphrase': (input) => {
      session.assertIdle()
      const next = assertStrongPassphrase(input.next)
      const path = session.requireOpen().path
      const slots = readKeySlots(path)
      if (!slots?.passphrase) return session.changePassphrase(input.current, passphraseKey(next)) // made before key slots: re-encrypt
      const dataKey = unwrapKey(input.current, slots.passphrase)
      if (!dataKey)
        throw new AppError('WRONG_KEY', message('workspace.errors.notCurrentPassphrase'), { path })
      writeKeySlots(path, { ...slots, passphrase: wrapKey(next, dataKey) }, { create: false })
      const { db, actor, now: at } = writer()
      appendAudit(db, { actor, action: 'workspace.changePassphrase', entityType: 'workspace' }, at)
      return session.summary()
    },
  }
}
