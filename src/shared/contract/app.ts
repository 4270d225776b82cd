import { z } from 'zod'
import { defineEvents, defineMethods } from './define'
import { empty } from './common'

export const shellKind = z.enum(['electron', 'browser', 'cli', 'test'])

export const appMethods = defineMethods('app')({
  'app.info': {
    summary: 'Which shell is running, its version, and what it can protect a workspace with.',
    input: empty,
    output: z.object({
      name: z.literal('Ninefold'),
      version: z.string(),
      shell: shellKind,
      dataDirectory: z.string(),
      osKeychain: z.enum(['available', 'insecure-backend', 'unsupported']),
    }),
  },
})

/** Commands from the native menu (desktop) reach the renderer as events, so menus and buttons share one path. */
export const menuCommand = z.enum([
  'workspace.new',
  'workspace.open',
  'workspace.close',
  'workspace.backup',
  'workspace.lock',
  'workspace.restore',
  'import',
  'export',
  'undo',
  'redo',
])

export const appEvents = defineEvents('app')({
  'app.menu': z.object({ command: menuCommand, path: z.string().optional() }),
})
