import { EventEmitter } from 'node:events'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { denyAllPermissions, hardenWebContents, rpcHandler } from '../../src/main/electron/hardening'
import { EXTERNAL_LINKS } from '../../src/shared/externalLinks'

// Electron itself cannot run on these machines (no binary), so these drive our handlers through the same
// interfaces Electron calls them with: an event with preventDefault, a window-open request, a permission callback.
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler
  }
  /** Emits like Electron does and says whether a listener prevented the default. */
  attempt(event: string): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true) })
    return prevented
  }
}

const ROOT = join(import.meta.dirname, '..', '..')

describe('Electron security checklist', () => {
  const contents = new FakeContents()
  const opened: string[] = []
  hardenWebContents(contents, (url) => opened.push(url))

  it('refuses navigation, redirects and webviews', () => {
    expect(contents.attempt('will-navigate')).toBe(true)
    expect(contents.attempt('will-redirect')).toBe(true)
    expect(contents.attempt('will-attach-webview')).toBe(true)
  })

  it('denies window.open always, and hands only the app’s own https links to the system browser', () => {
    const open = (url: string) => contents.openHandler?.({ url })
    for (const url of [
      'https://evil.example/',
      'http://gdpr-info.eu/art-17-gdpr/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      `${EXTERNAL_LINKS.gdprErasure}?x=1`,
      'https://user:pw@gdpr-info.eu/art-17-gdpr/',
    ])
      expect(open(url)).toEqual({ action: 'deny' })
    expect(opened).toEqual([])
    expect(open(EXTERNAL_LINKS.gdprErasure)).toEqual({ action: 'deny' })
    expect(opened).toEqual([EXTERNAL_LINKS.gdprErasure])
    expect(Object.values(EXTERNAL_LINKS).every((url) => url.startsWith('https://'))).toBe(true)
  })

  it('refuses every permission request and check', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined
    let checkHandler: (() => boolean) | undefined
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (requestHandler = h),
      setPermissionCheckHandler: (h) => (checkHandler = h),
    })
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'openExternal',
    ]) {
      let granted: boolean | undefined
      requestHandler?.({}, permission, (g) => (granted = g))
      expect(granted, permission).toBe(false)
    }
    expect(checkHandler?.()).toBe(false)
  })

  it('serves IPC only to the main window’s own page: a forged or foreign sender is refused', async () => {
    const main = { id: 1 }
    const app = 'file:///opt/Ninefold/resources/app.asar/out/renderer/index.html'
    const calls: string[] = []
    const handle = rpcHandler({
      mainContents: () => main,
      rendererUrl: app,
      dispatch: (method) => {
        calls.push(method)
        return Promise.resolve({ ok: true, value: method })
      },
    })
    const forbidden = {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This window may not call Ninefold services.' },
    }
    expect(await handle({ sender: main, senderFrame: { url: app } }, 'people.list', {})).toEqual({
      ok: true,
      value: 'people.list',
    })
    // Another window, a subframe or navigated page, no frame at all, a look-alike file.
    expect(await handle({ sender: { id: 2 }, senderFrame: { url: app } }, 'people.list', {})).toEqual(
      forbidden,
    )
    expect(
      await handle({ sender: main, senderFrame: { url: 'https://evil.example/' } }, 'people.list', {}),
    ).toEqual(forbidden)
    expect(await handle({ sender: main, senderFrame: null }, 'people.list', {})).toEqual(forbidden)
    expect(
      await handle(
        { sender: main, senderFrame: { url: 'file:///tmp/out/renderer/index.html' } },
        'people.list',
        {},
      ),
    ).toEqual(forbidden)
    expect(calls).toEqual(['people.list'])
    const closed = rpcHandler({
      mainContents: () => undefined,
      rendererUrl: app,
      dispatch: () => Promise.reject(new Error('no')),
    })
    expect(await closed({ sender: main, senderFrame: { url: app } }, 'app.info', {})).toEqual(forbidden)
  })

  it('sets the Electron fuses at package time', () => {
    const config = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
    const fuses = config.slice(config.indexOf('electronFuses:'))
    for (const [fuse, value] of [
      ['runAsNode', 'false'],
      ['enableNodeOptionsEnvironmentVariable', 'false'],
      ['enableNodeCliInspectArguments', 'false'],
      ['onlyLoadAppFromAsar', 'true'],
      ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ])
      expect(fuses, fuse).toMatch(new RegExp(`\\n\\s+${fuse}: ${value}\\b`))
    expect(config).toMatch(/\nasar: true\b/)
  })

  it('loads no remote content: the built page and its assets name no http(s) script, style, font or frame', () => {
    const out = join(ROOT, 'out', 'renderer')
    const files = [
      join(out, 'index.html'),
      ...readdirSync(join(out, 'assets')).map((f) => join(out, 'assets', f)),
    ]
    for (const file of files.filter((f) => /\.(html|css)$/.test(f))) {
      const text = readFileSync(file, 'utf8')
      expect(text, file).not.toMatch(/(src|href)=["']https?:/i)
      expect(text, file).not.toMatch(/url\(["']?https?:/i)
      expect(text, file).not.toMatch(/@import\s+["']?https?:/i)
    }
  })
})
