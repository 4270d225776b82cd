/**
 * Undo and redo from the desktop menu (or, in the browser, Ctrl+Z / Ctrl+Shift+Z): typing in a text field is undone
 * by the field itself; anywhere else the screen that keeps a history (a calibration session) takes the command.
 */
export type HistoryCommand = 'undo' | 'redo'
const EVENT = 'ninefold:history'

export function runHistoryCommand(command: HistoryCommand): void {
  const active = document.activeElement
  const editing =
    active instanceof HTMLInputElement ||
    active instanceof HTMLTextAreaElement ||
    (active instanceof HTMLElement && active.isContentEditable)
  // execCommand is deprecated but still the only way to reach a field's own undo stack from outside.
  if (editing) document.execCommand(command)
  else window.dispatchEvent(new CustomEvent<HistoryCommand>(EVENT, { detail: command }))
}

/** Subscribes a screen to undo/redo commands; returns the unsubscribe function. */
export function onHistoryCommand(listener: (command: HistoryCommand) => void): () => void {
  const handler = (event: Event): void => listener((event as CustomEvent<HistoryCommand>).detail)
  window.addEventListener(EVENT, handler)
  return () => window.removeEventListener(EVENT, handler)
}
