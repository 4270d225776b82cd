import { describe, expect, it } from 'vitest'
import { calibrate } from '../../src/core/calibration/calibrate'
import { defaultSettings } from '../../src/core/calibration/defaults'
import type {
  CalibrationPerson,
  LearningRecord,
  ReviewRecord,
} from '../../src/core/calibration/evidenceModel'
import { explainPlacement } from '../../src/core/calibration/explain'
import { potentialScore, resolvePotential } from '../../src/core/calibration/potential'
import type { CalibrationSettings } from '../../src/shared/contract/calibration'
import { english, translate } from '../../src/shared/i18n/translate'

const AS_OF = '2026-11-01'
const CYCLE = {
  id: 1,
  name: 'FY2025',
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
  scaleMin: 1,
  scaleMax: 5,
}
let nextId = 1
const review = (rating: number, potentialRating: number | null = null): ReviewRecord => ({
  id: nextId++,
  cycleId: 1,
  cycleName: CYCLE.name,
  overallRating: rating,
  potentialRating,
  scaleMin: 1,
  scaleMax: 5,
  reviewerId: 'M1',
  reviewDate: '2025-12-01',
})
const result = (score: number, fields: Partial<LearningRecord> = {}): LearningRecord => ({
  id: nextId++,
  activityId: 'A-1',
  title: 'Reasoning test',
  activityType: 'assessment',
  mandatory: false,
  status: 'completed',
  score,
  scoreMin: null,
  scoreMax: null,
  assignedAt: null,
  dueAt: null,
  completedAt: null,
  validUntil: null,
  ...fields,
})
const person = (
  employeeId: string,
  rating: number,
  learning: LearningRecord[],
  potential: number | null = null,
): CalibrationPerson => ({
  personId: nextId++,
  employeeId,
  fullName: employeeId,
  managerId: 'M1',
  department: 'Ops',
  location: null,
  jobLevel: 2,
  hireDate: '2015-01-01',
  reviews: [review(rating, potential)],
  competencies: [],
  learning,
})
const settingsFrom = (potential: Partial<CalibrationSettings['potential']>): CalibrationSettings => {
  const base = defaultSettings(AS_OF)
  return { ...base, potential: { ...base.potential, ...potential } }
}
const run = (people: CalibrationPerson[], settings: CalibrationSettings) =>
  calibrate({
    people,
    cycle: CYCLE,
    settings,
    moves: [],
    flagStates: [],
    discussed: new Set(),
    pseudonyms: people.map((_, i) => `P-${String(i).padStart(4, '0')}`),
    blind: false,
  })

describe('potential from assessment results', () => {
  it('ranks each person’s results within the session, counts only assessments of the period, and says what is undated', () => {
    const people = [
      person('A', 3, [result(55)]), // undated: counts
      person('B', 3, [result(70, { completedAt: '2025-06-01' })]),
      person('C', 3, [result(90, { completedAt: '2024-06-01' })]), // before the period: does not count
      person('D', 3, [result(99, { activityType: 'course', completedAt: '2025-06-01' })]), // a course score: never
      person('E', 3, [result(8, { scoreMax: 10, completedAt: '2025-03-01' })]), // 80% on its own scale
    ]
    const view = run(people, settingsFrom({ source: 'assessment' }))
    expect(view.placements.map((p) => [p.employeeId, p.potential.value, p.potential.basis])).toEqual([
      ['A', 16.7, 'assessment'],
      ['B', 50, 'assessment'],
      ['E', 83.3, 'assessment'],
    ])
    expect(view.holding.map((h) => [h.employeeId, h.explanation])).toEqual([
      ['C', 'No assessment result in the period of FY2025, and no manager potential rating to fall back on.'],
      ['D', 'No assessment result in the period of FY2025, and no manager potential rating to fall back on.'],
    ])
    const explained = (id: string) => {
      const placement = view.placements.find((p) => p.employeeId === id)
      const who = people.find((p) => p.employeeId === id)
      if (!placement || !who) throw new Error(`${id} not placed`)
      return explainPlacement(who, placement, CYCLE, settingsFrom({ source: 'assessment' })).potential
    }
    expect(explained('A').explanation).toBe(
      "From the assessment results in the session's 17th percentile (one result: Reasoning test 55 (undated)). Low: low below the session's 30th percentile, high from its 80th.",
    )
    expect(explained('E').explanation).toContain('Reasoning test 8/10 on 2025-03-01')
    expect(explained('E').evidence).toMatchObject([{ kind: 'learning', date: '2025-03-01' }])
  })

  it('falls back to the manager’s potential rating, and blends any two sources the session names', () => {
    const people = [
      person('A', 3, [result(40)], 3),
      person('B', 3, [result(60)], null),
      person('C', 3, [], 2),
    ]
    const fallback = run(people, settingsFrom({ source: 'assessment' }))
    expect(fallback.placements.map((p) => [p.employeeId, p.potential.basis])).toEqual([
      ['A', 'assessment'],
      ['B', 'assessment'],
      ['C', 'manager'],
    ])
    const blend = run(
      people,
      settingsFrom({ source: 'blend', blendOf: ['assessment', 'manager'], agilityWeight: 0.25 }),
    )
    // A: 25% of the 25th percentile + 75% of the manager's 3 on 1–3 (100) = 81.25.
    expect(blend.placements.map((p) => [p.employeeId, p.potential.value, p.potential.basis])).toEqual([
      ['A', 81.3, 'blend'],
      ['B', 75, 'assessment'],
      ['C', 50, 'manager'],
    ])
  })

  it('keeps the agility, manager and default blend rules exactly as they were', () => {
    for (const source of ['agility', 'manager', 'blend'] as const)
      for (const index of [null, 0, 42.5, 100])
        for (const rating of [null, 1, 2, 3])
          for (const assessment of [null, 12.5, 90]) {
            const settings = settingsFrom({ source, agilityWeight: 0.3 })
            expect(resolvePotential(index, rating, assessment, settings.potential)).toEqual(
              potentialScore(index, rating, settings.potential),
            )
          }
  })

  it('lists what the holding area needs, offering a source only when it places someone', () => {
    const people = [
      person('A', 3, [result(40)]),
      person('B', 3, [result(60)]),
      person('C', 3, [], 2),
      { ...person('D', 3, []), reviews: [] },
    ]
    const view = run(people, defaultSettings(AS_OF))
    expect(view.placements.map((p) => p.employeeId)).toEqual(['C'])
    expect(view.holdingTodo).toMatchObject([
      {
        reason: 'insufficient-evidence',
        count: 2,
        summary: '2 people have no potential evidence for FY2025',
        actions: [
          { kind: 'source', source: 'assessment', places: 2 },
          { kind: 'import', what: 'potential-ratings' },
          { kind: 'import', what: 'assessments' },
          { kind: 'place-by-hand' },
        ],
      },
      { reason: 'not-rated', count: 1, summary: '1 person has no rating in FY2025' },
    ])
  })
})

describe('flags on thin evidence', () => {
  it('never invents a mismatch from a raw score whose scale is unknown', () => {
    const people = [person('A', 5, [result(3)]), person('B', 5, [result(3, { scoreMax: 100 })])]
    const view = run(people, settingsFrom({ source: 'assessment' }))
    const codes = (id: string) => view.placements.find((p) => p.employeeId === id)?.flags.map((f) => f.code)
    expect(codes('A')).not.toContain('RATING_EVIDENCE_MISMATCH')
    expect(codes('B')).toContain('RATING_EVIDENCE_MISMATCH')
  })

  it('says the same in English and in the message, with one result or several', () => {
    const two = (a: number, b: number) => [
      result(a, { scoreMax: 100 }),
      result(b, { scoreMax: 100, activityId: 'A-2', title: 'Numeracy' }),
    ]
    const people = [
      person('A', 5, two(5, 15)),
      person('B', 1, [result(95, { scoreMax: 100 })]),
      ...[20, 30, 40, 50, 60, 70].map((s, i) => person(`C${i}`, 3, two(s, s))),
      person('G', 3, two(99, 100)),
    ]
    const view = run(people, settingsFrom({ source: 'assessment' }))
    const flags = view.placements.flatMap((p) => p.flags)
    expect(flags.map((f) => f.code)).toEqual(
      expect.arrayContaining(['RATING_EVIDENCE_MISMATCH', 'HIDDEN_GEM']),
    )
    for (const f of flags) expect(f.text && english(f.text), f.code).toBe(f.rationale)
    expect(flags.find((f) => f.code === 'RATING_EVIDENCE_MISMATCH')?.rationale).toContain(
      'vs 2 assessment results averaging 10% (1.4/5)',
    )
  })

  it('finds a hidden gem from assessment results only for people without an agility index', () => {
    const scores = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    const people = scores.map((s, i) => person(`P${i}`, i === 9 ? 5 : 3, [result(s)]))
    const view = run(people, settingsFrom({ source: 'assessment' }))
    const gems = view.placements
      .filter((p) => p.flags.some((f) => f.code === 'HIDDEN_GEM'))
      .map((p) => p.employeeId)
    // P8 and P9 are the top fifth; P9 performs high, so it is no hidden gem.
    expect(gems).toEqual(['P8'])
    expect(
      view.placements.find((p) => p.employeeId === 'P8')?.flags.find((f) => f.code === 'HIDDEN_GEM')
        ?.rationale,
    ).toBe(
      "No learning agility index (too little evidence), but the one assessment result on record is in the session's top group (85th percentile, top from the 85th) while performance is moderate (rating 3/5, session median 3).",
    )
  })
})

describe('the to-do in Polish', () => {
  it('uses the one, few and many forms', () => {
    const pl = (count: number) => translate('pl', 'calibration.todo.insufficient', { count, cycle: 'FY2024' })
    expect([pl(1), pl(3), pl(5), pl(22), pl(21678)]).toEqual([
      '1 osoba nie ma dowodów potencjału w cyklu FY2024',
      '3 osoby nie mają dowodów potencjału w cyklu FY2024',
      '5 osób nie ma dowodów potencjału w cyklu FY2024',
      '22 osoby nie mają dowodów potencjału w cyklu FY2024',
      `21\u00a0678 osób nie ma dowodów potencjału w cyklu FY2024`,
    ])
    expect(translate('pl', 'calibration.todo.places', { count: 2 })).toBe('umieści 2 osoby')
    expect(translate('en', 'calibration.todo.notRated', { count: 1812, cycle: 'FY2024' })).toBe(
      '1,812 people have no rating in FY2024',
    )
  })
})
