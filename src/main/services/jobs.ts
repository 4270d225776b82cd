import { english, message, type Message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import type { EventBus } from './eventBus'

export interface JobHandle {
  readonly signal: AbortSignal
  /** Emits progress at most every `throttleMs` (and always on the last step) so a 100k-row job doesn't flood IPC. */
  progress(phase: string, done: number, total: number | null): void
  /** Throws `CANCELLED` if someone asked the job to stop; call it between units of work. */
  throwIfCancelled(): void
}

/**
 * Long work (imports, exports, demo data) runs under a caller-chosen job id so the renderer can follow its
 * progress events and cancel it with `jobs.cancel`, over any transport.
 */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>()

  constructor(
    private readonly events: EventBus,
    private readonly throttleMs = 100,
  ) {}

  /**
   * `what` names the job for the notification when it ends ("The import of people.csv"), best as a catalogue
   * message (`common.jobs.importOf`, `common.jobs.demoFill`).
   */
  async run<T>(
    jobId: string | undefined,
    work: (job: JobHandle) => Promise<T> | T,
    what: string | Message = message('common.jobs.theJob'),
  ): Promise<T> {
    const id = jobId ?? `job-${Math.random().toString(36).slice(2, 10)}`
    if (this.running.has(id))
      throw new AppError('INVALID_INPUT', message('common.jobs.alreadyRunning', { id }))
    const controller = new AbortController()
    this.running.set(id, controller)
    let lastEmit = 0
    const handle: JobHandle = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        const now = Date.now()
        if (now - lastEmit < this.throttleMs && done !== total) return
        lastEmit = now
        this.events.emit('jobs.progress', { jobId: id, phase, done, total })
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new AppError('CANCELLED', message('common.jobs.cancelled'))
      },
    }
    const started = Date.now()
    // The notice is shown by the desktop's main process, which speaks English: the sentence comes from the catalogue.
    const finished = (ok: boolean, how: Message): void =>
      this.events.emit('jobs.finished', {
        jobId: id,
        ok,
        message: english(how),
        seconds: Math.round((Date.now() - started) / 100) / 10,
      })
    try {
      const result = await work(handle)
      finished(true, message('common.jobs.finished', { what }))
      return result
    } catch (error) {
      finished(
        false,
        error instanceof AppError && error.code === 'CANCELLED'
          ? message('common.jobs.wasCancelled', { what })
          : message('common.jobs.failed', {
              what,
              error:
                error instanceof AppError
                  ? (error.text ?? error.message)
                  : error instanceof Error
                    ? error.message
                    : String(error),
            }),
      )
      throw error
    } finally {
      this.running.delete(id)
    }
  }

  /** The notice for a long export that ended, in English like every `jobs.finished` line. */
  static exportFinished(file: string): string {
    return english(message('common.jobs.finished', { what: message('common.jobs.exportOf', { file }) }))
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId)
    if (!controller) return false
    controller.abort()
    return true
  }
}
