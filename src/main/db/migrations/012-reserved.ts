import type { Migration } from './types'

/**
 * Version 12 is being written on another branch at the same time as 013. This stand-in keeps the numbering
 * consecutive on this branch only: the merge replaces it with the real 012 (it must never ship).
 */
export const migration012: Migration = {
  version: 12,
  name: 'reserved',
  up: '',
}
