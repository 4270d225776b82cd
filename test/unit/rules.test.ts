import { describe, expect, it } from 'vitest'
import { evaluateCondition, matchRule, type PersonFacts } from '../../src/core/rules/evaluate'

const AS_OF = '2026-11-01'
const facts = (fields: Partial<PersonFacts> = {}): PersonFacts => ({
  employeeId: 'E1',
  name: 'Ada',
  hireDate: '2020-01-01',
  skills: new Map([['Project Management', { level: 2, basis: 'manager rating 2 on 2026-01-10' }]]),
  rating: { value: 5, cycle: '2025 Annual Review', raw: 5, scale: '1–5' },
  box: 9,
  flags: ['HIDDEN_GEM'],
  certifications: [{ title: 'PMP', validUntil: '2026-12-01' }],
  ...fields,
})

describe('rule conditions', () => {
  it('competency below a threshold, naming the record; no evidence is no gap', () => {
    expect(
      evaluateCondition(
        { type: 'competencyBelow', skill: 'project management', threshold: 3 },
        facts(),
        AS_OF,
      ),
    ).toEqual({
      holds: true,
      why: 'project management 2 < 3 (manager rating 2 on 2026-01-10)',
    })
    // No evidence of the skill is not a gap a review found.
    expect(
      evaluateCondition({ type: 'competencyBelow', skill: 'Negotiation', threshold: 3 }, facts(), AS_OF)
        .holds,
    ).toBe(false)
    expect(
      evaluateCondition(
        { type: 'competencyBelow', skill: 'Project Management', threshold: 2 },
        facts(),
        AS_OF,
      ).holds,
    ).toBe(false)
  })

  it('rating at least X with more than Y years of tenure', () => {
    const rule = { type: 'ratingAtLeast', rating: 4, minTenureYears: 2 } as const
    expect(evaluateCondition(rule, facts(), AS_OF)).toMatchObject({
      holds: true,
      why: expect.stringContaining('6.8 years since hire'),
    })
    expect(evaluateCondition(rule, facts({ hireDate: '2025-06-01' }), AS_OF).holds).toBe(false)
    expect(
      evaluateCondition(rule, facts({ rating: { value: 3, cycle: 'c', raw: 3, scale: '1–5' } }), AS_OF).holds,
    ).toBe(false)
    expect(evaluateCondition(rule, facts({ rating: null }), AS_OF).holds).toBe(false)
  })

  it('a calibration flag, a box, a certification expiring within N days', () => {
    expect(evaluateCondition({ type: 'flag', code: 'HIDDEN_GEM' }, facts(), AS_OF).holds).toBe(true)
    expect(evaluateCondition({ type: 'flag', code: 'COMPLIANCE_GAP' }, facts(), AS_OF).holds).toBe(false)
    expect(evaluateCondition({ type: 'inBox', box: 9 }, facts(), AS_OF).holds).toBe(true)
    expect(evaluateCondition({ type: 'inBox', box: 8 }, facts(), AS_OF).holds).toBe(false)
    expect(evaluateCondition({ type: 'certificationExpiring', withinDays: 30 }, facts(), AS_OF)).toEqual({
      holds: true,
      why: 'PMP expires on 2026-12-01 (within 30 days)',
    })
    expect(evaluateCondition({ type: 'certificationExpiring', withinDays: 29 }, facts(), AS_OF).holds).toBe(
      false,
    )
    // Already expired is not "expiring".
    expect(
      evaluateCondition(
        { type: 'certificationExpiring', withinDays: 30 },
        facts({ certifications: [{ title: 'PMP', validUntil: '2026-10-01' }] }),
        AS_OF,
      ).holds,
    ).toBe(false)
  })

  it('a rule matches only when every condition holds, with one reason per condition', () => {
    expect(
      matchRule(
        [
          { type: 'inBox', box: 9 },
          { type: 'flag', code: 'HIDDEN_GEM' },
        ],
        facts(),
        AS_OF,
      ),
    ).toEqual([
      'in box 9 in the latest calibration session',
      'flagged HIDDEN_GEM in the latest calibration session',
    ])
    expect(
      matchRule(
        [
          { type: 'inBox', box: 9 },
          { type: 'flag', code: 'COMPLIANCE_GAP' },
        ],
        facts(),
        AS_OF,
      ),
    ).toBeNull()
  })
})
