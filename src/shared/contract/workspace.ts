import { z } from 'zod'
import { defineEvents, defineMethods } from './define'
import { empty, isoDateTime } from './common'
import { messageSchema } from '../i18n/translate'

export const MIN_PASSPHRASE_LENGTH = 10

export const protection = z.enum(['passphrase', 'key-file', 'os-keychain'])

export const workspaceSummary = z.object({
  path: z.string(),
  name: z.string(),
  createdAt: isoDateTime,
  schemaVersion: z.number().int(),
  protection,
  peopleCount: z.number().int().nonnegative(),
})
export type WorkspaceSummary = z.output<typeof workspaceSummary>

export const workspaceStatus = z.discriminatedUnion('open', [
  z.object({
    open: z.literal(false),
    /** Locked (idle or by hand): the key is gone; unlocking needs the passphrase, key or OS keychain again. */
    locked: z.object({ name: z.string(), path: z.string(), protection }).optional(),
  }),
  z.object({ open: z.literal(true), workspace: workspaceSummary }),
])
export type WorkspaceStatus = z.output<typeof workspaceStatus>

const name = z.string().trim().min(1, 'give the workspace a name').max(80)

/** What a backup was checked to be before it was trusted. */
const fileCheck = z.object({
  schemaVersion: z.number().int(),
  name: z.string(),
  createdAt: z.string().nullable(),
  people: z.number().int(),
})
/** What `workspace verify` found wrong with a workspace file (see README, Security and privacy). */
export const DAMAGE_REASONS = [
  'EMPTY',
  'FOREIGN_FILE',
  'WRONG_LENGTH',
  'TRUNCATED',
  'FIRST_PAGE',
  'PAGES_FAILED',
  'MALFORMED',
  'FOREIGN_KEYS',
  'NO_SCHEMA',
  'NEWER_SCHEMA',
] as const
const verification = z.object({
  path: z.string(),
  whole: z.boolean(),
  findings: z.array(z.object({ code: z.enum(DAMAGE_REASONS), message: z.string(), text: messageSchema })),
  pages: z.number().int(),
  schemaVersion: z.number().int().nullable(),
})
const backupEntry = z.object({
  path: z.string(),
  reason: z.enum(['manual', 'before-migration', 'before-import', 'before-restore']),
  createdAt: isoDateTime,
  sizeBytes: z.number().int(),
})
const passphrase = z.string().max(1024)

export const workspaceMethods = defineMethods('workspace')({
  'workspace.status': {
    summary: 'Whether a workspace is open, and which.',
    input: empty,
    output: workspaceStatus,
  },
  'workspace.list': {
    summary: 'Workspaces in the data directory and recently opened ones.',
    input: empty,
    output: z.object({
      directory: z.string(),
      workspaces: z.array(
        z.object({
          path: z.string(),
          name: z.string(),
          modifiedAt: isoDateTime,
          sizeBytes: z.number().int(),
          protection: protection.nullable(),
        }),
      ),
    }),
  },
  'workspace.create': {
    summary: 'Create an encrypted workspace and open it.',
    input: z
      .object({
        name,
        protection: z.enum(['passphrase', 'os-keychain']).default('passphrase'),
        passphrase: passphrase.optional(),
        /** Absolute path; default: `<data directory>/workspaces/<name>.ninefold`. */
        path: z.string().min(1).optional(),
      })
      .strict(),
    output: workspaceSummary.extend({
      /** Shown once, here: it opens the workspace when the passphrase is forgotten or the keychain entry lost. */
      recoveryKey: z.string().nullable(),
    }),
  },
  'workspace.recover': {
    summary:
      'Open a workspace with its recovery key (passphrase forgotten, OS keychain entry gone) and set a new passphrase.',
    input: z
      .object({ path: z.string().min(1), recoveryKey: z.string().min(1), newPassphrase: passphrase })
      .strict(),
    output: workspaceSummary,
  },
  'workspace.open': {
    summary: 'Open an existing workspace with its passphrase (or the OS keychain on the desktop).',
    input: z.object({ path: z.string().min(1), passphrase: passphrase.optional() }).strict(),
    output: workspaceSummary,
  },
  'workspace.close': {
    summary: 'Close the open workspace and forget its key.',
    input: empty,
    output: z.object({ closed: z.boolean() }),
  },
  'workspace.backup': {
    summary:
      'A consistent, still-encrypted copy of the open workspace, verified (key, every page, schema) before it is reported.',
    input: z
      .object({
        /** Where to write it; default: among the automatic backups in the data directory. */
        path: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    output: z.object({ path: z.string(), check: fileCheck }),
  },
  'workspace.backups': {
    summary: "The open workspace's automatic backups, newest first, and how many are kept.",
    input: empty,
    output: z.object({ keep: z.number().int(), backups: z.array(backupEntry) }),
  },
  'workspace.setBackupsKept': {
    summary: 'How many automatic backups to keep (the oldest beyond that are removed as new ones are made).',
    input: z.object({ keep: z.number().int().min(1).max(100) }).strict(),
    output: z.object({ keep: z.number().int() }),
  },
  'workspace.restore': {
    summary:
      'Replace the open workspace with a backup, after verifying it; the workspace as it was is kept as a backup.',
    input: z.object({ path: z.string().min(1) }).strict(),
    output: z.object({ workspace: workspaceSummary, check: fileCheck, keptAs: z.string() }),
  },
  'workspace.restoreDamaged': {
    summary:
      'Replace a workspace too damaged to open with a verified backup, without opening it: the damaged file is moved aside, never written to. Refused for a whole workspace.',
    input: z
      .object({ path: z.string().min(1), backup: z.string().min(1), passphrase: z.string().optional() })
      .strict(),
    output: z.object({ workspace: workspaceSummary, check: fileCheck, keptAs: z.string() }),
  },
  'workspace.verify': {
    summary:
      'Check the open workspace file whole: every page authenticates under its key, integrity and foreign-key checks pass, the schema is known. Read-only.',
    input: empty,
    output: verification,
  },
  'workspace.lock': {
    summary: 'Lock the open workspace now: its connections close and its key is dropped from memory.',
    input: empty,
    output: z.object({ locked: z.boolean() }),
  },
  'workspace.unlock': {
    summary:
      'Unlock a locked workspace with its passphrase (or key text; nothing for the OS keychain on the desktop).',
    input: z.object({ passphrase: passphrase.optional() }).strict(),
    output: workspaceSummary,
  },
  'workspace.activity': {
    summary: 'The user is here (typing, pointing): the idle lock starts counting again.',
    input: empty,
    output: z.object({ idleLockMinutes: z.number().int() }),
  },
  'workspace.setIdleLock': {
    summary: 'Minutes without input after which the workspace locks itself (default 10).',
    input: z.object({ minutes: z.number().int().min(1).max(240) }).strict(),
    output: z.object({ idleLockMinutes: z.number().int() }),
  },
  'workspace.changePassphrase': {
    summary: 'Re-encrypt the open workspace under a new passphrase.',
    input: z.object({ current: passphrase, next: passphrase }).strict(),
    output: workspaceSummary,
  },
})

export const workspaceEvents = defineEvents('workspace')({
  'workspace.changed': workspaceStatus,
})
