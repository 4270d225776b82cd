import { describe, expect, it } from 'vitest'
import type { CalibrationView, Placement } from '../../src/shared/contract'
import { withMoveShown, withMovesShown } from '../../src/core/calibration/moveShown'
import { rosterFact } from '../../src/core/calibration/rosterFacts'

const placement = (employeeId: string, computedBox: number, box = computedBox): Placement =>
  ({
    employeeId,
    personId: Number(employeeId.slice(1)),
    computedBox,
    box,
    source: box === computedBox ? 'computed' : 'moved',
    flags: [],
  }) as unknown as Placement

/** A grid of three people with a target of one per box in 5, 6 and 9 (enough to see counts and deviations move). */
function view(placements: Placement[]): CalibrationView {
  const actual = (box: number) => placements.filter((p) => p.box === box).length
  const target = (box: number) => ([5, 6, 9].includes(box) ? 1 : 0)
  return {
    placements,
    holding: [],
    canUndo: false,
    canRedo: true,
    distribution: Array.from({ length: 9 }, (_, i) => ({
      box: i + 1,
      label: `Box ${i + 1}`,
      computed: actual(i + 1),
      actual: actual(i + 1),
      targetPercent: 0,
      targetCount: target(i + 1),
      deviation:
        actual(i + 1) === target(i + 1) ? 'on-target' : actual(i + 1) > target(i + 1) ? 'over' : 'under',
    })),
  } as unknown as CalibrationView
}

describe('a written move shown before the view is recomputed', () => {
  it('puts the people in their new box, recounts the boxes and ends the redo history', () => {
    const before = view([placement('E1', 5), placement('E2', 5), placement('E3', 9)])
    const after = withMoveShown(before, ['E2'], 6)
    expect(after.placements.map((p) => [p.employeeId, p.box, p.source])).toEqual([
      ['E1', 5, 'computed'],
      ['E2', 6, 'moved'],
      ['E3', 9, 'computed'],
    ])
    expect(after.distribution.filter((d) => d.actual > 0).map((d) => [d.box, d.actual, d.deviation])).toEqual(
      [
        [5, 1, 'on-target'],
        [6, 1, 'on-target'],
        [9, 1, 'on-target'],
      ],
    )
    expect(after).toMatchObject({ canUndo: true, canRedo: false })
    // The view it started from is left as it was (React compares views by identity).
    expect(before.placements[1]?.box).toBe(5)
  })

  it('counts a move back to the data’s own box as no longer moved', () => {
    const after = withMoveShown(view([placement('E1', 5, 9)]), ['E1'], 5)
    expect(after.placements[0]).toMatchObject({ box: 5, source: 'computed' })
  })

  it('returns the same view when nobody changes box', () => {
    const before = view([placement('E1', 5)])
    expect(withMoveShown(before, ['E1'], 5)).toBe(before)
    expect(withMoveShown(before, ['E404'], 7)).toBe(before)
  })
})

describe('what the screen works out from the roster, across a move shown', () => {
  it('is worked out once per roster: a move shown keeps it, a view read again works it out afresh', () => {
    const before = view([placement('E1', 5), placement('E2', 5), placement('E3', 9)])
    let runs = 0
    const people = (placements: readonly Placement[]): string =>
      rosterFact(placements, 'people', () => {
        runs++
        return placements.map((p) => p.employeeId).join(',')
      })
    expect(people(before.placements)).toBe('E1,E2,E3')
    expect(people(before.placements)).toBe('E1,E2,E3')
    expect(runs).toBe(1)
    const moved = withMoveShown(before, ['E2'], 6)
    expect(moved.placements).not.toBe(before.placements)
    expect(people(moved.placements)).toBe('E1,E2,E3')
    expect(runs).toBe(1)
    // The services' recomputed view is a new roster (someone may have been imported meanwhile).
    const reread = view([placement('E1', 5), placement('E2', 6), placement('E3', 9), placement('E4', 1)])
    expect(people(reread.placements)).toBe('E1,E2,E3,E4')
    expect(runs).toBe(2)
  })
})

describe('someone placed from the holding area, shown before the view is recomputed', () => {
  it('is on the grid at once, placed by hand, and no longer held', () => {
    const before = {
      ...view([placement('E1', 5), placement('E3', 9)]),
      holding: [
        {
          personId: 7,
          employeeId: 'E7',
          name: 'Ada New',
          pseudonym: 'P-7',
          department: 'Sales',
          reason: 'too-new',
          explanation: 'Hired last month.',
          flags: [],
        },
      ],
    } as CalibrationView
    const after = withMovesShown(before, [{ employeeId: 'E7', box: 6 }])
    expect(after.holding).toEqual([])
    const placed = after.placements.find((p) => p.employeeId === 'E7')
    expect(placed).toMatchObject({
      box: 6,
      computedBox: 6,
      source: 'placed',
      heldFor: 'too-new',
      performance: { level: 'high', value: null },
      potential: { level: 'moderate', basis: 'hand' },
    })
    expect(after.distribution.find((d) => d.box === 6)?.actual).toBe(1)
    expect(after.placements).toHaveLength(3)
    // The one held stays held in the view it came from.
    expect(before.holding).toHaveLength(1)
  })
})
