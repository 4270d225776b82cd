import { english, message, type Message } from '../../shared/i18n/translate'

/**
 * How well a person fits a critical role: per required skill the level held against the level needed, a fit
 * percentage, and readiness from the gaps and the person's nine-box position.
 */
export type Readiness = 'ready-now' | 'ready-1-2' | 'ready-3-plus'

export interface Requirement {
  skillId: number
  skill: string
  minLevel: number
}

export interface Gap {
  skillId: number
  skill: string
  needed: number
  held: number
}

export interface CandidateFit {
  fitPercent: number
  gaps: Gap[]
  readiness: Readiness
  /** In English (logs, the CLI, the report); `reasonText` is the same sentence for the user's language. */
  reason: string
  reasonText: Message
}

/** Boxes whose performance is low (1, 4, 7): nobody there is ready now, whatever their skills. */
const LOW_PERFORMANCE_BOXES = new Set([1, 4, 7])
/** Up to this many levels short in total is a gap learning closes within one or two years. */
const SOON_GAP_LEVELS = 2

export function assessCandidate(
  held: ReadonlyMap<number, { level: number }>,
  requirements: readonly Requirement[],
  box: number | null,
): CandidateFit {
  let needed = 0
  let met = 0
  const gaps: Gap[] = []
  for (const r of requirements) {
    const level = held.get(r.skillId)?.level ?? 0
    needed += r.minLevel
    met += Math.min(level, r.minLevel)
    if (level < r.minLevel) gaps.push({ skillId: r.skillId, skill: r.skill, needed: r.minLevel, held: level })
  }
  const fitPercent = needed === 0 ? 100 : Math.round((100 * met) / needed)
  const missing = gaps.reduce((sum, g) => sum + (g.needed - g.held), 0)
  const lowPerformance = box !== null && LOW_PERFORMANCE_BOXES.has(box)
  const fit = (readiness: Readiness, reasonText: Message): CandidateFit => ({
    fitPercent,
    gaps,
    readiness,
    reason: english(reasonText),
    reasonText,
  })
  const short = (): Message =>
    message('succession.reason.short', {
      count: missing,
      gaps: gaps.map((g) => `${g.skill} ${g.held}/${g.needed}`).join(', '),
    })
  if (missing === 0 && !lowPerformance) return fit('ready-now', message('succession.reason.meets'))
  if (missing <= SOON_GAP_LEVELS)
    return fit('ready-1-2', missing === 0 ? message('succession.reason.lowBox', { box: box ?? 0 }) : short())
  return fit('ready-3-plus', short())
}

export function benchStrength(readiness: readonly Readiness[]): {
  readyNow: number
  readySoon: number
  later: number
} {
  return {
    readyNow: readiness.filter((r) => r === 'ready-now').length,
    readySoon: readiness.filter((r) => r === 'ready-1-2').length,
    later: readiness.filter((r) => r === 'ready-3-plus').length,
  }
}
