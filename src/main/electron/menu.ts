import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { writeFile } from 'node:fs/promises'
import type { EventPayload } from '../../shared/contract'

type MenuCommand = EventPayload<'app.menu'>

const WORKSPACE_FILTER = [{ name: 'Ninefold workspace', extensions: ['ninefold'] }]

/** The native menu. Its items send `app.menu` events, so the renderer handles a menu item like its own button. */
export function buildAppMenu(
  window: () => BrowserWindow | null,
  send: (command: MenuCommand) => void,
  isDev: boolean,
): Menu {
  const openWorkspace = async (): Promise<void> => {
    const win = window()
    if (!win) return
    const result = await dialog.showOpenDialog(win, {
      title: 'Open workspace',
      filters: WORKSPACE_FILTER,
      properties: ['openFile'],
    })
    const path = result.filePaths[0]
    if (!result.canceled && path) send({ command: 'workspace.open', path })
  }
  const newWorkspace = async (): Promise<void> => {
    const win = window()
    if (!win) return
    const result = await dialog.showSaveDialog(win, { title: 'New workspace', filters: WORKSPACE_FILTER })
    if (!result.canceled && result.filePath) send({ command: 'workspace.new', path: result.filePath })
  }
  const backUp = async (): Promise<void> => {
    const win = window()
    if (!win) return
    const result = await dialog.showSaveDialog(win, { title: 'Back up workspace', filters: WORKSPACE_FILTER })
    if (!result.canceled && result.filePath) send({ command: 'workspace.backup', path: result.filePath })
  }
  // The page's print stylesheet decides what is on paper: the grid with its labels, a profile, the overview.
  const saveAsPdf = async (): Promise<void> => {
    const win = window()
    if (!win) return
    const result = await dialog.showSaveDialog(win, {
      title: 'Save as PDF',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    })
    if (result.canceled || !result.filePath) return
    const pdf = await win.webContents.printToPDF({ landscape: true, printBackground: true, pageSize: 'A4' })
    await writeFile(result.filePath, pdf, { mode: 0o600 })
  }
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => void newWorkspace() },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => void openWorkspace() },
        { label: 'Close Workspace', click: () => send({ command: 'workspace.close' }) },
        {
          label: 'Lock Workspace',
          accelerator: 'CmdOrCtrl+L',
          click: () => send({ command: 'workspace.lock' }),
        },
        { type: 'separator' },
        { label: 'Back Up Workspace…', click: () => void backUp() },
        { label: 'Restore from Backup…', click: () => send({ command: 'workspace.restore' }) },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => send({ command: 'import' }) },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send({ command: 'export' }) },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => window()?.webContents.print() },
        { label: 'Save as PDF…', click: () => void saveAsPdf() },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // The renderer decides: a text field undoes typing, elsewhere the current screen undoes its last step
        // (a calibration move), so one shortcut means "undo" everywhere.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send({ command: 'undo' }) },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => send({ command: 'redo' }) },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(isDev
          ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
