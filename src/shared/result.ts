import { english, type Message } from './i18n/translate'

/**
 * The envelope every contract call resolves to, whatever carries it. Errors are values with a code the UI can
 * branch on and a message written for the person using the app; `details` carries structured context (file,
 * row, column…) and never a stack trace or SQL.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NO_WORKSPACE',
  'WORKSPACE_EXISTS',
  'WORKSPACE_NOT_FOUND',
  'WORKSPACE_INCOMPATIBLE',
  'BACKUP_INVALID',
  'WORKSPACE_DAMAGED',
  'LRS_AUTH',
  'LRS_REFUSED',
  'LRS_UNAVAILABLE',
  'LRS_BAD_PAGE',
  'WORKSPACE_LOCKED',
  'WRONG_KEY',
  'WEAK_PASSPHRASE',
  'KEY_UNAVAILABLE',
  'NOT_FOUND',
  'CANCELLED',
  'BUSY',
  'FILE_UNREADABLE',
  'IMPORT_CONFLICT',
  /** A file given as the source of an import (to write results back into) was never imported as that. */
  'SOURCE_NOT_IMPORTED',
  /** A file given as the source of an import differs from the file that was imported. */
  'SOURCE_CHANGED',
  'SESSION_LOCKED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorShape {
  code: ErrorCode
  /** In English: for the CLI, logs and tests. */
  message: string
  details?: Record<string, unknown>
  /** The same message as catalogue key and values, so the renderer can show it in the user's language. */
  text?: Message
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

/** Thrown inside services and the client; crosses transports as the plain `AppErrorShape`. */
export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>
  readonly text?: Message

  constructor(code: ErrorCode, message: string | Message, details?: Record<string, unknown>) {
    super(typeof message === 'string' ? message : english(message))
    this.name = 'AppError'
    this.code = code
    if (details !== undefined) this.details = details
    if (typeof message !== 'string') this.text = message
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.text === undefined ? {} : { text: this.text }),
    }
  }

  static fromShape(shape: AppErrorShape): AppError {
    const error = new AppError(shape.code, shape.text ?? shape.message, shape.details)
    // The English text the service wrote wins over this build's rendering of the key.
    Object.defineProperty(error, 'message', { value: shape.message })
    return error
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error })

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
