import { describe, expect, it } from 'vitest'
import {
  proportionInterval,
  summarise,
  tQuantile975,
  welchInterval,
} from '../../src/core/insights/cohortStats'

describe('cohort statistics', () => {
  it("gives Student's t quantiles within a thousandth of the tables", () => {
    expect(tQuantile975(5)).toBeCloseTo(2.5706, 2)
    expect(tQuantile975(10)).toBeCloseTo(2.2281, 3)
    expect(tQuantile975(30)).toBeCloseTo(2.0423, 3)
    expect(tQuantile975(Number.POSITIVE_INFINITY)).toBeCloseTo(1.96, 3)
  })

  it("matches R's t.test (Welch) interval for a difference of means", () => {
    // t.test(1:5, c(2, 4, 6, 8, 10)): df 5.8824, 95% CI −6.887979 to 0.887979.
    const ci = welchInterval(summarise([1, 2, 3, 4, 5]), summarise([2, 4, 6, 8, 10]))
    expect(ci?.estimate).toBe(-3)
    expect(ci?.low).toBeCloseTo(-6.888, 1)
    expect(ci?.high).toBeCloseTo(0.888, 1)
    expect(ci?.method).toMatch(/5\.9 degrees of freedom/)
    expect(welchInterval(summarise([1]), summarise([1, 2]))).toBeNull()
  })

  it("matches Newcombe's published hybrid score interval for a difference of proportions", () => {
    // Newcombe (1998), example (a): 56/70 − 48/80 = 0.2, 95% CI 0.0524 to 0.3339.
    const ci = proportionInterval({ n: 70, hits: 56 }, { n: 80, hits: 48 })
    expect(ci?.estimate).toBeCloseTo(0.2, 10)
    expect(ci?.low).toBeCloseTo(0.0524, 3)
    expect(ci?.high).toBeCloseTo(0.3339, 3)
  })
})
