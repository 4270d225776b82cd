import { describe, expect, it } from 'vitest'
import { agilityComponents, explainAgility, scoreAgility } from '../../src/core/calibration/agility'
import { calibrate, type CalibrationInput } from '../../src/core/calibration/calibrate'
import { defaultSettings } from '../../src/core/calibration/defaults'
import { targetCounts } from '../../src/core/calibration/distribution'
import type {
  CalibrationPerson,
  CompetencyRecord,
  LearningRecord,
  ReviewRecord,
} from '../../src/core/calibration/evidenceModel'
import type { FlagContext } from '../../src/shared/contract/calibration'
import { scanEvidence } from '../../src/core/calibration/evidenceScan'
import { complianceGap, expiredCertification, ratingEvidenceMismatch } from '../../src/core/calibration/flags'
import {
  explainPerformance,
  levelFromCuts,
  normaliseRating,
  placePerformance,
} from '../../src/core/calibration/performance'
import { boxDistance, placeInNineBox } from '../../src/core/calibration/placement'
import { midRankColumn, midRanks } from '../../src/core/calibration/ranking'
import { raterFindings } from '../../src/core/calibration/raters'

const AS_OF = '2026-11-01'
const CYCLE = {
  id: 1,
  name: '2025 Annual Review',
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
  scaleMin: 1,
  scaleMax: 5,
}
let nextId = 1
const review = (rating: number, fields: Partial<ReviewRecord> = {}): ReviewRecord => ({
  id: nextId++,
  cycleId: 1,
  cycleName: CYCLE.name,
  overallRating: rating,
  potentialRating: null,
  scaleMin: 1,
  scaleMax: 5,
  reviewerId: 'M1',
  reviewDate: '2026-02-01',
  ...fields,
})
const rating = (
  skill: string,
  level: number,
  ratedAt: string,
  source: CompetencyRecord['source'] = 'manager',
): CompetencyRecord => ({
  id: nextId++,
  skill,
  level,
  source,
  cycleName: null,
  ratedAt,
})
const learning = (fields: Partial<LearningRecord>): LearningRecord => ({
  id: nextId++,
  activityId: 'C-1',
  title: 'Course',
  activityType: 'course',
  mandatory: false,
  status: 'completed',
  score: null,
  scoreMin: null,
  scoreMax: null,
  assignedAt: null,
  dueAt: null,
  completedAt: null,
  validUntil: null,
  ...fields,
})
const person = (employeeId: string, fields: Partial<CalibrationPerson> = {}): CalibrationPerson => ({
  personId: nextId++,
  employeeId,
  fullName: `Person ${employeeId}`,
  managerId: 'M1',
  department: 'Engineering',
  location: null,
  jobLevel: 2,
  hireDate: '2020-01-01',
  reviews: [review(3)],
  competencies: [],
  learning: [],
  ...fields,
})
const ctx: FlagContext = {
  asOf: AS_OF,
  periodStart: '2025-01-01',
  agilityTopCut: 80,
  medianRating: 3,
  staleEvidenceMonths: 18,
  staleSince: '2025-05-01',
}
const rated = (r: ReviewRecord) => ({ ...placePerformance(r, { lowMax: 2, highMin: 4 }), review: r })
/** One person's records scanned as the session does (the scan is shared: use it before the next one). */
const scanned = (p: CalibrationPerson) => scanEvidence(p, ctx, CYCLE.name)
const HIGH = rated(review(5))
const MODERATE = rated(review(3))

describe('performance axis', () => {
  it.each([
    [1, 1, 3, 1],
    [2, 1, 3, 3],
    [3, 1, 3, 5],
    [2, 1, 4, 2.333],
    [3, 1, 4, 3.667],
    [7, 1, 10, 3.667],
  ])('rating %d on %d–%d is %d on 1–5', (r, min, max, expected) => {
    expect(normaliseRating(r, min, max)).toBeCloseTo(expected, 3)
  })

  it('treats the cut points as inclusive: exactly 2 is low, exactly 4 is high', () => {
    expect(levelFromCuts(2, 2, 4)).toBe('low')
    expect(levelFromCuts(2.0001, 2, 4)).toBe('moderate')
    expect(levelFromCuts(3.9999, 2, 4)).toBe('moderate')
    expect(levelFromCuts(4, 2, 4)).toBe('high')
    // 1–3 scale: the middle rating is moderate, the top high, whatever floating point does to 3.0.
    expect(levelFromCuts(normaliseRating(2, 1, 3), 2, 4)).toBe('moderate')
  })

  it('says where the number came from, scale included', () => {
    const score = explainPerformance(review(3, { scaleMin: 1, scaleMax: 4 }), { lowMax: 2, highMin: 4 })
    expect(score?.explanation).toBe(
      'Overall rating 3 on the 1–4 scale of 2025 Annual Review (3.67 on 1–5): moderate (low ≤ 2, high ≥ 4).',
    )
    expect(score?.evidence[0]).toMatchObject({ kind: 'review', value: 'overall 3 of 4' })
  })
})

describe('nine-box placement', () => {
  it('numbers boxes 3 · potential + performance + 1', () => {
    expect(placeInNineBox('low', 'low')).toBe(1)
    expect(placeInNineBox('high', 'low')).toBe(3)
    expect(placeInNineBox('low', 'moderate')).toBe(4)
    expect(placeInNineBox('moderate', 'high')).toBe(8)
    expect(placeInNineBox('high', 'high')).toBe(9)
    expect(boxDistance(5, 9)).toBe(2)
    expect(boxDistance(5, 6)).toBe(1)
  })

  it('gives ties one shared mid-rank', () => {
    const rank = midRanks([1, 2, 2, 3])
    expect([rank(1), rank(2), rank(3)]).toEqual([0.125, 0.5, 0.875])
  })

  it('ranks a whole column the same way, counts and fractions alike, skipping missing values', () => {
    const counts = Float64Array.from([3, 1, Number.NaN, 2, 2])
    expect([...midRankColumn(counts)]).toEqual([0.875, 0.125, Number.NaN, 0.5, 0.5])
    const fractions = Float64Array.from([0.3, -1.5, Number.NaN, 0.25, 0.25])
    expect([...midRankColumn(fractions)]).toEqual([0.875, 0.125, Number.NaN, 0.5, 0.5])
  })

  it('splits target counts by largest remainder so they add up', () => {
    const counts = targetCounts(defaultSettings(AS_OF).targets, 7)
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(7)
    expect(counts[5]).toBe(2)
  })
})

describe('learning agility', () => {
  const grower = person('G', {
    competencies: [
      rating('Testing', 2, '2025-01-10'),
      rating('Testing', 4, '2026-01-10'),
      rating('Design', 3, '2026-01-10'),
    ],
    learning: [
      learning({
        activityId: 'A-1',
        activityType: 'assessment',
        score: 50,
        scoreMin: 0,
        scoreMax: 100,
        completedAt: '2025-03-01',
      }),
      learning({
        activityId: 'A-1',
        activityType: 'assessment',
        score: 90,
        scoreMin: 0,
        scoreMax: 100,
        completedAt: '2026-03-01',
      }),
    ],
  })

  it('shows each component with its evidence, and rates growth per year', () => {
    const [growth, assessment, breadth, stretch] = agilityComponents(grower, AS_OF)
    expect(growth?.raw).toBeCloseTo(2, 1)
    expect(growth?.evidence).toHaveLength(2)
    expect(assessment?.raw).toBeCloseTo(0.9 + 0.4 / 2, 5)
    // Two skills rated and one assessment finished in the last 12 months.
    expect(breadth?.raw).toBe(3)
    expect(stretch?.raw).toBe(0)
  })

  it('says "insufficient evidence" instead of a number when evidence is thin', () => {
    const thin = person('T', { competencies: [rating('Testing', 3, '2026-05-01')] })
    const [placement] = scoreAgility([agilityComponents(thin, AS_OF)], defaultSettings(AS_OF).agilityWeights)
    if (!placement) throw new Error('no score')
    expect(placement.index).toBeNull()
    const weights = defaultSettings(AS_OF).agilityWeights
    expect(explainAgility(placement, agilityComponents(thin, AS_OF), weights).explanation).toMatch(
      /^Insufficient evidence: 1 of skill growth/,
    )
  })

  it('does not reward hours logged', () => {
    const long = person('L', {
      ...grower,
      learning: grower.learning.map((r) => ({ ...r, durationMinutes: 6000 }) as LearningRecord),
    })
    const scores = scoreAgility(
      [agilityComponents(grower, AS_OF), agilityComponents(long, AS_OF)],
      defaultSettings(AS_OF).agilityWeights,
    )
    expect(scores[0]?.index).toBe(scores[1]?.index)
  })
})

describe('flags', () => {
  const mandatory = (fields: Partial<LearningRecord>) =>
    learning({
      activityId: 'COMP-1',
      title: 'Anti-bribery',
      mandatory: true,
      assignedAt: '2026-01-01',
      dueAt: '2026-04-01',
      ...fields,
    })

  it('COMPLIANCE_GAP: a top performer with mandatory training failed or overdue in the period', () => {
    const failed = person('F', { learning: [mandatory({ status: 'failed', completedAt: '2026-03-15' })] })
    expect(complianceGap(scanned(failed), HIGH, ctx)?.rationale).toBe(
      'Rated high, but mandatory training is not done: Anti-bribery failed on 2026-03-15.',
    )
    const overdue = person('O', { learning: [mandatory({ status: 'in_progress' })] })
    expect(complianceGap(scanned(overdue), HIGH, ctx)?.evidence()[0]).toMatchObject({
      kind: 'learning',
      value: 'in progress, due 2026-04-01',
    })
    expect(complianceGap(scanned(overdue), MODERATE, ctx)).toBeNull()
    const retaken = person('R', {
      learning: [
        mandatory({ status: 'failed', completedAt: '2026-03-15' }),
        mandatory({ status: 'completed', completedAt: '2026-03-30' }),
      ],
    })
    expect(complianceGap(scanned(retaken), HIGH, ctx)).toBeNull()
    const before = person('B', { learning: [mandatory({ status: 'enrolled', dueAt: '2024-06-01' })] })
    expect(complianceGap(scanned(before), HIGH, ctx)).toBeNull()
  })

  it('EXPIRED_CERTIFICATION: expired and not renewed', () => {
    const cert = (validUntil: string, completedAt: string) =>
      learning({
        activityId: 'CERT',
        title: 'PMP',
        activityType: 'certification',
        status: 'passed',
        completedAt,
        validUntil,
      })
    expect(
      expiredCertification(scanned(person('E', { learning: [cert('2026-06-01', '2023-06-01')] })), HIGH, ctx)
        ?.rationale,
    ).toBe('Rated high, but PMP expired on 2026-06-01.')
    const renewed = person('N', {
      learning: [cert('2026-06-01', '2023-06-01'), cert('2029-06-01', '2026-06-01')],
    })
    expect(expiredCertification(scanned(renewed), HIGH, ctx)).toBeNull()
  })

  it('RATING_EVIDENCE_MISMATCH: two levels or more between the review and independent evidence, either way', () => {
    const assessed = (level: number) =>
      person('A', { competencies: [rating('Testing', level, '2025-06-01', 'assessment')] })
    expect(ratingEvidenceMismatch(scanned(assessed(2)), review(5))?.rationale).toMatch(
      /overall rating 5\/5 vs assessed skills averaging 2\/5/,
    )
    expect(ratingEvidenceMismatch(scanned(assessed(5)), review(3))).not.toBeNull()
    expect(ratingEvidenceMismatch(scanned(assessed(4)), review(3))).toBeNull()
  })

  it('RATER_LENIENCY: a reviewer far above the session mean with enough people rated', () => {
    const reviews = [
      ...Array.from({ length: 4 }, () => review(5, { reviewerId: 'LENIENT' })),
      ...Array.from({ length: 20 }, (_, i) => review(2 + (i % 3), { reviewerId: `R${i % 5}` })),
    ]
    const ids = reviews.map((r) => r.reviewerId)
    const ratings = reviews.map((r) => normaliseRating(r.overallRating, r.scaleMin, r.scaleMax))
    const findings = raterFindings(ids, ratings, 2, 4)
    expect(findings.map((f) => [f.reviewerId, f.code])).toEqual([['LENIENT', 'RATER_LENIENCY']])
    expect(raterFindings(ids, ratings, 2, 5)).toEqual([])
  })
})

describe('a small session end to end', () => {
  const settings = defaultSettings(AS_OF)
  // Ratings 2, 2, 3 … 3, 5, 5; skill growth rises with i, and P7 (rated 3) grows as fast as P9.
  const people = Array.from({ length: 10 }, (_, i) =>
    person(`P${i}`, {
      reviews: [review(i < 2 ? 2 : i < 8 ? 3 : 5)],
      competencies: [
        rating('Testing', 2, '2025-01-10'),
        rating('Testing', i === 7 ? 5 : 2 + Math.floor(i / 3), '2026-01-10'),
      ],
      learning: [learning({ activityId: `X${i}`, completedAt: '2026-06-01' })],
    }),
  )
  const input = (overrides: Partial<CalibrationInput> = {}): CalibrationInput => ({
    people: [...people, person('NEW', { hireDate: '2026-08-01' }), person('UNRATED', { reviews: [] })],
    cycle: CYCLE,
    settings,
    moves: [],
    flagStates: [],
    discussed: new Set(),
    pseudonyms: [],
    blind: false,
    ...overrides,
  })

  it('holds the too-new and the unrated, and places the rest by both axes', () => {
    const result = calibrate(input())
    expect(result.holding.map((h) => [h.employeeId, h.reason])).toEqual([
      ['NEW', 'too-new'],
      ['UNRATED', 'not-rated'],
    ])
    expect(result.placements).toHaveLength(10)
    // P9: the top rating and the fastest growth → box 9.
    expect(result.placements.find((p) => p.employeeId === 'P9')?.computedBox).toBe(9)
    // P0: low rating, slowest growth → box 1.
    expect(result.placements.find((p) => p.employeeId === 'P0')?.computedBox).toBe(1)
  })

  it('never calls a high performer a hidden gem, even where the median rating is high', () => {
    const lenient = Array.from({ length: 10 }, (_, i) =>
      person(`L${i}`, {
        reviews: [review(i < 8 ? 4 : 5)],
        competencies: [
          rating('Testing', 2, '2025-01-10'),
          rating('Testing', 2 + Math.floor(i / 3), '2026-01-10'),
        ],
        learning: [learning({ activityId: `Y${i}`, completedAt: '2026-06-01' })],
      }),
    )
    const result = calibrate(input({ people: lenient }))
    expect(result.placements.every((p) => !p.flags.some((f) => f.code === 'HIDDEN_GEM'))).toBe(true)
  })

  it('flags a fast learner with an average rating as a hidden gem, and a move against the data', () => {
    const result = calibrate(
      input({
        moves: [
          {
            employeeId: 'P0',
            toBox: 9,
            step: 1,
            reasonCode: 'other',
            reason: 'trust me',
            actor: 'HRBP',
            at: '2026-11-01T10:00:00Z',
          },
        ],
      }),
    )
    const gem = result.placements.find((p) => p.employeeId === 'P7')
    expect(gem?.flags.map((f) => f.code)).toContain('HIDDEN_GEM')
    const moved = result.placements.find((p) => p.employeeId === 'P0')
    expect(moved).toMatchObject({ computedBox: 1, box: 9, source: 'moved' })
    expect(moved?.flags.find((f) => f.code === 'MOVED_AGAINST_EVIDENCE')?.rationale).toMatch(
      /4 steps against the evidence: "trust me"/,
    )
  })
})
