import type { DemoSummary } from '../../shared/contract'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { addDays, toIsoDate } from '../../core/dates'
import { createDemoOrganisation, type LearningItemSpec } from '../../core/demo'
import { DEMO_ROLES, ITEM_SKILL_LEVEL, SKILL_ALIASES, SKILL_CATEGORIES } from '../../core/demo/catalogue'
import { inLongTransaction } from '../db/longTransaction'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { appendAudit } from './auditLog'
import type { JobHandle } from './jobs'

/**
 * Writes a demo organisation into an empty workspace in one transaction: a cancelled or failed run leaves the
 * workspace exactly as empty as it was.
 */
export async function populateDemo(
  db: WorkspaceDb,
  options: { people: number; seed: number; now: Date; actor: string },
  job: JobHandle,
): Promise<DemoSummary> {
  const existing = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
  if (existing > 0) {
    throw new AppError('INVALID_INPUT', message('workspace.errors.demoNotEmpty', { count: existing }))
  }
  const org = createDemoOrganisation({
    people: options.people,
    seed: options.seed,
    asOf: toIsoDate(options.now),
  })
  const counts = { reviews: 0, competencyRatings: 0, learningRecords: 0 }

  await inLongTransaction(db, async (breathe) => {
    const cycleIds = new Map<string, number>()
    const insertCycle = db.prepare(
      'INSERT INTO review_cycles (name, starts_on, ends_on, scale_min, scale_max) VALUES (?, ?, ?, ?, ?)',
    )
    for (const c of org.cycles) {
      cycleIds.set(
        c.name,
        Number(insertCycle.run(c.name, c.startsOn, c.endsOn, c.scaleMin, c.scaleMax).lastInsertRowid),
      )
    }
    const skillIds = new Map<string, number>()
    const insertSkill = db.prepare('INSERT INTO skills (name) VALUES (?)')
    for (const skill of org.skills) skillIds.set(skill, Number(insertSkill.run(skill).lastInsertRowid))
    const itemIds = new Map<string, number>()
    const insertItem = db.prepare(
      'INSERT INTO learning_items (activity_id, title, activity_type, provider, mandatory) VALUES (?, ?, ?, ?, ?)',
    )
    for (const item of org.learningItems) {
      const id = insertItem.run(
        item.activityId,
        item.title,
        item.activityType,
        item.provider,
        item.mandatory ? 1 : 0,
      )
      itemIds.set(item.activityId, Number(id.lastInsertRowid))
    }
    addDemoOntology(db, org.learningItems, skillIds, itemIds)

    const insertPerson = db.prepare(
      `INSERT INTO people (employee_id, full_name, email, manager_id, department, location, job_title, job_level, hire_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertSensitive = db.prepare(
      'INSERT INTO person_sensitive_attributes (person_id, gender, birth_year, work_pattern) VALUES (?, ?, ?, ?)',
    )
    const insertReview = db.prepare(
      `INSERT INTO reviews (person_id, cycle_id, overall_rating, potential_rating, reviewer_id, review_date)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    const insertRating = db.prepare(
      `INSERT INTO competency_ratings (person_id, cycle_id, skill_id, level, source, rated_by, rated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertLearning = db.prepare(
      `INSERT INTO learning_records (person_id, item_id, status, score, score_min, score_max, assigned_at, due_at,
         completed_at, duration_minutes, valid_until, voluntary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertSurvey = db.prepare(
      'INSERT INTO survey_responses (person_id, activity_id, question, score, answered_at) VALUES (?, ?, ?, ?, ?)',
    )
    const insertPromotion = db.prepare(
      'INSERT INTO promotions (person_id, promoted_on, from_level, to_level) VALUES (?, ?, ?, ?)',
    )
    const lookup = (map: Map<string, number>, key: string): number => {
      const id = map.get(key)
      if (id === undefined) throw new Error(`demo catalogue has no ${key}`)
      return id
    }

    let done = 0
    for (const { person: p, records, sensitive, surveys, promotions } of org.records()) {
      if (done % 250 === 0) {
        await breathe()
        job.throwIfCancelled()
      }
      const personId = Number(
        insertPerson.run(
          p.employeeId,
          p.fullName,
          p.email,
          p.managerId,
          p.department,
          p.location,
          p.jobTitle,
          p.jobLevel,
          p.hireDate,
        ).lastInsertRowid,
      )
      insertSensitive.run(personId, sensitive.gender, sensitive.birthYear, sensitive.workPattern)
      for (const r of records.reviews) {
        insertReview.run(
          personId,
          lookup(cycleIds, r.cycle),
          r.overallRating,
          r.potentialRating,
          r.reviewerId,
          r.reviewDate,
        )
      }
      for (const r of records.competencyRatings) {
        const cycleId = r.cycle === null ? null : lookup(cycleIds, r.cycle)
        insertRating.run(
          personId,
          cycleId,
          lookup(skillIds, r.skill),
          r.level,
          r.source,
          r.ratedBy,
          r.ratedAt,
        )
      }
      for (const r of records.learningRecords) {
        insertLearning.run(
          personId,
          lookup(itemIds, r.activityId),
          r.status,
          r.score,
          r.scoreMin,
          r.scoreMax,
          r.assignedAt,
          r.dueAt,
          r.completedAt,
          r.durationMinutes,
          r.validUntil,
          r.voluntary ? 1 : 0,
        )
      }
      for (const r of surveys) insertSurvey.run(personId, r.activityId, r.question, r.score, r.answeredAt)
      for (const r of promotions) insertPromotion.run(personId, r.promotedOn, r.fromLevel, r.toLevel)
      counts.reviews += records.reviews.length
      counts.competencyRatings += records.competencyRatings.length
      counts.learningRecords += records.learningRecords.length
      done++
      job.progress('Creating demo people', done, org.people.length)
    }
    job.throwIfCancelled()
    addDemoRoles(db, skillIds, options.now)
    addDemoRules(db, options.now, options.actor)
    appendAudit(
      db,
      {
        actor: options.actor,
        action: 'demo.populate',
        entityType: 'workspace',
        after: { people: org.people.length, seed: options.seed, asOf: org.asOf, ...counts },
      },
      options.now,
    )
  })

  return { seed: options.seed, people: org.people.length, ...counts, plantedCases: org.plantedCases }
}

/** Skill categories and aliases, and every learning item mapped to the skill level it evidences. */
function addDemoOntology(
  db: WorkspaceDb,
  items: readonly LearningItemSpec[],
  skillIds: ReadonlyMap<string, number>,
  itemIds: ReadonlyMap<string, number>,
): void {
  const category = db.prepare('UPDATE skills SET category = ? WHERE id = ?')
  for (const [skill, name] of Object.entries(SKILL_CATEGORIES)) {
    const id = skillIds.get(skill)
    if (id !== undefined) category.run(name, id)
  }
  const alias = db.prepare('INSERT INTO skill_aliases (alias, skill_id) VALUES (?, ?)')
  for (const [name, skill] of SKILL_ALIASES) {
    const id = skillIds.get(skill)
    if (id !== undefined) alias.run(name, id)
  }
  const map = db.prepare('INSERT INTO learning_item_skills (item_id, skill_id, level) VALUES (?, ?, ?)')
  for (const item of items) {
    const level = ITEM_SKILL_LEVEL[item.activityType]
    const skillId = item.skill === undefined ? undefined : skillIds.get(item.skill)
    const itemId = itemIds.get(item.activityId)
    if (level !== undefined && skillId !== undefined && itemId !== undefined) map.run(itemId, skillId, level)
  }
}

/** The demo's critical roles, each held by the most senior person of its department (or vacant). */
function addDemoRoles(db: WorkspaceDb, skillIds: ReadonlyMap<string, number>, now: Date): void {
  const senior = db.prepare(
    'SELECT employee_id AS employeeId FROM people WHERE department = ? ORDER BY job_level DESC, employee_id LIMIT 1',
  )
  const role = db.prepare(
    'INSERT INTO critical_roles (title, incumbent, risk, impact, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const requirement = db.prepare('INSERT INTO role_skills (role_id, skill_id, min_level) VALUES (?, ?, ?)')
  for (const spec of DEMO_ROLES) {
    const incumbent =
      spec.incumbentFrom === null
        ? null
        : ((senior.get(spec.incumbentFrom) as { employeeId: string } | undefined)?.employeeId ?? null)
    const roleId = Number(
      role.run(spec.title, incumbent, spec.risk, spec.impact, now.toISOString()).lastInsertRowid,
    )
    for (const [skill, level] of spec.requirements) {
      const skillId = skillIds.get(skill)
      if (skillId === undefined) throw new Error(`demo role ${spec.title} needs unknown skill ${skill}`)
      requirement.run(roleId, skillId, level)
    }
  }
}

/**
 * A few open assignments from the remediation template, so the outbox has something to show.
 */
function addDemoRules(db: WorkspaceDb, now: Date, actor: string): void {
  // The templates come with every workspace (migration 006); the sample actions cite the remediation one.
  const remediation = db.prepare("SELECT id FROM rules WHERE template = 'remediation'").get() as
    { id: number } | undefined
  const item = db
    .prepare("SELECT id FROM learning_items WHERE activity_id = 'CRS-PROJECT-MANAGEMENT'")
    .get() as { id: number } | undefined
  if (!item) return
  const people = db
    .prepare(
      "SELECT id, employee_id AS employeeId FROM people WHERE department = 'Operations' ORDER BY id LIMIT 5",
    )
    .all() as { id: number; employeeId: string }[]
  const action = db.prepare(
    `INSERT INTO outbox_actions (rule_id, kind, person_id, item_id, due_at, reason, created_at, actor)
     VALUES (?, 'assign', ?, ?, ?, ?, ?, ?)`,
  )
  for (const p of people)
    action.run(
      remediation?.id ?? null,
      p.id,
      item.id,
      addDays(toIsoDate(now), 30),
      'Demo: project management below 3 (sample action from the remediation template)',
      now.toISOString(),
      actor,
    )
}
