import { app, BrowserWindow, ipcMain, Menu, Notification, safeStorage, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../shared/rpc/bridge'
import { APP_VERSION, currentActor } from '../appInfo'
import { createServices } from '../services/createServices'
import { buildAppMenu } from './menu'
import { electronKeychain } from './osKeychain'
import { denyAllPermissions, hardenWebContents, rpcHandler } from './hardening'
import { secureWindowOptions } from './windowOptions'
import { loadWindowBounds, saveWindowBounds } from './windowState'

const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const rendererUrl = devServerUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  // Hardening that applies to every web contents, including any a bug might create.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => void shell.openExternal(url))
  })

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession)

    const services = createServices({
      shell: 'electron',
      version: APP_VERSION,
      dataDirectory: app.getPath('userData'),
      actor: currentActor(),
      osKeychain: electronKeychain(safeStorage),
      onInternalError: (method, error) => console.error(`[ninefold] ${method} failed:`, error),
    })

    ipcMain.handle(
      RPC_CHANNEL,
      rpcHandler({
        mainContents: () => mainWindow?.webContents,
        rendererUrl,
        dispatch: (method, input) => services.dispatcher.dispatch(method, input),
      }),
    )
    services.events.subscribe((name, payload) => mainWindow?.webContents.send(EVENT_CHANNEL, name, payload))
    // A long import or export that ends while the person is in another window: tell them natively.
    services.events.subscribe((name, payload) => {
      if (name !== 'jobs.finished' || !Notification.isSupported()) return
      if (mainWindow?.isFocused()) return
      const { ok, message } = payload as { ok: boolean; message: string }
      new Notification({ title: ok ? 'Ninefold' : 'Ninefold: not finished', body: message }).show()
    })

    Menu.setApplicationMenu(
      buildAppMenu(
        () => mainWindow,
        (command) => services.events.emit('app.menu', command),
        devServerUrl !== undefined,
      ),
    )
    createWindow()

    app.on('before-quit', () => services.dispose())
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

function createWindow(): void {
  const userData = app.getPath('userData')
  const window = new BrowserWindow(
    secureWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), loadWindowBounds(userData)),
  )
  mainWindow = window
  window.once('ready-to-show', () => window.show())
  window.on('close', () => saveWindowBounds(userData, window.getBounds()))
  window.on('closed', () => {
    mainWindow = null
  })
  void window.loadURL(rendererUrl)
}
