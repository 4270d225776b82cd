import { describe, expect, it } from 'vitest'
import { isTrustedSenderUrl, RENDERER_CSP, secureWindowOptions } from '../../src/main/electron/windowOptions'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

describe('Electron window hardening', () => {
  it('creates windows with isolation, sandbox and no Node in the page', () => {
    const options = secureWindowOptions('/app/out/preload/index.cjs', { width: 1200, height: 800 })
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
    })
  })

  it('has a CSP that allows only the app itself', () => {
    const directives = new Map(RENDERER_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|\*/)
  })

  it('ships the same script policy in index.html for file:// loads', () => {
    const html = readFileSync(join(import.meta.dirname, '../../src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
    ]) {
      expect(meta).toContain(directive)
    }
  })

  it('trusts IPC only from the app page itself', () => {
    const app = 'file:///opt/Ninefold/resources/app.asar/out/renderer/index.html'
    expect(isTrustedSenderUrl(app, app)).toBe(true)
    expect(isTrustedSenderUrl(`${app}#/people`, app)).toBe(true)
    expect(isTrustedSenderUrl('file:///tmp/evil.html', app)).toBe(false)
    expect(isTrustedSenderUrl('https://evil.example/', app)).toBe(false)
    expect(isTrustedSenderUrl('', app)).toBe(false)
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173/')).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
  })
})
