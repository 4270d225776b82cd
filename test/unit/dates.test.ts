import { describe, expect, it } from 'vitest'
import { addDays, dayNumber, daysBetween } from '../../src/core/dates'

describe('calendar dates', () => {
  it('counts days from 1970 by arithmetic exactly as Date.UTC does, leap years and centuries included', () => {
    const mismatches: string[] = []
    for (let t = Date.UTC(1895, 0, 1); t < Date.UTC(2105, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10)
      if (dayNumber(iso) !== t / 86_400_000) mismatches.push(iso)
    }
    expect(mismatches).toEqual([])
  })

  it('measures spans across a leap day and back', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1)
    expect(daysBetween('2026-11-01', '2025-11-01')).toBe(-365)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
  })
})
