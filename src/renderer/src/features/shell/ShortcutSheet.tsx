import { useEffect, useRef } from 'react'

/** Every keyboard shortcut in one sheet (opened with ? or F1), so nobody has to discover them by accident. */
export const SHORTCUTS: [keys: string, what: string][] = [
  ['Ctrl/⌘ K', 'Quick find: jump to a person, session, critical role or program'],
  ['Ctrl/⌘ L', 'Lock the workspace now'],
  ['Ctrl/⌘ Z', 'Undo the last move in a calibration session'],
  ['Ctrl/⌘ Shift Z', 'Redo'],
  ['Enter on a person in the grid', 'Pick them up; arrow keys aim at a box; Enter drops, Esc cancels'],
  ['Shift or Ctrl/⌘ click', 'Add a person to the selection, to move several at once'],
  ['Tab / Shift Tab', 'Move between controls (focus is always visible)'],
  ['? or F1', 'This sheet'],
  ['Esc', 'Close a dialog'],
]

export function ShortcutSheet({ onClose }: { onClose: () => void }): React.JSX.Element {
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [])
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h3>Keyboard shortcuts</h3>
        <table className="audit-table" aria-label="Shortcuts">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-actions">
          <button ref={close} type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
