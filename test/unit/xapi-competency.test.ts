import { describe, expect, it } from 'vitest'
import { levelFromScore } from '../../src/core/xapi/competencyEvidence'

const withScore = (score: Record<string, number>) => ({ result: { score } })

describe('a proficiency level from an xAPI score', () => {
  it.each([
    [{ scaled: 1 }, 5],
    [{ scaled: 0.81 }, 5],
    [{ scaled: 0.8 }, 4],
    [{ scaled: 0.5 }, 3],
    [{ scaled: 0.01 }, 1],
    [{ scaled: -0.5 }, 1],
    [{ raw: 30, min: 0, max: 40 }, 4],
    [{ raw: 3 }, 3],
  ])('%j → level %i', (score, level) => {
    expect(levelFromScore(withScore(score))).toBe(level)
  })

  it('invents no level: no score, or a raw score without bounds outside 1–5', () => {
    expect(levelFromScore({})).toBeNull()
    expect(levelFromScore(withScore({ raw: 72 }))).toBeNull()
    expect(levelFromScore(withScore({ raw: 2.5 }))).toBeNull()
  })
})
