import { english, message, type MessageKey, type Translator } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'

/** Errors whose envelope carries only English text (kept whole on the wire): recognised here by their sentence. */
const KNOWN: MessageKey[] = ['workspace.errors.noWorkspace']

/** What to tell the user about a failed call, in their language: the service's words, never a stack. */
export function errorText(t: Translator, error: unknown): string {
  if (!(error instanceof AppError)) return t.t('common.somethingWrong')
  if (error.text) return t.m(error.text)
  const known = KNOWN.find((key) => english(message(key)) === error.message)
  return known ? t.t(known) : error.message
}
