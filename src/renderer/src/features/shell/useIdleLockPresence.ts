import { useEffect } from 'react'
import { api } from '../../api/client'

/** Input reported at most this often: enough for a lock counted in minutes, quiet on the wire. */
const REPORT_EVERY_MS = 20_000
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const

/**
 * Tells the services the user is here (the idle lock runs there, so it holds even when this window is gone), and
 * locks at once on Ctrl/Cmd+L.
 */
export function useIdleLockPresence(): void {
  useEffect(() => {
    let lastReport = 0
    const present = (): void => {
      const now = Date.now()
      if (now - lastReport < REPORT_EVERY_MS) return
      lastReport = now
      void api.call('workspace.activity').catch(() => undefined)
    }
    const lockKey = (event: KeyboardEvent): void => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 'l'
      ) {
        event.preventDefault()
        void api.call('workspace.lock')
      }
    }
    for (const name of INPUT_EVENTS) window.addEventListener(name, present, { passive: true })
    window.addEventListener('keydown', lockKey)
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, present)
      window.removeEventListener('keydown', lockKey)
    }
  }, [])
}
