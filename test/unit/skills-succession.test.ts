import { describe, expect, it } from 'vitest'
import { matchSkill, skillKey, skillSimilarity, type OntologySkill } from '../../src/core/skills/normalise'
import { currentSkillLevels, type SkillLearning, type SkillRating } from '../../src/core/skills/skillLevels'
import { assessCandidate, benchStrength } from '../../src/core/succession/readiness'

const ONTOLOGY: OntologySkill[] = [
  { id: 1, name: 'Account Management', aliases: ['Key Account Mgmt'], status: 'active' },
  { id: 2, name: 'Project Management', aliases: [], status: 'active' },
  { id: 3, name: 'COBOL', aliases: [], status: 'retired' },
]

describe('matching skill names to the ontology', () => {
  it('matches names, aliases, and names differing only in case, spacing or punctuation', () => {
    expect(matchSkill('account management', ONTOLOGY)).toMatchObject({ kind: 'exact', skillId: 1 })
    expect(matchSkill('Key Account Mgmt', ONTOLOGY)).toMatchObject({ kind: 'alias', skillId: 1 })
    expect(matchSkill(' Project-Management ', ONTOLOGY)).toMatchObject({ kind: 'normalised', skillId: 2 })
    expect(skillKey('R&D  Strategy!')).toBe('r and d strategy')
  })

  it('suggests, never applies, similar skills; retired skills are not offered', () => {
    const match = matchSkill('Client Management', ONTOLOGY)
    expect(match.kind).toBe('unknown')
    if (match.kind !== 'unknown') throw new Error('unreachable')
    expect(match.suggestions[0]).toMatchObject({ skillId: 1, name: 'Account Management' })
    expect(matchSkill('Cobol', ONTOLOGY)).toMatchObject({ kind: 'unknown' })
    expect(skillSimilarity('Negotiation', 'Forecasting')).toBeLessThan(0.5)
  })
})

describe('current skill levels from every source', () => {
  const rating = (level: number, source: SkillRating['source'], ratedAt: string): SkillRating => ({
    skillId: 1,
    level,
    source,
    ratedAt,
    id: level,
  })
  const learning = (fields: Partial<SkillLearning>): SkillLearning => ({
    skillId: 1,
    level: 4,
    title: 'AWS Certified Solutions Architect',
    activityType: 'certification',
    status: 'passed',
    completedAt: '2025-01-01',
    validUntil: '2028-01-01',
    id: 99,
    ...fields,
  })

  it('a newer assessment beats an older manager rating, and an older one does not', () => {
    expect(
      currentSkillLevels(
        [rating(2, 'manager', '2025-01-01'), rating(4, 'assessment', '2025-06-01')],
        [],
        '2026-01-01',
      ).get(1),
    ).toMatchObject({ level: 4, source: 'assessment' })
    expect(
      currentSkillLevels(
        [rating(2, 'manager', '2025-09-01'), rating(4, 'assessment', '2025-06-01')],
        [],
        '2026-01-01',
      ).get(1),
    ).toMatchObject({ level: 2, source: 'manager' })
  })

  it('self-ratings never count; proof from learning raises the level; an expired certification stops counting', () => {
    expect(currentSkillLevels([rating(5, 'self', '2025-06-01')], [], '2026-01-01').has(1)).toBe(false)
    expect(
      currentSkillLevels([rating(2, 'manager', '2025-06-01')], [learning({})], '2026-01-01').get(1),
    ).toMatchObject({
      level: 4,
      source: 'certification',
      basis: 'AWS Certified Solutions Architect (certification, valid until 2028-01-01) evidences level 4',
    })
    expect(
      currentSkillLevels(
        [rating(2, 'manager', '2025-06-01')],
        [learning({ validUntil: '2025-12-01' })],
        '2026-01-01',
      ).get(1),
    ).toMatchObject({ level: 2, source: 'manager' })
    expect(
      currentSkillLevels(
        [rating(5, 'manager', '2025-06-01')],
        [learning({ activityType: 'course', level: 2 })],
        '2026-01-01',
      ).get(1),
    ).toMatchObject({ level: 5, source: 'manager' })
    expect(
      currentSkillLevels([], [learning({ activityType: 'course', status: 'in_progress' })], '2026-01-01').has(
        1,
      ),
    ).toBe(false)
  })
})

describe('readiness for a critical role', () => {
  const requirements = [
    { skillId: 1, skill: 'Cloud Architecture', minLevel: 4 },
    { skillId: 2, skill: 'Team Leadership', minLevel: 3 },
  ]
  const held = (a: number, b: number) =>
    new Map([
      [1, { level: a }],
      [2, { level: b }],
    ])

  it('is ready now with no gaps, soon with up to two levels short, later beyond', () => {
    expect(assessCandidate(held(4, 3), requirements, 9)).toMatchObject({
      readiness: 'ready-now',
      fitPercent: 100,
      gaps: [],
    })
    expect(assessCandidate(held(3, 2), requirements, 8)).toMatchObject({
      readiness: 'ready-1-2',
      fitPercent: 71,
      gaps: [
        { skill: 'Cloud Architecture', needed: 4, held: 3 },
        { skill: 'Team Leadership', needed: 3, held: 2 },
      ],
    })
    expect(assessCandidate(held(1, 3), requirements, 9).readiness).toBe('ready-3-plus')
    expect(assessCandidate(new Map(), requirements, null)).toMatchObject({
      readiness: 'ready-3-plus',
      fitPercent: 0,
    })
  })

  it('a low performer with every skill is not ready now', () => {
    expect(assessCandidate(held(5, 5), requirements, 7)).toMatchObject({
      readiness: 'ready-1-2',
      reason: 'Meets every required level, but sits in box 7 (low performance).',
    })
  })

  it('counts bench strength', () => {
    expect(benchStrength(['ready-now', 'ready-1-2', 'ready-1-2', 'ready-3-plus'])).toEqual({
      readyNow: 1,
      readySoon: 2,
      later: 1,
    })
  })
})
