import type { PersonFacts } from '../../../core/rules/evaluate'
import { normaliseRating } from '../../../core/calibration/performance'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { latestPlacements } from '../succession/candidates'
import { skillProfiles } from '../succession/skillProfiles'

/** What the rules see about every current person, gathered in a handful of queries. */
export function personFacts(db: WorkspaceDb, asOf: string): (PersonFacts & { personId: number })[] {
  const skillNames = new Map(
    (db.prepare('SELECT id, name FROM skills').all() as { id: number; name: string }[]).map((s) => [
      s.id,
      s.name,
    ]),
  )
  const hired = new Map(
    (
      db.prepare('SELECT id, hire_date AS hireDate FROM people').all() as {
        id: number
        hireDate: string | null
      }[]
    ).map((p) => [p.id, p.hireDate]),
  )
  const ratings = new Map<number, PersonFacts['rating']>()
  for (const r of db
    .prepare(
      `SELECT r.person_id AS personId, r.overall_rating AS raw, c.name AS cycle, c.scale_min AS min, c.scale_max AS max
       FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id ORDER BY coalesce(c.ends_on, c.name)`,
    )
    .all() as { personId: number; raw: number; cycle: string; min: number; max: number }[])
    ratings.set(r.personId, {
      value: normaliseRating(r.raw, r.min, r.max),
      cycle: r.cycle,
      raw: r.raw,
      scale: `${r.min}–${r.max}`,
    })
  const certifications = new Map<number, { title: string; validUntil: string | null }[]>()
  for (const c of db
    .prepare(
      `SELECT lr.person_id AS personId, i.title, lr.valid_until AS validUntil FROM learning_records lr
       JOIN learning_items i ON i.id = lr.item_id
       WHERE i.activity_type = 'certification' AND lr.status IN ('passed', 'completed')`,
    )
    .all() as { personId: number; title: string; validUntil: string | null }[])
    certifications.set(c.personId, [
      ...(certifications.get(c.personId) ?? []),
      { title: c.title, validUntil: c.validUntil },
    ])
  const placed = latestPlacements(db)
  return skillProfiles(db, asOf).map((p) => ({
    personId: p.personId,
    employeeId: p.employeeId,
    name: p.name,
    hireDate: hired.get(p.personId) ?? null,
    skills: new Map([...p.levels].map(([id, l]) => [skillNames.get(id) ?? String(id), l])),
    rating: ratings.get(p.personId) ?? null,
    box: placed.get(p.employeeId)?.box ?? null,
    flags: placed.get(p.employeeId)?.flags ?? [],
    certifications: certifications.get(p.personId) ?? [],
  }))
}
