import { useCallback, useEffect, useRef, useState } from 'react'
import type { CalibrationView, FlagCode, MethodInput, MethodOutput } from '../../../../shared/contract'
import { withMoveShown } from '../../../../core/calibration/moveShown'
import { useSandbox, type MoveRequest } from './useSandbox'
import { api } from '../../api/client'
import { downloadBytes } from '../../download'
import { useT } from '../../i18n'

export type { MoveRequest }

/** One session's view and the actions on it; every action reloads the view from the services (the source of truth). */
export function useCalibrationSession(sessionId: string) {
  const [view, setView] = useState<CalibrationView | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [refreshing, setRefreshing] = useState(false)
  // The exported workbook speaks the user's language.
  const { locale } = useT()

  // Only the newest read may land: a slow read from before a move must not put the person back.
  const latestRead = useRef(0)
  const reload = useCallback(async () => {
    const read = ++latestRead.current
    setRefreshing(true)
    try {
      const loaded = await api.call('calibration.show', { sessionId })
      if (read !== latestRead.current) return
      setView(loaded)
      setError(null)
    } catch (e) {
      if (read === latestRead.current) setError(e)
    } finally {
      if (read === latestRead.current) setRefreshing(false)
    }
  }, [sessionId])

  useEffect(() => {
    let live = true
    api.call('calibration.show', { sessionId }).then(
      (loaded) => live && setView(loaded),
      (e: unknown) => live && setError(e),
    )
    return () => {
      live = false
    }
  }, [sessionId])

  /** An action on the session, then the view read again (awaited, or left to follow when `then` is 'in background'). */
  const run = useCallback(
    async (action: () => Promise<unknown>, then: 'reload' | 'in background' = 'reload'): Promise<boolean> => {
      setBusy(true)
      try {
        await action()
        if (then === 'reload') await reload()
        else void reload()
        return true
      } catch (e) {
        setError(e)
        return false
      } finally {
        setBusy(false)
      }
    },
    [reload],
  )

  const sandbox = useSandbox(view)

  return {
    /** What the screen shows: the session, or the session with the sandbox's tries on top. */
    view: sandbox.shown,
    sandbox,
    adoptSandbox: () =>
      run(async () => {
        await api.call('calibration.adoptSandbox', { sessionId, moves: sandbox.moves })
        sandbox.discard()
      }),
    error,
    busy,
    refreshing,
    clearError: () => setError(null),
    /**
     * A move is shown as soon as the services have written it; the recomputed view (flags that depend on the move)
     * follows in the background, so at 50,000 people the meeting goes on without waiting for it.
     */
    move: async (request: MoveRequest): Promise<boolean> => {
      if (sandbox.active) {
        sandbox.tryMove(request)
        return true
      }
      return run(async () => {
        await api.call('calibration.move', { sessionId, ...request })
        setView((shown) => shown && withMoveShown(shown, request.employeeIds, request.box))
      }, 'in background')
    },
    /** Potential from another source: the session is placed again, in one undoable step. */
    setPotentialSource: (source: MethodInput<'calibration.setPotentialSource'>['source']) =>
      run(() => api.call('calibration.setPotentialSource', { sessionId, source })),
    undo: () =>
      sandbox.active
        ? Promise.resolve(sandbox.undoTry()).then(() => true)
        : run(() => api.call('calibration.undo', { sessionId })),
    redo: () =>
      sandbox.active ? Promise.resolve(false) : run(() => api.call('calibration.redo', { sessionId })),
    setBlind: (blind: boolean) => run(() => api.call('calibration.setBlind', { sessionId, blind })),
    finalize: () => run(() => api.call('calibration.setStatus', { sessionId, status: 'finalized' })),
    reopen: (reason: string) =>
      run(() => api.call('calibration.setStatus', { sessionId, status: 'reopened', reason })),
    updateFlag: (employeeId: string, code: FlagCode, status: 'acknowledged' | 'resolved', note: string) =>
      run(() => api.call('calibration.updateFlag', { sessionId, employeeId, code, status, note })),
    addNote: (employeeId: string, text: string) =>
      run(() => api.call('calibration.addNote', { sessionId, employeeId, text })),
    markDiscussed: (employeeId: string, discussed: boolean) =>
      run(() => api.call('calibration.markDiscussed', { sessionId, employeeId, discussed })),
    exportWorkbook: (kind: 'results' | 'pre-read') =>
      api.call('calibration.export', { sessionId, kind, locale }).then(downloadBytes, setError),
    /**
     * Managers' proposals: the pre-read they filled in (uploaded, then read by the services), or the cycle's own
     * ratings. The result says what was stored or, when the workbook was refused, every problem in it.
     */
    importProposals: async (
      file: File | null,
    ): Promise<MethodOutput<'calibration.importProposals'> | null> => {
      let result: MethodOutput<'calibration.importProposals'> | null = null
      const done = await run(async () => {
        if (file === null) {
          result = await api.call('calibration.importProposals', { sessionId, from: 'ratings' })
          return
        }
        const staged = await api.call('import.stage', {
          fileName: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        })
        result = await api.call('calibration.importProposals', {
          sessionId,
          path: staged.path,
          fileName: file.name,
        })
      })
      return done ? result : null
    },
    /** The reviews workbook the session came from, handed back with the calibration written in. */
    exportInto: async (file: File): Promise<MethodOutput<'calibration.exportInto'> | null> => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer())
        const result = await api.call('calibration.exportInto', {
          sessionId,
          fileName: file.name,
          bytes,
          locale,
        })
        downloadBytes(result)
        return result
      } catch (e) {
        setError(e)
        return null
      }
    },
  }
}
