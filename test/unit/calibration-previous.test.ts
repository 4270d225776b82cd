import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../src/core/calibration/defaults'
import {
  bigMoverFlag,
  boxFromRatings,
  crossesEdge,
  isBigMover,
  movement,
  movementEnglish,
} from '../../src/core/calibration/previousPlacement'
import { translate } from '../../src/shared/i18n/translate'

const settings = defaultSettings('2026-11-01')

describe('the previous placement and how far a person moved since', () => {
  it('places the previous cycle from its two ratings, cut by the session settings, and gives no box without a potential rating', () => {
    const rated = (overallRating: number, potentialRating: number | null) =>
      boxFromRatings({ overallRating, potentialRating, scaleMin: 1, scaleMax: 5 }, settings)
    const { min, max } = settings.potential.managerScale
    expect(rated(5, max)).toBe(9)
    expect(rated(1, min)).toBe(1)
    expect(rated(5, min)).toBe(3)
    expect(rated(1, max)).toBe(7)
    expect(rated(3, null)).toBeNull()
    // A 1–3 scale is normalised before it is cut: 3 of 3 is high.
    expect(
      boxFromRatings({ overallRating: 3, potentialRating: max, scaleMin: 1, scaleMax: 3 }, settings),
    ).toBe(9)
  })

  it('counts steps up and down apart, so a diagonal swap reads as both', () => {
    expect(movement(5, 9)).toEqual({ up: 2, down: 0 })
    expect(movement(9, 8)).toEqual({ up: 0, down: 1 })
    expect(movement(3, 7)).toEqual({ up: 2, down: 2 })
    expect(movement(4, 4)).toEqual({ up: 0, down: 0 })
    expect(movementEnglish(movement(3, 7))).toBe('up 2 boxes / down 2 boxes')
    expect(movementEnglish(movement(2, 3))).toBe('up 1 box')
  })

  it('calls a move big at two boxes or more, or one step into or out of box 9 or box 1', () => {
    expect(isBigMover(5, 9)).toBe(true)
    expect(isBigMover(2, 6)).toBe(true)
    expect(isBigMover(5, 6)).toBe(false)
    expect(isBigMover(5, 5)).toBe(false)
    // One step, but across the edge of the grid's corners.
    expect(crossesEdge(8, 9)).toBe(true)
    expect(isBigMover(8, 9)).toBe(true)
    expect(isBigMover(9, 6)).toBe(true)
    expect(isBigMover(1, 2)).toBe(true)
    expect(isBigMover(4, 1)).toBe(true)
    expect(isBigMover(2, 3)).toBe(false)
    expect(crossesEdge(9, 9)).toBe(false)
  })

  it('says the flag in English and Polish with proper plurals', () => {
    const big = bigMoverFlag(5, 9, '2025', () => [])
    expect(big.rationale).toBe('Box 5 in 2025, box 9 now: up 2 boxes.')
    expect(translate('en', big.text?.key ?? 'calibration.flags.bigMover', big.text?.params)).toBe(
      big.rationale,
    )
    expect(translate('pl', big.text?.key ?? 'calibration.flags.bigMover', big.text?.params)).toBe(
      'Pole 5 w cyklu 2025, teraz pole 9: w górę o 2 pola.',
    )
    const edge = bigMoverFlag(2, 1, '2025', () => [])
    expect(edge.rationale).toBe(
      'Box 2 in 2025, box 1 now: down 1 box, into or out of box 1, the bottom corner.',
    )
    expect(translate('en', edge.text?.key ?? 'calibration.flags.bigMover', edge.text?.params)).toBe(
      edge.rationale,
    )
    expect(translate('pl', 'calibration.previous.down', { count: 5 })).toBe('w dół o 5 pól')
    expect(translate('pl', 'calibration.previous.down', { count: 1 })).toBe('w dół o 1 pole')
  })
})
