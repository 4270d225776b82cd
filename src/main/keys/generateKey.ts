import { randomBytes, randomInt } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

// 64 short, distinct, easy-to-type words, so each word carries 6 bits.
const WORDS = [
  'amber',
  'anchor',
  'apple',
  'arrow',
  'aspen',
  'badge',
  'basil',
  'beacon',
  'birch',
  'bison',
  'cable',
  'canyon',
  'cedar',
  'chalk',
  'cider',
  'clover',
  'comet',
  'coral',
  'crane',
  'delta',
  'dune',
  'ember',
  'fable',
  'falcon',
  'fern',
  'fjord',
  'flint',
  'forge',
  'garnet',
  'glade',
  'harbor',
  'hazel',
  'heron',
  'indigo',
  'island',
  'ivory',
  'jasper',
  'juniper',
  'kettle',
  'lantern',
  'lemon',
  'linen',
  'maple',
  'meadow',
  'mosaic',
  'nectar',
  'nimbus',
  'oak',
  'olive',
  'orbit',
  'pebble',
  'pepper',
  'pine',
  'prism',
  'quartz',
  'raven',
  'river',
  'saffron',
  'spruce',
  'thistle',
  'tundra',
  'velvet',
  'willow',
  'zephyr',
] as const

/**
 * A passphrase a person can type from a sticky note: eight words from 64 (48 bits) plus a 4-digit number
 * (~13 bits), stretched by SQLCipher's 256k-iteration KDF on every guess.
 */
export function generatePassphrase(): string {
  const words = Array.from({ length: 8 }, () => WORDS[randomInt(WORDS.length)])
  return `${words.join('-')}-${randomInt(1000, 10000)}`
}

export function generateRawKeyHex(): string {
  return randomBytes(32).toString('hex')
}

/** Writes a new key file readable by its owner only; never overwrites one. */
export function writeNewKeyFile(path: string, firstLine: string): void {
  if (existsSync(path)) throw new Error(`refusing to overwrite key file ${path}`)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${firstLine}\n`, { mode: 0o600, flag: 'wx' })
}
