import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { WindowBounds } from './windowOptions'

const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 }

/** Remembers the window's size and place between runs, as desktop users expect. */
export function loadWindowBounds(directory: string): WindowBounds {
  const file = join(directory, 'window-state.json')
  if (!existsSync(file)) return DEFAULT_BOUNDS
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowBounds>
    if (typeof saved.width === 'number' && typeof saved.height === 'number')
      return { ...DEFAULT_BOUNDS, ...saved }
  } catch {
    // a damaged state file only costs the remembered size
  }
  return DEFAULT_BOUNDS
}

export function saveWindowBounds(directory: string, bounds: WindowBounds): void {
  writeFileSync(join(directory, 'window-state.json'), JSON.stringify(bounds))
}
