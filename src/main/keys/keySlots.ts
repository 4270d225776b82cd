import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'

/**
 * A workspace made with a passphrase (or the OS keychain) is encrypted with a random 256-bit data key. That key is
 * stored only wrapped, once per way in — the passphrase, the recovery key — in `<workspace>.keys` beside the file:
 * a forgotten passphrase or a lost keychain entry then still leaves a way in, and changing the passphrase rewraps
 * 32 bytes instead of re-encrypting the workspace.
 */
export interface KeySlot {
  kdf: 'scrypt'
  salt: string
  n: number
  r: number
  p: number
  iv: string
  tag: string
  wrapped: string
}
export interface KeySlots {
  version: 1
  passphrase?: KeySlot
  recovery?: KeySlot
}

/** scrypt at 32 MiB and ~0.1 s here: slow for a guesser, quick for someone who knows the secret. */
const SCRYPT = { n: 2 ** 15, r: 8, p: 1 }

export const keySlotsPath = (workspacePath: string): string => `${workspacePath}.keys`

const kek = (secret: string, salt: Buffer, slot: Pick<KeySlot, 'n' | 'r' | 'p'>): Buffer =>
  scryptSync(secret.normalize('NFKC'), salt, 32, {
    N: slot.n,
    r: slot.r,
    p: slot.p,
    maxmem: 128 * slot.n * slot.r * 2,
  })

export function wrapKey(secret: string, key: Buffer): KeySlot {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek(secret, salt, SCRYPT), iv)
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()])
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  }
}

/** The data key, or null when the secret is not the one this slot was made with (GCM's tag does not verify). */
export function unwrapKey(secret: string, slot: KeySlot): Buffer | null {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      kek(secret, Buffer.from(slot.salt, 'base64'), slot),
      Buffer.from(slot.iv, 'base64'),
    )
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()])
  } catch {
    return null
  }
}

export function readKeySlots(workspacePath: string): KeySlots | null {
  const path = keySlotsPath(workspacePath)
  if (!existsSync(path)) return null
  try {
    const slots = JSON.parse(readFileSync(path, 'utf8')) as KeySlots
    if (slots.version !== 1) throw new Error('unknown version')
    return slots
  } catch {
    throw new AppError('KEY_UNAVAILABLE', message('workspace.errors.slotsDamaged', { path }), { path })
  }
}

/**
 * Replaces the slots file in one step (written beside it, then renamed), so a crash never leaves a half-written key
 * file. `create` refuses to overwrite one: it may hold the only key of a workspace that was moved.
 */
export function writeKeySlots(workspacePath: string, slots: KeySlots, options: { create: boolean }): void {
  const path = keySlotsPath(workspacePath)
  if (options.create && existsSync(path)) {
    throw new AppError('WORKSPACE_EXISTS', message('workspace.errors.slotsExist', { path }), { path })
  }
  const partial = `${path}.partial`
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  writeFileSync(partial, `${JSON.stringify(slots, null, 2)}\n`, { mode: 0o600 })
  renameSync(partial, path)
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** 160 random bits as 32 Crockford base-32 characters in groups of four: readable aloud, no I/L/O/U to confuse. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20)
  let bits = ''
  for (const b of bytes) bits += b.toString(2).padStart(8, '0')
  let text = ''
  for (let i = 0; i < bits.length; i += 5) text += CROCKFORD[parseInt(bits.slice(i, i + 5), 2)]
  return text.match(/.{4}/g)?.join('-') ?? text
}

/** What the person typed, the way Crockford's alphabet reads it: case, dashes and spaces ignored, O→0, I/L→1. */
export function normaliseRecoveryKey(text: string): string {
  const plain = text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return plain.match(/.{1,4}/g)?.join('-') ?? plain
}
