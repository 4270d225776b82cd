import type { Level } from '../../shared/contract/calibration'

const INDEX: Record<Level, number> = { low: 0, moderate: 1, high: 2 }

/** Box 1–9: 3 · potential + performance + 1, so box 1 is low/low, box 3 high performance, box 9 high/high. */
export function placeInNineBox(performance: Level, potential: Level): number {
  return 3 * INDEX[potential] + INDEX[performance] + 1
}

const LEVELS: readonly Level[] = ['low', 'moderate', 'high']

/** The two levels a box stands for (box 8: moderate performance, high potential), as a placing by hand reads them. */
export function boxLevels(box: number): { performance: Level; potential: Level } {
  const axes = boxAxes(box)
  return { performance: LEVELS[axes.performance] as Level, potential: LEVELS[axes.potential] as Level }
}

export function boxAxes(box: number): { performance: number; potential: number } {
  return { performance: (box - 1) % 3, potential: Math.floor((box - 1) / 3) }
}

/** How far a move goes against the data: steps along each axis, added (5 → 9 is two steps). */
export function boxDistance(from: number, to: number): number {
  const a = boxAxes(from)
  const b = boxAxes(to)
  return Math.abs(a.performance - b.performance) + Math.abs(a.potential - b.potential)
}
