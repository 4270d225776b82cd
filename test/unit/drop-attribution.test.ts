import { describe, expect, it } from 'vitest'
import { attributeChange } from '../../src/core/insights/dropAttribution'

describe('attributing a fall in a rate to segments', () => {
  it('puts all of a fall on the one segment whose rate fell', () => {
    const result = attributeChange([
      { segment: 'North', before: { n: 100, hits: 50 }, after: { n: 100, hits: 50 } },
      { segment: 'South', before: { n: 100, hits: 50 }, after: { n: 100, hits: 20 } },
    ])
    expect(result.before).toBe(0.5)
    expect(result.after).toBeCloseTo(0.35, 10)
    expect(result.segments[0]).toMatchObject({ segment: 'South', rateAfter: 0.2 })
    expect(result.segments[0]?.shareOfChange).toBeCloseTo(1, 10)
    expect(result.segments[1]?.shareOfChange).toBeCloseTo(0, 10)
  })

  it('adds up to the overall change when the mix shifts too', () => {
    const result = attributeChange([
      { segment: 'A', before: { n: 80, hits: 60 }, after: { n: 40, hits: 28 } },
      { segment: 'B', before: { n: 20, hits: 10 }, after: { n: 60, hits: 24 } },
      { segment: 'C', before: { n: 0, hits: 0 }, after: { n: 10, hits: 1 } },
    ])
    const sum = result.segments.reduce((s, x) => s + x.contribution, 0)
    expect(sum).toBeCloseTo(result.change ?? Number.NaN, 12)
    expect(result.segments.reduce((s, x) => s + (x.shareOfChange ?? 0), 0)).toBeCloseTo(1, 12)
  })
})
