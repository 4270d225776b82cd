import { useT, type MessageKey } from '../../i18n'
import { useEffect, useRef } from 'react'

/** Every keyboard shortcut in one sheet (opened with ? or F1), so nobody has to discover them by accident. */
const SHORTCUTS: [keys: string, what: MessageKey][] = [
  ['Ctrl/⌘ K', 'shortcuts.find'],
  ['Ctrl/⌘ L', 'shortcuts.lock'],
  ['Ctrl/⌘ Z', 'shortcuts.undo'],
  ['Ctrl/⌘ Shift Z', 'shortcuts.redo'],
  ['shortcuts.gridKeys', 'shortcuts.grid'],
  ['shortcuts.selectKeys', 'shortcuts.select'],
  ['Tab / Shift Tab', 'shortcuts.tab'],
  ['? / F1', 'shortcuts.sheet'],
  ['Esc', 'shortcuts.escape'],
]

export function ShortcutSheet({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useT()
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [])
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('shortcuts.title')}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h3>{t('shortcuts.title')}</h3>
        <table className="audit-table" aria-label={t('shortcuts.table')}>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys.startsWith('shortcuts.') ? t(keys as MessageKey) : keys}</kbd>
                </th>
                <td>{t(what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-actions">
          <button ref={close} type="button" onClick={onClose}>
            {t('shortcuts.close')}
          </button>
        </div>
      </div>
    </div>
  )
}
