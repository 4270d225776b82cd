import type { Placement } from '../../../../shared/contract'

/** Boxes as they are laid out: potential rows top (high) to bottom, performance columns left (low) to right. */
export const BOX_ORDER = [7, 8, 9, 4, 5, 6, 1, 2, 3] as const

/** Each box's people in the order the grid draws them (the session's order, which is stable across moves). */
export function peopleByBox(placements: readonly Placement[]): Map<number, Placement[]> {
  const map = new Map<number, Placement[]>()
  for (const p of placements) {
    const list = map.get(p.box)
    if (list) list.push(p)
    else map.set(p.box, [p])
  }
  return map
}

/** The kind of flag a person's mark shows: an open high flag first, then a hidden gem, then an open medium one. */
export type FlagTone = 'flag-high' | 'flag-medium' | 'flag-gem'
export const flagTone = (p: Placement): FlagTone | null =>
  p.flags.some((f) => f.severity === 'high' && f.status === 'open')
    ? 'flag-high'
    : p.flags.some((f) => f.code === 'HIDDEN_GEM')
      ? 'flag-gem'
      : p.flags.some((f) => f.status === 'open' && f.severity === 'medium')
        ? 'flag-medium'
        : null

/** A mark per kind of flag, so the colour is never the only signal. */
export const FLAG_MARK: Record<FlagTone, string> = { 'flag-high': '!', 'flag-medium': '?', 'flag-gem': '★' }

/** The user does not want things to fly about: moves land without animation. */
export const reducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
