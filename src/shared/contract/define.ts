import type { z } from 'zod'

/**
 * Where a method's file paths may point when the caller is the browser host (HTTP), whoever holds its token. The
 * desktop app and the CLI take a path the user chose (a native dialog, a command line); over HTTP nobody saw it.
 * - `dialog-only`: over HTTP the method takes no path at all; the file comes back as bytes (a download).
 * - `staged`: over HTTP only a file the host staged from an upload (`import.stage`) may be named.
 * - `data-dir`: over HTTP the path must lie inside the data directory once symlinks are resolved.
 */
export type PathPolicy = 'dialog-only' | 'staged' | 'data-dir'

/** One contract method: what it takes, what it gives back, and one line for humans (README, CLI help). */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
  readonly summary: string
  /** Required for every method whose input names a file (a unit test finds them): see `PathPolicy`. */
  readonly paths?: PathPolicy
}

/**
 * Declares a domain's methods. The template-literal key type makes the compiler reject a method filed under
 * the wrong domain (`people.create` in workspace.ts), so `domain.verb` names stay honest without a lint rule.
 */
export function defineMethods<D extends string>(_domain: D) {
  return <T extends Record<`${D}.${string}`, MethodSpec>>(methods: T): T => methods
}

export function defineEvents<D extends string>(_domain: D) {
  return <T extends Record<`${D}.${string}`, z.ZodType>>(events: T): T => events
}
