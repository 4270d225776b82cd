/**
 * A small seeded PRNG (mulberry32). Demo organisations must be identical for the same seed on every machine, so
 * tests and benchmarks can name the people they expect to find.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  int(minInclusive: number, maxInclusive: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** Approximately normal (sum of uniforms), clamped to [min, max]. */
  normal(mean: number, sd: number, min: number, max: number): number
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0 || 0x9e3779b9
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    chance: (p) => next() < p,
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0)
      let roll = next() * total
      for (const [item, weight] of items) {
        roll -= weight
        if (roll < 0) return item
      }
      const last = items[items.length - 1]
      if (!last) throw new RangeError('weighted pick from an empty list')
      return last[0]
    },
    normal: (mean, sd, min, max) => {
      const z = next() + next() + next() + next() + next() + next() - 3 // Irwin–Hall, sd 1/√2
      return Math.min(max, Math.max(min, mean + z * sd * Math.SQRT2))
    },
  }
  return random
}
