import { useEffect, useState } from 'react'
import { api } from '../../api/client'

/** How long the workspace stays open without input before it locks itself. */
export function IdleLockSetting(): React.JSX.Element {
  const [minutes, setMinutes] = useState<number | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    api.call('workspace.activity').then(
      (r) => setMinutes(r.idleLockMinutes),
      () => setMinutes(null),
    )
  }, [])
  const save = (value: number): void => {
    api.call('workspace.setIdleLock', { minutes: value }).then(
      (r) => {
        setMinutes(r.idleLockMinutes)
        setMessage(`Locks after ${r.idleLockMinutes} minute(s) without input.`)
      },
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    )
  }
  return (
    <section className="card narrow" aria-label="Idle lock">
      <h2>Idle lock</h2>
      <p className="muted">
        Without keyboard or pointer input for this long, the workspace locks: its key leaves memory and the
        screen shows nothing of it until the passphrase is given. Lock at once with Ctrl+L (⌘L).
      </p>
      <label>
        Lock after (minutes)
        <input
          type="number"
          aria-label="Idle lock minutes"
          min={1}
          max={240}
          value={minutes ?? ''}
          onChange={(e) => setMinutes(Number(e.target.value) || null)}
          onBlur={() => minutes !== null && save(Math.min(240, Math.max(1, minutes)))}
        />
      </label>
      {message && <p role="status">{message}</p>}
    </section>
  )
}
