import type { Message } from '../../../../shared/i18n/translate'
import { AppError } from '../../../../shared/result'
import type { Translator } from '../../i18n'

/** What a status line says: a catalogue message (shown in the current language) or a service's own words. */
export type Said = Message | string

/** A failed call's message: as key and values when the service sent them, else as written. */
export const errorSaid = (e: unknown): Said =>
  e instanceof AppError && e.text ? e.text : e instanceof Error ? e.message : String(e)

export const say = (t: Translator, said: Said): string => (typeof said === 'string' ? said : t.m(said))
