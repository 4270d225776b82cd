import { userInfo } from 'node:os'
import { homedir } from 'node:os'
import { join } from 'node:path'

declare const __NINEFOLD_VERSION__: string | undefined

/** Injected by the build (electron.vite.config.ts, vitest.config.ts) from package.json. */
export const APP_VERSION: string =
  typeof __NINEFOLD_VERSION__ === 'string' ? __NINEFOLD_VERSION__ : '0.0.0-dev'

/**
 * Where workspaces and the recent list live unless told otherwise: `NINEFOLD_DATA_DIR`, else the platform's
 * per-user application data folder (the same one Electron's `userData` points at).
 */
export function defaultDataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env['NINEFOLD_DATA_DIR']) return env['NINEFOLD_DATA_DIR']
  if (process.platform === 'win32')
    return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Ninefold')
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ninefold')
  return join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'ninefold')
}

export function currentActor(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown'
  }
}
