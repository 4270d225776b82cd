import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_NAMES, METHOD_NAMES } from '../shared/contract'
import { EVENT_CHANNEL, RPC_CHANNEL, type NinefoldBridge } from '../shared/rpc/bridge'

const methods = new Set<string>(METHOD_NAMES)
const eventNames = new Set<string>(EVENT_NAMES)

// Only names from the contract cross the bridge: a compromised page cannot reach any other IPC channel.
const bridge: NinefoldBridge = {
  invoke(method, input) {
    if (!methods.has(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `There is no method called "${method}".` },
      })
    }
    return ipcRenderer.invoke(RPC_CHANNEL, method, input)
  },
  on(listener) {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string' && eventNames.has(name)) listener(name, payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  },
}

contextBridge.exposeInMainWorld('ninefold', bridge)
