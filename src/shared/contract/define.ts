import type { z } from 'zod'

/** One contract method: what it takes, what it gives back, and one line for humans (README, CLI help). */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
  readonly summary: string
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
