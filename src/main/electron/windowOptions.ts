import type { BrowserWindowConstructorOptions } from 'electron'

export { RENDERER_CSP } from '../../shared/csp'

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

/**
 * Every BrowserWindow is made from these options; a unit test pins each security-relevant one so a later change
 * cannot quietly weaken them.
 */
export function secureWindowOptions(
  preloadPath: string,
  bounds: WindowBounds,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Ninefold',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  }
}

/**
 * Only the app's own page may call the services: the top frame of our window, loaded from our renderer file (or
 * the dev server in development). Anything else — a subframe, a navigated page — is refused.
 */
export function isTrustedSenderUrl(frameUrl: string, trustedUrl: string): boolean {
  try {
    const frame = new URL(frameUrl)
    const trusted = new URL(trustedUrl)
    if (trusted.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === trusted.pathname
    return frame.origin === trusted.origin
  } catch {
    return false
  }
}
