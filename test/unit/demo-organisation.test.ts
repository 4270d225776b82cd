import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/core/dates'
import { createDemoOrganisation } from '../../src/core/demo'

const AS_OF = '2026-11-01'

function recordsById(org: ReturnType<typeof createDemoOrganisation>) {
  return new Map([...org.records()].map(({ person, records }) => [person.employeeId, records]))
}

describe('demo organisation', () => {
  it('is the same for the same seed and different for another', () => {
    const a = createDemoOrganisation({ people: 300, seed: 11, asOf: AS_OF })
    const b = createDemoOrganisation({ people: 300, seed: 11, asOf: AS_OF })
    const c = createDemoOrganisation({ people: 300, seed: 12, asOf: AS_OF })
    expect(a.people).toEqual(b.people)
    expect([...a.records()]).toEqual([...b.records()])
    expect(c.people.map((p) => p.fullName)).not.toEqual(a.people.map((p) => p.fullName))
  })

  it.each([200, 1_000, 25_000])('has exactly %i people in one valid management hierarchy', (count) => {
    const { people } = createDemoOrganisation({ people: count, seed: 42, asOf: AS_OF })
    expect(people).toHaveLength(count)
    const byId = new Map(people.map((p) => [p.employeeId, p]))
    expect(byId.size).toBe(count)
    expect(new Set(people.map((p) => p.email)).size).toBe(count)
    const roots = people.filter((p) => p.managerId === null)
    expect(roots.map((r) => r.jobTitle)).toEqual(['Chief Executive Officer'])
    const reports = new Map<string, number>()
    for (const person of people) {
      if (person.managerId === null) continue
      const manager = byId.get(person.managerId)
      expect(manager, `${person.employeeId}'s manager`).toBeDefined()
      expect(manager?.jobLevel).toBeGreaterThan(person.jobLevel - 1)
      reports.set(person.managerId, (reports.get(person.managerId) ?? 0) + 1)
    }
    // Realistic spans of control: nobody but the CEO manages more than nine people directly.
    const spans = [...reports.entries()].filter(([id]) => id !== roots[0]?.employeeId).map(([, n]) => n)
    expect(Math.max(...spans)).toBeLessThanOrEqual(9)
    expect(new Set(people.map((p) => p.department)).size).toBe(9) // 8 departments + the CEO's office
  })

  it('plants top performers with a failed or overdue mandatory course', () => {
    const org = createDemoOrganisation({ people: 1_000, seed: 42, asOf: AS_OF })
    const records = recordsById(org)
    const planted = org.plantedCases.filter((c) => c.kind === 'compliance-gap')
    expect(planted.length).toBeGreaterThanOrEqual(3)
    for (const { employeeId } of planted) {
      const r = records.get(employeeId)
      expect(r?.reviews.at(-1)?.overallRating).toBe(5)
      const gaps = r?.learningRecords.filter(
        (l) =>
          l.activityId.startsWith('COMP-') &&
          (l.status === 'failed' || (l.completedAt === null && (l.dueAt ?? '9') < AS_OF)),
      )
      expect(gaps?.length, employeeId).toBeGreaterThan(0)
    }
  })

  it('plants top performers whose certification has expired', () => {
    const org = createDemoOrganisation({ people: 1_000, seed: 42, asOf: AS_OF })
    const records = recordsById(org)
    const planted = org.plantedCases.filter((c) => c.kind === 'expired-certification')
    expect(planted.length).toBeGreaterThanOrEqual(2)
    for (const { employeeId } of planted) {
      const r = records.get(employeeId)
      expect(r?.reviews.at(-1)?.overallRating).toBe(5)
      expect(
        r?.learningRecords.some((l) => l.activityId.startsWith('CERT-') && (l.validUntil ?? '9') < AS_OF),
      ).toBe(true)
    }
  })

  it('plants hidden gems: average ratings, but clear learning momentum', () => {
    const org = createDemoOrganisation({ people: 1_000, seed: 42, asOf: AS_OF })
    const records = recordsById(org)
    const gems = org.plantedCases.filter((c) => c.kind === 'hidden-gem')
    expect(gems.length).toBeGreaterThanOrEqual(10)
    const voluntary = (id: string) =>
      records.get(id)?.learningRecords.filter((l) => l.voluntary && l.activityId.startsWith('CRS-')).length ??
      0
    const everyoneAverage =
      org.people.reduce((sum, p) => sum + voluntary(p.employeeId), 0) / org.people.length
    const gemAverage = gems.reduce((sum, g) => sum + voluntary(g.employeeId), 0) / gems.length
    for (const { employeeId } of gems) {
      expect(records.get(employeeId)?.reviews.map((r) => r.overallRating)).toEqual([3, 3])
    }
    expect(gemAverage).toBeGreaterThan(everyoneAverage * 1.4)
  })

  it('includes recent hires with no review (the "too new" group) and only dates before as-of for completions', () => {
    const org = createDemoOrganisation({ people: 1_000, seed: 42, asOf: AS_OF })
    const records = recordsById(org)
    const recent = org.people.filter((p) => p.hireDate > addDays(AS_OF, -180))
    expect(recent.length).toBeGreaterThan(10)
    for (const p of recent) expect(records.get(p.employeeId)?.reviews).toEqual([])
    for (const r of records.values()) {
      for (const l of r.learningRecords) if (l.completedAt) expect(l.completedAt <= AS_OF).toBe(true)
    }
  })

  it('promotes some people to their current level, after hire and within three years, likelier after a programme', () => {
    const org = createDemoOrganisation({ people: 2_000, seed: 42, asOf: AS_OF })
    let promoted = 0
    const after = { programme: 0, promoted: 0 }
    const without = { people: 0, promoted: 0 }
    for (const { person, records, promotions } of org.records()) {
      for (const p of promotions) {
        expect(p).toMatchObject({ fromLevel: person.jobLevel - 1, toLevel: person.jobLevel })
        expect(p.promotedOn > addDays(person.hireDate, 180)).toBe(true)
        expect(p.promotedOn >= addDays(AS_OF, -3 * 365) && p.promotedOn <= AS_OF).toBe(true)
      }
      promoted += promotions.length
      const programme = records.learningRecords.find((r) => r.activityId.startsWith('PRG-') && r.completedAt)
      // Completed a year or more ago, so the 3–12 months after it are over.
      if (programme?.completedAt && programme.completedAt <= addDays(AS_OF, -365)) {
        after.programme++
        if (promotions.some((p) => p.promotedOn > (programme.completedAt ?? ''))) after.promoted++
      } else if (!programme && person.jobLevel >= 2) {
        without.people++
        if (promotions.length > 0) without.promoted++
      }
    }
    expect(promoted).toBeGreaterThan(50)
    expect(after.promoted / after.programme).toBeGreaterThan((without.promoted / without.people) * 1.5)
  })
})
