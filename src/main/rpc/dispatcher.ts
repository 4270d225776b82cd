import type { ZodError } from 'zod'
import {
  contract,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../shared/contract'
import { english, message } from '../../shared/i18n/translate'
import { AppError, type Result } from '../../shared/result'

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>
export type Handlers = { [M in MethodName]: Handler<M> }

export interface Dispatcher {
  /** Never throws: every outcome, including a bug, comes back as a `Result`. */
  dispatch(method: string, input: unknown): Promise<Result<unknown>>
}

export interface DispatcherOptions {
  /** Where unexpected errors go (a log); the caller only ever sees `INTERNAL`. */
  onInternalError?: (method: string, error: unknown) => void
  /** Recognises unexpected errors that do have a meaning for the user (a damaged workspace file), before INTERNAL. */
  recognise?: (error: unknown) => AppError | undefined
}

const INTERNAL_TEXT = message('common.errors.internal')

function describeIssues(error: ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
  const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
  return { message: text, issues }
}

/**
 * The one place inputs from any transport are checked. The browser host is a network endpoint, so nothing a
 * handler receives is trusted until the method's schema has parsed it.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatcher {
  return {
    async dispatch(method, input) {
      if (!isMethodName(method)) {
        return {
          ok: false,
          // No catalogue key on the wire here: a client that asks for a method it does not know is a bug, and the
          // envelope keeps its documented two fields.
          error: {
            code: 'UNKNOWN_METHOD',
            message: english(message('common.errors.unknownMethod', { method })),
          },
        }
      }
      const spec = contract[method]
      const parsed = spec.input.safeParse(input ?? {})
      if (!parsed.success) {
        const { message: detail, issues } = describeIssues(parsed.error)
        // The schema's own words stay as they are, inside a sentence from the catalogue.
        return {
          ok: false,
          error: new AppError('INVALID_INPUT', message('common.errors.invalidInput', { method, detail }), {
            issues,
          }).toShape(),
        }
      }
      try {
        const handler = handlers[method] as (input: unknown) => unknown
        const value = await handler(parsed.data)
        return { ok: true, value: spec.output.parse(value) }
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toShape() }
        const recognised = options.recognise?.(error)
        if (recognised) return { ok: false, error: recognised.toShape() }
        options.onInternalError?.(method, error)
        return { ok: false, error: new AppError('INTERNAL', INTERNAL_TEXT).toShape() }
      }
    },
  }
}
