import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { openWorkspaceDb, type WorkspaceDb } from '../../src/main/db/openWorkspaceDb'
import { passphraseKey } from '../../src/main/keys/keyMaterial'
import { AppError } from '../../src/shared/result'
import { PASSPHRASE } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const key = passphraseKey(PASSPHRASE)

function freshDb(): { db: WorkspaceDb; path: string } {
  const path = join(tempDir(), 'w.ninefold')
  return { db: openWorkspaceDb(path, key, { create: true }), path }
}

const tables = (db: WorkspaceDb): string[] =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string
    }[]
  ).map((r) => r.name)

describe('migrations', () => {
  it('are numbered 1…N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1),
    )
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length)
  })

  it('007 lets only an open erasure window pseudonymise the audit log, and never its id, time or action', () => {
    const { db } = freshDb()
    migrate(db)
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, entity_type, entity_id) VALUES ('2026-01-01T00:00:00Z', 'a', 'x', 'person', 'E1')",
    ).run()
    expect(() => db.prepare("UPDATE audit_log SET entity_id = 'ERASED-1'").run()).toThrow(/append-only/)
    db.prepare("INSERT INTO privacy_erasure_window VALUES ('ERASED-1')").run()
    db.prepare("UPDATE audit_log SET entity_id = 'ERASED-1'").run()
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/)
    expect(() => db.prepare("UPDATE audit_log SET at = '2020-01-01'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    db.prepare('DELETE FROM privacy_erasure_window').run()
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/)
    expect(db.prepare('SELECT entity_id FROM audit_log').get()).toEqual({ entity_id: 'ERASED-1' })
    db.close()
  })

  it('009 adds field purposes on a version-8 workspace, empty (every field on its defaults) and one row per field', () => {
    const { db } = freshDb()
    migrate(db, 8)
    db.prepare("INSERT INTO people (employee_id, full_name, department) VALUES ('E1', 'A', 'Sales')").run()
    migrate(db)
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(db.prepare('SELECT count(*) AS n FROM field_purposes').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT department FROM people').get()).toEqual({ department: 'Sales' })
    const row =
      "INSERT INTO field_purposes (field, purposes_json, updated_at, updated_by) VALUES ('location', '[]', 'now', 'a')"
    db.prepare(row).run()
    expect(() => db.prepare(row).run()).toThrow(/UNIQUE|PRIMARY KEY/)
    db.close()
  })

  it('011 adds promotions on a version-10 workspace: one per person and day, gone with the person', () => {
    const { db } = freshDb()
    migrate(db, 10)
    db.prepare("INSERT INTO people (employee_id, full_name, job_level) VALUES ('E1', 'A', 3)").run()
    migrate(db)
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    const add = db.prepare(
      "INSERT INTO promotions (person_id, promoted_on, from_level, to_level) VALUES (1, '2026-03-01', 2, 3)",
    )
    add.run()
    expect(() => add.run()).toThrow(/UNIQUE/)
    db.prepare('DELETE FROM people').run()
    expect(db.prepare('SELECT count(*) AS n FROM promotions').get()).toEqual({ n: 0 })
    db.close()
  })

  it('013 lets a move come from the holding area (no from or computed box) and keeps the moves made before', () => {
    const { db, path } = freshDb()
    migrate(db, 12)
    db.prepare("INSERT INTO people (employee_id, full_name) VALUES ('E1', 'Grace Hopper')").run()
    db.prepare("INSERT INTO review_cycles (name, scale_min, scale_max) VALUES ('2025', 1, 5)").run()
    db.prepare(
      "INSERT INTO calibration_sessions (id, name, cycle_id, scope_json, facilitator, status, settings_json, created_at) VALUES ('s1', 'Q4', 1, '{}', 'HRBP', 'live', '{}', '2026-11-23')",
    ).run()
    const move = (step: number, from: string, computed: string) =>
      db
        .prepare(
          `INSERT INTO calibration_moves (session_id, step, person_id, from_box, to_box, computed_box, reason_code, reason, actor, at) VALUES ('s1', ${step}, 1, ${from}, 8, ${computed}, 'other', 'why', 'me', 'now')`,
        )
        .run()
    move(1, '5', '5')
    expect(() => move(2, 'NULL', 'NULL')).toThrow(/NOT NULL/)
    db.close()

    const upgraded = openWorkspaceDb(path, key, { create: false })
    migrate(upgraded)
    expect(schemaVersion(upgraded)).toBe(LATEST_SCHEMA_VERSION)
    expect(
      upgraded.prepare('SELECT step, from_box, to_box, computed_box, state FROM calibration_moves').all(),
    ).toEqual([{ step: 1, from_box: 5, to_box: 8, computed_box: 5, state: 0 }])
    const again = (step: number, from: string, computed: string) =>
      upgraded
        .prepare(
          `INSERT INTO calibration_moves (session_id, step, person_id, from_box, to_box, computed_box, reason_code, reason, actor, at) VALUES ('s1', ${step}, 1, ${from}, 8, ${computed}, 'other', 'why', 'me', 'now')`,
        )
        .run()
    again(2, 'NULL', 'NULL')
    expect(() => again(3, '10', 'NULL')).toThrow(/CHECK/)
    const setting = upgraded.prepare(
      "INSERT INTO calibration_setting_steps (session_id, step, before_json, after_json, actor, at) VALUES ('s1', 3, '{}', '{}', 'me', 'now')",
    )
    setting.run()
    expect(() => setting.run()).toThrow(/UNIQUE/)
    upgraded.prepare("DELETE FROM calibration_sessions WHERE id = 's1'").run()
    expect(upgraded.prepare('SELECT count(*) AS n FROM calibration_moves').get()).toEqual({ n: 0 })
    expect(upgraded.prepare('SELECT count(*) AS n FROM calibration_setting_steps').get()).toEqual({ n: 0 })
    upgraded.close()
  })

  it('012 keeps text job levels and named managers beside the rank and id, leaving existing people as they were', () => {
    const { db } = freshDb()
    migrate(db, 11)
    db.prepare(
      "INSERT INTO people (employee_id, full_name, job_level, manager_id) VALUES ('E1', 'A', 3, 'E0')",
    ).run()
    migrate(db)
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(
      db
        .prepare('SELECT job_level, job_level_label, manager_id, manager_name, manager_email FROM people')
        .get(),
    ).toEqual({
      job_level: 3,
      job_level_label: null,
      manager_id: 'E0',
      manager_name: null,
      manager_email: null,
    })
    db.prepare(
      "INSERT INTO people (employee_id, job_level, job_level_label, manager_name, manager_email) VALUES ('E2', 5, 'PT5 - Principal', 'Board of Directors', 'board@example.com')",
    ).run()
    const waiting = db
      .prepare(
        'SELECT employee_id FROM people WHERE manager_id IS NULL AND (manager_name IS NOT NULL OR manager_email IS NOT NULL)',
      )
      .all()
    expect(waiting).toEqual([{ employee_id: 'E2' }])
    db.close()
  })

  it('001 creates meta, people and an audit log that refuses updates and deletes', () => {
    const { db } = freshDb()
    migrate(db, 1)
    expect(schemaVersion(db)).toBe(1)
    expect(tables(db)).toEqual(['audit_log', 'people', 'workspace_meta'])
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, entity_type) VALUES ('2026-01-01T00:00:00Z', 'a', 'x', 'y')",
    ).run()
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(() =>
      db.prepare("INSERT INTO people (employee_id, full_name) VALUES ('E1', 'A'), ('E1', 'B')").run(),
    ).toThrow(/UNIQUE/)
    db.close()
  })

  it('002 upgrades a version-1 workspace without touching its people, and adds the talent record tables', () => {
    const { db, path } = freshDb()
    migrate(db, 1)
    db.prepare(
      "INSERT INTO people (employee_id, full_name, department) VALUES ('E1', 'Ada Lovelace', 'Engineering')",
    ).run()
    db.close()

    // Reopen as a later Ninefold would, then migrate to the latest version.
    const upgraded = openWorkspaceDb(path, key, { create: false })
    expect(migrate(upgraded, 2)).toEqual({ from: 1, to: 2 })
    expect(upgraded.prepare('SELECT employee_id, full_name, department FROM people').all()).toEqual([
      { employee_id: 'E1', full_name: 'Ada Lovelace', department: 'Engineering' },
    ])
    expect(tables(upgraded)).toEqual(
      expect.arrayContaining([
        'review_cycles',
        'reviews',
        'skills',
        'competency_ratings',
        'learning_items',
        'learning_records',
      ]),
    )
    const personId = (
      upgraded.prepare("SELECT id FROM people WHERE employee_id = 'E1'").get() as { id: number }
    ).id
    upgraded.prepare("INSERT INTO review_cycles (name, scale_min, scale_max) VALUES ('2025', 1, 5)").run()
    upgraded
      .prepare('INSERT INTO reviews (person_id, cycle_id, overall_rating) VALUES (?, 1, 4)')
      .run(personId)
    expect(() =>
      upgraded.prepare('INSERT INTO reviews (person_id, cycle_id, overall_rating) VALUES (999, 1, 4)').run(),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      upgraded.prepare("INSERT INTO review_cycles (name, scale_min, scale_max) VALUES ('bad', 5, 1)").run(),
    ).toThrow(/CHECK/)
    upgraded.prepare("DELETE FROM people WHERE employee_id = 'E1'").run()
    expect(upgraded.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 0 })
    upgraded.close()
  })

  it('003 adds import batches and keeps reviews, with sensitive attributes fenced for the fairness audit', () => {
    const { db, path } = freshDb()
    migrate(db, 2)
    db.prepare("INSERT INTO people (employee_id, full_name) VALUES ('E1', 'Grace Hopper')").run()
    db.prepare("INSERT INTO review_cycles (name, scale_min, scale_max) VALUES ('2025', 1, 5)").run()
    db.prepare('INSERT INTO reviews (person_id, cycle_id, overall_rating) VALUES (1, 1, 5)').run()
    db.close()

    const upgraded = openWorkspaceDb(path, key, { create: false })
    expect(migrate(upgraded, 3)).toEqual({ from: 2, to: 3 })
    expect(upgraded.prepare('SELECT overall_rating, goal_attainment FROM reviews').get()).toEqual({
      overall_rating: 5,
      goal_attainment: null,
    })
    expect(tables(upgraded)).toEqual(
      expect.arrayContaining([
        'import_batches',
        'import_changes',
        'unmatched_records',
        'person_sensitive_attributes',
        'survey_responses',
        'mapping_profiles',
      ]),
    )
    upgraded
      .prepare("UPDATE people SET employment_status = 'Active', exit_date = NULL, cost_center = 'CC-1'")
      .run()
    upgraded.prepare("INSERT INTO person_sensitive_attributes (person_id, gender) VALUES (1, 'F')").run()
    expect(upgraded.prepare('SELECT purpose FROM person_sensitive_attributes').get()).toEqual({
      purpose: 'fairness-audit',
    })
    expect(() =>
      upgraded.prepare("UPDATE person_sensitive_attributes SET purpose = 'marketing'").run(),
    ).toThrow(/CHECK/)
    // A name is optional (IBM's HRIS export has none), the employee id is not.
    upgraded.prepare("INSERT INTO people (employee_id) VALUES ('1001')").run()
    upgraded.close()
  })

  it('006 adds rules and an outbox that refuses a second open assignment of an item to a person', () => {
    const { db, path } = freshDb()
    migrate(db, 5)
    db.prepare("INSERT INTO people (employee_id) VALUES ('E1')").run()
    db.prepare(
      "INSERT INTO learning_items (activity_id, title, activity_type) VALUES ('C1', 'Course', 'course')",
    ).run()
    db.close()

    const upgraded = openWorkspaceDb(path, key, { create: false })
    expect(migrate(upgraded, 6)).toEqual({ from: 5, to: 6 })
    // Every workspace starts with the two rule templates, disabled.
    expect(upgraded.prepare('SELECT template, enabled FROM rules ORDER BY id').all()).toEqual([
      { template: 'remediation', enabled: 0 },
      { template: 'acceleration', enabled: 0 },
    ])
    const assign = upgraded.prepare(
      "INSERT INTO outbox_actions (kind, person_id, item_id, reason, status, created_at, actor) VALUES ('assign', 1, 1, 'why', ?, 'now', 'me')",
    )
    assign.run('open')
    expect(() => assign.run('open')).toThrow(/UNIQUE/)
    // Closed ones do not count: the same item can be assigned again once the first is done.
    upgraded.prepare("UPDATE outbox_actions SET status = 'completed'").run()
    assign.run('open')
    expect(upgraded.prepare('SELECT count(*) AS n FROM outbox_actions').get()).toEqual({ n: 2 })
    upgraded.close()
  })

  it('005 adds the skills ontology and succession, keeping skills and their ratings', () => {
    const { db, path } = freshDb()
    migrate(db, 4)
    db.prepare("INSERT INTO people (employee_id, full_name) VALUES ('E1', 'Grace Hopper')").run()
    db.prepare("INSERT INTO skills (name) VALUES ('Cloud Architecture')").run()
    db.prepare(
      "INSERT INTO competency_ratings (person_id, skill_id, level, source) VALUES (1, 1, 4, 'manager')",
    ).run()
    db.close()

    const upgraded = openWorkspaceDb(path, key, { create: false })
    expect(migrate(upgraded, 5)).toEqual({ from: 4, to: 5 })
    expect(upgraded.prepare('SELECT name, status, category FROM skills').get()).toEqual({
      name: 'Cloud Architecture',
      status: 'active',
      category: null,
    })
    upgraded.prepare("INSERT INTO skill_aliases (alias, skill_id) VALUES ('Cloud Arch', 1)").run()
    expect(() =>
      upgraded.prepare("INSERT INTO skill_aliases (alias, skill_id) VALUES ('cloud arch', 1)").run(),
    ).toThrow(/UNIQUE/)
    upgraded
      .prepare(
        "INSERT INTO critical_roles (title, risk, impact, created_at) VALUES ('Head of Platform', 'high', 'high', 'now')",
      )
      .run()
    upgraded.prepare('INSERT INTO role_skills (role_id, skill_id, min_level) VALUES (1, 1, 4)').run()
    expect(() =>
      upgraded.prepare('INSERT INTO role_skills (role_id, skill_id, min_level) VALUES (1, 1, 6)').run(),
    ).toThrow(/CHECK|UNIQUE|PRIMARY/)
    upgraded.prepare('DELETE FROM critical_roles').run()
    expect(upgraded.prepare('SELECT count(*) AS n FROM role_skills').get()).toEqual({ n: 0 })
    expect(upgraded.prepare('SELECT level FROM competency_ratings').get()).toEqual({ level: 4 })
    upgraded.close()
  })

  it('004 adds calibration sessions whose moves and members go with their session', () => {
    const { db, path } = freshDb()
    migrate(db, 3)
    db.prepare("INSERT INTO people (employee_id, full_name) VALUES ('E1', 'Grace Hopper')").run()
    db.prepare("INSERT INTO review_cycles (name, scale_min, scale_max) VALUES ('2025', 1, 5)").run()
    db.close()

    const upgraded = openWorkspaceDb(path, key, { create: false })
    expect(migrate(upgraded, 4)).toEqual({ from: 3, to: 4 })
    upgraded
      .prepare(
        "INSERT INTO calibration_sessions (id, name, cycle_id, scope_json, facilitator, status, settings_json, created_at) VALUES ('s1', 'Q4', 1, '{}', 'HRBP', 'draft', '{}', '2026-11-23')",
      )
      .run()
    upgraded.prepare("INSERT INTO calibration_members (session_id, person_id) VALUES ('s1', 1)").run()
    upgraded
      .prepare(
        "INSERT INTO calibration_moves (session_id, step, person_id, from_box, to_box, computed_box, reason_code, reason, actor, at) VALUES ('s1', 1, 1, 5, 8, 5, 'other', 'why', 'me', 'now')",
      )
      .run()
    expect(() =>
      upgraded
        .prepare(
          "INSERT INTO calibration_moves (session_id, step, person_id, from_box, to_box, computed_box, reason_code, reason, actor, at) VALUES ('s1', 2, 1, 5, 10, 5, 'other', 'why', 'me', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/)
    upgraded.prepare("DELETE FROM calibration_sessions WHERE id = 's1'").run()
    expect(upgraded.prepare('SELECT count(*) AS n FROM calibration_moves').get()).toEqual({ n: 0 })
    expect(upgraded.prepare('SELECT count(*) AS n FROM calibration_members').get()).toEqual({ n: 0 })
    upgraded.close()
  })

  it('014 finds a person by email through an index, the expression imports and pulls look them up by', () => {
    const { db } = freshDb()
    migrate(db, 13)
    db.prepare(
      "INSERT INTO people (employee_id, full_name, email) VALUES ('E1', 'Grace Hopper', ' Grace@Example.com ')",
    ).run()
    migrate(db)
    const lookup = 'SELECT id FROM people WHERE lower(trim(email)) = ?'
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${lookup}`).all('grace@example.com') as { detail: string }[]
    expect(plan.map((p) => p.detail).join('; ')).toContain('USING COVERING INDEX people_email_key')
    expect(db.prepare(lookup).get('grace@example.com')).toEqual({ id: 1 })
    db.close()
  })

  it('015 links a roll-up to its children and keeps where each member starts, gone with the roll-up', () => {
    const { db } = freshDb()
    migrate(db, 14)
    db.prepare("INSERT INTO people (employee_id, full_name) VALUES ('E1', 'Grace Hopper')").run()
    db.prepare("INSERT INTO review_cycles (name, scale_min, scale_max) VALUES ('2025', 1, 5)").run()
    const session = db.prepare(
      "INSERT INTO calibration_sessions (id, name, cycle_id, scope_json, facilitator, status, settings_json, created_at) VALUES (?, ?, 1, '{}', 'HRBP', 'finalized', '{}', '2026-11-23')",
    )
    session.run('child', 'Sales')
    session.run('parent', 'Division')
    migrate(db)
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    db.prepare("INSERT INTO calibration_rollups (parent_id, child_id) VALUES ('parent', 'child')").run()
    const start = (box: number, child = 'child') =>
      db
        .prepare(
          `INSERT INTO calibration_rollup_starts (parent_id, person_id, child_id, start_box) VALUES ('parent', 1, '${child}', ${box})`,
        )
        .run()
    expect(() => start(10)).toThrow(/CHECK/)
    // A member starts from a child the roll-up is made of, not any session.
    expect(() => start(8, 'parent')).toThrow(/FOREIGN KEY/)
    start(8)
    expect(() => db.prepare("DELETE FROM calibration_sessions WHERE id = 'child'").run()).toThrow(
      /FOREIGN KEY/,
    )
    db.prepare("DELETE FROM calibration_sessions WHERE id = 'parent'").run()
    expect(db.prepare('SELECT count(*) AS n FROM calibration_rollups').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM calibration_rollup_starts').get()).toEqual({ n: 0 })
    db.close()
  })

  it('016 keeps proposals in batches numbered with the session steps, gone with their session or person', () => {
    const { db } = freshDb()
    migrate(db, 14)
    db.prepare("INSERT INTO people (employee_id, full_name) VALUES ('E1', 'Grace Hopper')").run()
    db.prepare("INSERT INTO review_cycles (name, scale_min, scale_max) VALUES ('2025', 1, 5)").run()
    db.prepare(
      "INSERT INTO calibration_sessions (id, name, cycle_id, scope_json, facilitator, status, settings_json, created_at) VALUES ('s1', 'Q4', 1, '{}', 'HRBP', 'live', '{}', '2026-11-23')",
    ).run()
    migrate(db)
    const batch = (step: number, source = 'workbook') =>
      db
        .prepare(
          `INSERT INTO calibration_proposal_batches (session_id, step, source, file, proposals, actor, at) VALUES ('s1', ?, ?, 'p.xlsx', 1, 'me', 'now')`,
        )
        .run(step, source).lastInsertRowid
    const first = batch(1)
    expect(() => batch(1)).toThrow(/UNIQUE/)
    expect(() => batch(2, 'guess')).toThrow(/CHECK/)
    const propose = (box: number, performance: string | null = null) =>
      db
        .prepare(
          "INSERT INTO calibration_proposals (batch_id, person_id, box, performance, proposer, comment) VALUES (?, 1, ?, ?, 'Ada', '=not a formula')",
        )
        .run(first, box, performance)
    expect(() => propose(10)).toThrow(/CHECK/)
    expect(() => propose(5, 'great')).toThrow(/CHECK/)
    propose(9, 'high')
    expect(db.prepare('SELECT box, performance, comment FROM calibration_proposals').all()).toEqual([
      { box: 9, performance: 'high', comment: '=not a formula' },
    ])
    db.prepare("DELETE FROM calibration_sessions WHERE id = 's1'").run()
    expect(db.prepare('SELECT count(*) AS n FROM calibration_proposals').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM calibration_proposal_batches').get()).toEqual({ n: 0 })
    db.close()
  })

  it('is idempotent: migrating a current workspace changes nothing', () => {
    const { db } = freshDb()
    migrate(db)
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION })
    db.close()
  })

  it('refuses a workspace from a newer Ninefold instead of guessing', () => {
    const { db } = freshDb()
    migrate(db)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    try {
      migrate(db)
      expect.unreachable('a newer schema must be refused')
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('WORKSPACE_INCOMPATIBLE')
      expect((error as AppError).message).toMatch(/newer version of Ninefold/)
    }
    db.close()
  })

  it('rolls a failing migration back whole and stays at the last good version', () => {
    const { db } = freshDb()
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);',
      },
    ]
    expect(() => migrate(db, broken.length, broken)).toThrow(/no such table/)
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    expect(tables(db)).not.toContain('half_done')
    db.close()
  })
})
