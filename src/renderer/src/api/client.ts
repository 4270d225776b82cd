import { createClient, type Client } from '../../../shared/rpc/client'
import type { NinefoldBridge } from '../../../shared/rpc/bridge'
import type { Transport } from '../../../shared/rpc/transport'
import { createHttpTransport } from './httpTransport'

declare global {
  interface Window {
    ninefold?: NinefoldBridge
  }
}

const TOKEN_KEY = 'ninefold.token'

/**
 * The browser host prints `http://127.0.0.1:PORT/#token=…`. The token moves to sessionStorage (it survives a
 * reload of this tab, not other tabs) and leaves the address bar, so it is not shared along with a screenshot.
 */
function takeTokenFromLocation(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]))
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

function pickTransport(): Transport {
  const bridge = window.ninefold
  if (bridge)
    return {
      call: (method, input) => bridge.invoke(method, input),
      subscribe: (listener) => bridge.on(listener),
    }
  return createHttpTransport({
    baseUrl: new URL('/', window.location.href).href,
    token: takeTokenFromLocation() ?? '',
  })
}

export const api: Client = createClient(pickTransport())
export const isDesktop = (): boolean => window.ninefold !== undefined
