import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { KeyMaterial } from '../../keys/keyMaterial'
import type { OsKeychain } from '../ports'

/** The workspace's random key, wrapped by the OS keychain, lives beside the workspace file. */
export const keychainSidecarPath = (workspacePath: string): string => `${workspacePath}.keychain`

export function hasKeychainSidecar(workspacePath: string): boolean {
  return existsSync(keychainSidecarPath(workspacePath))
}

export function requireSecureKeychain(keychain: OsKeychain | undefined): OsKeychain {
  const status = keychain?.status() ?? 'unsupported'
  if (!keychain || status === 'unsupported') {
    throw new AppError('KEY_UNAVAILABLE', message('workspace.errors.noKeychain'))
  }
  if (status === 'insecure-backend') {
    throw new AppError('KEY_UNAVAILABLE', message('workspace.errors.insecureKeychain'))
  }
  return keychain
}

export function writeWrappedKey(
  workspacePath: string,
  keychain: OsKeychain,
  key: KeyMaterial & { kind: 'raw' },
): void {
  const sidecar = keychainSidecarPath(workspacePath)
  if (existsSync(sidecar)) {
    // It may hold the only key of a workspace that was moved: never overwrite it.
    throw new AppError('WORKSPACE_EXISTS', message('workspace.errors.sidecarExists', { path: sidecar }), {
      path: sidecar,
    })
  }
  mkdirSync(dirname(workspacePath), { recursive: true })
  writeFileSync(sidecar, keychain.wrap(key.key), { mode: 0o600, flag: 'wx' })
}

export function readWrappedKey(workspacePath: string, keychain: OsKeychain): KeyMaterial {
  try {
    return { kind: 'raw', key: keychain.unwrap(readFileSync(keychainSidecarPath(workspacePath))) }
  } catch {
    throw new AppError('WRONG_KEY', message('workspace.errors.keychainFailed'), { path: workspacePath })
  }
}

export function removeWrappedKey(workspacePath: string): void {
  rmSync(keychainSidecarPath(workspacePath), { force: true })
}
