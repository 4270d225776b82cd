import { describe, expect, it } from 'vitest'
import { adverseImpact } from '../../src/core/fairness/adverseImpact'
import { ageBandOf } from '../../src/core/fairness/ageBand'
import { associate, strengthOf } from '../../src/core/fairness/association'
import { auditFairness, type AuditSubject } from '../../src/core/fairness/audit'
import { fisherExactTwoSided } from '../../src/core/fairness/fisher'

describe("Fisher's exact test", () => {
  it('matches the published two-sided p-values', () => {
    // Wikipedia's dieting example (men 1 of 10, women 11 of 14) and Fisher's tea-tasting table.
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(0.002759, 5)
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(0.4857, 4)
    expect(fisherExactTwoSided(5, 5, 5, 5)).toBeCloseTo(1, 10)
  })
})

describe('adverse impact', () => {
  it('takes each rate against the best shown group, flags under four fifths, and hides groups under 4', () => {
    const { rows, reference } = adverseImpact([
      { group: 'A', n: 100, selected: 50 },
      { group: 'B', n: 100, selected: 30 },
      { group: 'C', n: 3, selected: 3 },
    ])
    expect(reference).toBe('A')
    expect(rows[0]).toMatchObject({ group: 'A', rate: 0.5, ratio: 1, belowFourFifths: false })
    expect(rows[1]).toMatchObject({ group: 'B', rate: 0.3, ratio: 0.6, belowFourFifths: true, small: false })
    // C's perfect rate is not the reference, and none of its numbers are shown.
    expect(rows[2]).toEqual(
      expect.objectContaining({
        group: 'C',
        suppressed: true,
        n: null,
        selected: null,
        rate: null,
        ratio: null,
      }),
    )
    // B against everyone else (A and C: 53 of 103).
    expect(rows[1]?.pValue).toBeCloseTo(fisherExactTwoSided(30, 70, 53, 50), 4)
  })

  it('marks a group as small under 30 people, where one person moves the ratio', () => {
    const { rows } = adverseImpact([
      { group: 'A', n: 10, selected: 5 },
      { group: 'B', n: 10, selected: 3 },
    ])
    expect(rows[1]).toMatchObject({ ratio: 0.6, belowFourFifths: true, small: true })
    expect(rows[1]?.pValue).toBeGreaterThan(0.05)
  })
})

describe('association', () => {
  it('computes η² and, for two groups, the signed point-biserial correlation', () => {
    const a = associate([
      { group: 'F', values: [1, 2, 3] },
      { group: 'M', values: [4, 5, 6] },
    ])
    expect(a.eta2).toBeCloseTo(13.5 / 17.5, 10)
    expect(a.correlation).toBeCloseTo(Math.sqrt(13.5 / 17.5), 10)
    expect(a.groups).toEqual([
      { group: 'F', n: 3, mean: 2 },
      { group: 'M', n: 3, mean: 5 },
    ])
    expect(strengthOf(0.005)).toBe('none')
    expect(strengthOf(0.07)).toBe('medium')
  })
})

describe('age bands', () => {
  it('bands by birth year at the session date, or a bare imported age, else keeps the imported band', () => {
    expect(ageBandOf(1990, null, '2026-11-01')).toBe('30–39')
    expect(ageBandOf(null, '41', '2026-11-01')).toBe('40–49')
    expect(ageBandOf(null, '25-34', '2026-11-01')).toBe('25-34')
    expect(ageBandOf(1960, null, '2026-11-01')).toBe('50 and over')
    expect(ageBandOf(null, null, '2026-11-01')).toBeNull()
  })
})

describe('the audit of a session', () => {
  const subject = (pattern: string, i: number, breadth: number, box: number): AuditSubject => ({
    groups: { workPattern: pattern },
    rating: 3,
    highPerformance: false,
    computedBox: box,
    box,
    hiddenGem: false,
    flags: [],
    agility: 40 + breadth * 40 + (i % 3),
    ranks: [0.5, 0.5, breadth, 0.5],
  })
  const full = Array.from({ length: 40 }, (_, i) =>
    subject('Full-time', i, 0.5 + (i % 5) / 10, i % 2 ? 9 : 5),
  )
  const part = Array.from({ length: 12 }, (_, i) =>
    subject('Part-time', i, 0.1 + (i % 3) / 10, i % 4 ? 5 : 9),
  )
  const tiny = [subject('Job share', 0, 0.9, 9), subject('Job share', 1, 0.9, 9)]
  const audit = auditFairness([...full, ...part, ...tiny], [6, 8, 9])

  it('lists only the attributes present, with how many people have them recorded', () => {
    expect(audit.attributes).toEqual([{ attribute: 'workPattern', label: 'Work pattern', recorded: 54 }])
  })

  it('screens top boxes per group with counts, and suppresses the group under 4', () => {
    const after = audit.impact.find((s) => s.outcome === 'top-boxes-after')
    expect(after?.rows.map((r) => [r.group, r.n, r.selected])).toEqual([
      ['Full-time', 40, 20],
      ['Part-time', 12, 3],
      ['Job share', null, null],
    ])
    expect(after?.rows[1]).toMatchObject({ ratio: 0.5, belowFourFifths: true })
    expect(audit.distribution.find((d) => d.group === 'Job share')).toMatchObject({
      suppressed: true,
      n: null,
    })
    expect(audit.distribution.find((d) => d.group === 'Part-time')?.after?.[8]).toBe(3)
  })

  it('names the agility component that drives a disparity', () => {
    const breadth = audit.metrics.find((m) => m.metric === 'breadth')
    expect(breadth).toMatchObject({ drives: true, strength: 'large' })
    expect(breadth?.warning).toMatch(/drives the learning agility gap by work pattern: Part-time ranks lower/)
    expect(audit.metrics.find((m) => m.metric === 'assessment')).toMatchObject({
      drives: false,
      warning: null,
    })
    expect(audit.warnings.some((w) => w.includes('breadth of recent learning'))).toBe(true)
  })
})
