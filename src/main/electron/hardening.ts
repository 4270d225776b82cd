import type { Result } from '../../shared/result'
import { isAppExternalLink } from '../../shared/externalLinks'
import { isTrustedSenderUrl } from './windowOptions'

/** The parts of Electron's WebContents the hardening touches (narrow, so tests can drive it without Electron). */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }) => void,
  ): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * Every web contents, including any a bug might create: no navigation away from the app, no redirects, no webviews,
 * and no new windows. A link the app itself shows (an https page in EXTERNAL_LINKS) opens in the system browser;
 * anything else is dropped.
 */
export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  const refuse = (event: { preventDefault(): void }): void => event.preventDefault()
  contents.on('will-navigate', refuse)
  contents.on('will-redirect', refuse)
  contents.on('will-attach-webview', refuse)
  contents.setWindowOpenHandler(({ url }) => {
    if (isAppExternalLink(url)) openExternal(url)
    return { action: 'deny' }
  })
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: () => boolean): void
}

/** Camera, microphone, notifications-by-prompt, geolocation, HID…: the app needs none, so every request is refused. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

export interface RpcSender {
  sender: unknown
  senderFrame: { url: string } | null | undefined
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window may not call Ninefold services.' },
}

/**
 * The IPC entry point: a call is served only if it comes from our main window's own web contents and from the app's
 * page in its top frame; anything else (another window, a subframe, a navigated page) gets FORBIDDEN.
 */
export function rpcHandler(options: {
  mainContents: () => unknown
  rendererUrl: string
  dispatch: (method: string, input: unknown) => Promise<Result<unknown>>
}): (event: RpcSender, method: unknown, input: unknown) => Promise<Result<unknown>> {
  return async (event, method, input) => {
    const main = options.mainContents()
    if (
      !main ||
      event.sender !== main ||
      !isTrustedSenderUrl(event.senderFrame?.url ?? '', options.rendererUrl)
    )
      return FORBIDDEN
    return options.dispatch(String(method), input)
  }
}
