import type { Level } from '../../shared/contract/calibration'
import { levelFromCuts, normaliseRating } from './performance'

const LEVELS: readonly Level[] = ['low', 'moderate', 'high']

/**
 * Which tier a value of a rating scale falls in. On a three-value scale (Low/Medium/High, Bottom/Middle/Top, 1–3)
 * the tiers are the values themselves, whatever the cut points say.
 */
export type TierOf = (value: number) => Level

function threeValueTiers(values: readonly number[], fallback: TierOf): TierOf {
  const sorted = [...new Set(values)].sort((a, b) => a - b)
  if (sorted.length !== 3) return fallback
  return (value) => {
    const index = sorted.indexOf(value)
    return index < 0 ? fallback(value) : (LEVELS[index] as Level)
  }
}

/** The performance tier of an overall rating on its scale, cut as the session cuts it. */
export function performanceTierOf(
  scale: { min: number; max: number },
  cuts: { lowMax: number; highMin: number },
  values: readonly number[],
): TierOf {
  return threeValueTiers(values, (value) =>
    levelFromCuts(normaliseRating(value, scale.min, scale.max), cuts.lowMax, cuts.highMin),
  )
}

/**
 * The potential tier of a manager's potential rating. Fixed cuts apply to the rating's 0–100 score as the session
 * applies them; percentile cuts depend on the whole session, so a single rating is placed by thirds of its scale.
 */
export function potentialTierOf(
  scale: { min: number; max: number },
  cuts: { mode: 'percentile' | 'fixed'; low: number; high: number },
  values: readonly number[],
): TierOf {
  const [low, high] = cuts.mode === 'fixed' ? [cuts.low, cuts.high] : [100 / 3, 200 / 3]
  return threeValueTiers(values, (value) => {
    const score = (100 * (value - scale.min)) / (scale.max - scale.min)
    if (score < low) return 'low'
    return score >= high ? 'high' : 'moderate'
  })
}

/**
 * The value to write back for a calibrated tier: the original when it already lies in that tier, else the scale value
 * in the tier nearest the original (the scale's middle value of the tier when there was no original). A tier no
 * value falls in gets the scale's end in that direction.
 */
export function calibratedRating(
  original: number | null,
  target: Level,
  values: readonly number[],
  tierOf: TierOf,
): number | null {
  const sorted = [...new Set(values)].sort((a, b) => a - b)
  if (sorted.length === 0) return null
  if (original !== null && tierOf(original) === target) return original
  const inTier = sorted.filter((v) => tierOf(v) === target)
  if (inTier.length > 0) {
    if (original === null) return inTier[Math.floor((inTier.length - 1) / 2)] as number
    // Nearest first; between two equally near, the one on the side the person moved towards.
    const up = LEVELS.indexOf(target) > LEVELS.indexOf(tierOf(original))
    return [...inTier].sort(
      (a, b) => Math.abs(a - original) - Math.abs(b - original) || (up ? b - a : a - b),
    )[0] as number
  }
  if (target === 'low') return sorted[0] as number
  if (target === 'high') return sorted.at(-1) as number
  return sorted[Math.floor((sorted.length - 1) / 2)] as number
}
