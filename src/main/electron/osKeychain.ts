import type { SafeStorage } from 'electron'
import type { OsKeychain } from '../services/ports'

/** Electron's safeStorage as the services' keychain port. Linux's `basic_text` backend is plain text in disguise. */
export function electronKeychain(safeStorage: SafeStorage): OsKeychain {
  return {
    status() {
      if (!safeStorage.isEncryptionAvailable()) return 'unsupported'
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
        return 'insecure-backend'
      }
      return 'available'
    },
    wrap: (secret) => safeStorage.encryptString(secret.toString('hex')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'hex'),
  }
}
