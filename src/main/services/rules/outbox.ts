import type { MethodOutput, ParsedInput, RuleAction } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { english, message } from '../../../shared/i18n/translate'
import { explainRule } from '../../../core/rules/evaluate'
import { addDays, toIsoDate } from '../../../core/dates'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import type { ChangeJournal } from '../../import/journal'
import { appendAudit } from '../auditLog'
import { personFacts } from './personFacts'
import { assessCandidate } from '../../../core/succession/readiness'
import { latestPlacements } from '../succession/candidates'
import { roleRequirements, roleRow } from '../succession/roles'
import { skillProfiles } from '../succession/skillProfiles'
import { ruleById, type RulesContext } from './ruleStore'

const OPEN_ITEM_CONFLICT = /UNIQUE constraint failed: outbox_actions/

/**
 * Writes one action to the outbox unless the person already has that item open (assigned or recommended):
 * returns its id, or null when it was already open.
 */
export function writeAction(
  db: WorkspaceDb,
  action: {
    ruleId: number | null
    roleId?: number | null
    kind: RuleAction['type']
    personId: number
    itemId: number | null
    dueAt: string | null
    reason: string
  },
  ctx: RulesContext,
): number | null {
  try {
    return Number(
      db
        .prepare(
          `INSERT INTO outbox_actions (rule_id, role_id, kind, person_id, item_id, due_at, reason, created_at, actor)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          action.ruleId,
          action.roleId ?? null,
          action.kind,
          action.personId,
          action.itemId,
          action.dueAt,
          action.reason,
          ctx.now.toISOString(),
          ctx.actor,
        ).lastInsertRowid,
    )
  } catch (error) {
    if (error instanceof Error && OPEN_ITEM_CONFLICT.test(error.message)) return null
    throw error
  }
}

function itemId(db: WorkspaceDb, activityId: string): number {
  const row = db.prepare('SELECT id FROM learning_items WHERE activity_id = ?').get(activityId) as
    { id: number } | undefined
  if (!row)
    throw new AppError('INVALID_INPUT', message('succession.errors.noItem', { id: activityId }), {
      activityId,
    })
  return row.id
}

/** Who a rule matches and why; unless a dry run, its actions go to the outbox in one transaction (logged). */
export function applyRule(input: ParsedInput<'rules.apply'>, ctx: RulesContext): MethodOutput<'rules.apply'> {
  const { db } = ctx
  const rule = ruleById(db, input.ruleId)
  const today = toIsoDate(ctx.now)
  const matches = personFacts(db, today).flatMap((facts) => {
    const whyText = explainRule(rule.conditions, facts, today)
    return whyText === null ? [] : [{ facts, whyText, why: whyText.map(english) }]
  })
  let created = 0
  let skipped = 0
  if (!input.dryRun) {
    db.transaction(() => {
      for (const { facts, why } of matches)
        for (const action of rule.actions) {
          if (action.type === 'setReadiness') {
            if (setReadinessByRule(db, action, facts.personId, `${rule.name}: ${why.join('; ')}`, ctx))
              created++
            else skipped++
            continue
          }
          const written = writeAction(
            db,
            {
              ruleId: rule.ruleId,
              kind: action.type,
              personId: facts.personId,
              itemId: action.type === 'notify' ? null : itemId(db, action.activityId),
              dueAt: action.type === 'assign' ? addDays(today, action.dueInDays) : null,
              reason: `${rule.name}: ${why.join('; ')}${action.type === 'notify' ? ` — ${action.message}` : ''}`,
            },
            ctx,
          )
          if (written !== null) created++
          else skipped++
        }
      appendAudit(
        db,
        {
          actor: ctx.actor,
          action: 'rules.apply',
          entityType: 'rule',
          entityId: String(rule.ruleId),
          after: { matched: matches.length, created, skipped },
        },
        ctx.now,
      )
    })()
  }
  return {
    ruleId: rule.ruleId,
    matched: matches.length,
    created,
    skipped,
    dryRun: input.dryRun,
    matches: matches.map(({ facts, why, whyText }) => ({
      employeeId: facts.employeeId,
      name: facts.name,
      why,
      whyText,
    })),
  }
}

interface ActionRow {
  actionId: number
  ruleId: number | null
  ruleName: string | null
  kind: 'assign' | 'recommend' | 'notify'
  employeeId: string
  name: string
  email: string | null
  activityId: string | null
  title: string | null
  dueAt: string | null
  reason: string
  status: 'open' | 'completed' | 'cancelled'
  createdAt: string
  closedAt: string | null
}

export function listOutbox(
  db: WorkspaceDb,
  input: ParsedInput<'outbox.list'>,
  today: string,
): MethodOutput<'outbox.list'> {
  const where: string[] = []
  const params: (string | number)[] = []
  if (input.status) {
    where.push('a.status = ?')
    params.push(input.status)
  }
  if (input.ruleId !== undefined) {
    where.push('a.rule_id = ?')
    params.push(input.ruleId)
  }
  const rows = db
    .prepare(
      `SELECT a.id AS actionId, a.rule_id AS ruleId, r.name AS ruleName, a.kind, p.employee_id AS employeeId,
              coalesce(p.full_name, p.employee_id) AS name, p.email, i.activity_id AS activityId, i.title,
              a.due_at AS dueAt, a.reason, a.status, a.created_at AS createdAt, a.closed_at AS closedAt
       FROM outbox_actions a JOIN people p ON p.id = a.person_id LEFT JOIN rules r ON r.id = a.rule_id
       LEFT JOIN learning_items i ON i.id = a.item_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT 5000`,
    )
    .all(...params) as ActionRow[]
  return rows.map((r) => ({ ...r, overdue: r.status === 'open' && r.dueAt !== null && r.dueAt < today }))
}

export function cancelActions(
  input: ParsedInput<'outbox.cancel'>,
  ctx: RulesContext,
): MethodOutput<'outbox.cancel'> {
  let cancelled = 0
  ctx.db.transaction(() => {
    const cancel = ctx.db.prepare(
      "UPDATE outbox_actions SET status = 'cancelled', closed_at = ? WHERE id = ? AND status = 'open'",
    )
    for (const id of input.actionIds) cancelled += cancel.run(ctx.now.toISOString(), id).changes
    appendAudit(
      ctx.db,
      {
        actor: ctx.actor,
        action: 'outbox.cancel',
        entityType: 'outbox',
        after: { actionIds: input.actionIds, cancelled },
      },
      ctx.now,
    )
  })()
  return { cancelled }
}

/**
 * Closes open assignments and recommendations that learning records now show done (completed or passed on or
 * after the action was created). Runs inside an import's transaction with its journal, so undoing the import
 * reopens them. Returns how many were closed.
 */
export function closeCompletedActions(
  db: WorkspaceDb,
  journal: ChangeJournal,
  now: Date,
  actor: string,
): number {
  const done = db
    .prepare(
      `SELECT a.id, a.status, a.closed_at AS closedAt, a.closed_by AS closedBy,
              (SELECT lr.id FROM learning_records lr WHERE lr.person_id = a.person_id AND lr.item_id = a.item_id
                 AND lr.status IN ('completed', 'passed') AND lr.completed_at >= substr(a.created_at, 1, 10)
               ORDER BY lr.completed_at LIMIT 1) AS recordId, a.role_id AS roleId, a.person_id AS personId
       FROM outbox_actions a WHERE a.status = 'open' AND a.item_id IS NOT NULL`,
    )
    .all() as {
    id: number
    status: string
    closedAt: string | null
    closedBy: number | null
    recordId: number | null
    roleId: number | null
    personId: number
  }[]
  const close = db.prepare(
    "UPDATE outbox_actions SET status = 'completed', closed_at = ?, closed_by = ? WHERE id = ?",
  )
  let closed = 0
  for (const action of done) {
    if (action.recordId === null) continue
    journal.updating('outbox_actions', action.id, {
      status: action.status,
      closed_at: action.closedAt,
      closed_by: action.closedBy,
    })
    close.run(now.toISOString(), action.recordId, action.id)
    closed++
  }
  recordNewlyReady(
    db,
    journal,
    done
      .filter((a) => a.recordId !== null && a.roleId !== null)
      .map((a) => ({ roleId: a.roleId as number, personId: a.personId })),
    { db, actor, now },
  )
  return closed
}

/**
 * A "close gaps" assignment completed: if the person now meets every requirement of that role, the outbox records
 * that they are ready now (journaled with the import, so undo takes it back).
 */
function recordNewlyReady(
  db: WorkspaceDb,
  journal: ChangeJournal,
  pairs: readonly { roleId: number; personId: number }[],
  ctx: RulesContext,
): void {
  if (pairs.length === 0) return
  const today = toIsoDate(ctx.now)
  const profiles = new Map(
    skillProfiles(db, today, [...new Set(pairs.map((p) => p.personId))]).map((p) => [p.personId, p]),
  )
  const placed = latestPlacements(db)
  const seen = new Set<string>()
  for (const { roleId, personId } of pairs) {
    const key = `${roleId}:${personId}`
    const profile = profiles.get(personId)
    if (seen.has(key) || !profile) continue
    seen.add(key)
    const role = roleRow(db, roleId)
    const fit = assessCandidate(
      profile.levels,
      roleRequirements(db, roleId),
      placed.get(profile.employeeId)?.box ?? null,
    )
    if (fit.readiness !== 'ready-now') continue
    const id = writeAction(
      db,
      {
        ruleId: null,
        roleId,
        kind: 'notify',
        personId,
        itemId: null,
        dueAt: null,
        reason: `${profile.name} is now ready for ${role.title}: the learning assigned to close the gaps is done.`,
      },
      ctx,
    )
    if (id !== null) journal.inserted('outbox_actions', id)
  }
}

/** A rule's "set a succession readiness" action: an override with the rule and its reasons as the why (logged). */
function setReadinessByRule(
  db: WorkspaceDb,
  action: { roleId: number; readiness: 'ready-now' | 'ready-1-2' | 'ready-3-plus' },
  personId: number,
  reason: string,
  ctx: RulesContext,
): boolean {
  roleRow(db, action.roleId)
  // A readiness someone set by hand (with their reason) is theirs: a rule never overwrites it.
  const existing = db
    .prepare('SELECT readiness, reason FROM readiness_overrides WHERE role_id = ? AND person_id = ?')
    .get(action.roleId, personId) as { readiness: string; reason: string } | undefined
  if (
    existing &&
    (existing.readiness === action.readiness || !existing.reason.startsWith(reason.split(':')[0] ?? ''))
  )
    return false
  db.prepare(
    `INSERT INTO readiness_overrides (role_id, person_id, readiness, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (role_id, person_id) DO UPDATE SET readiness = excluded.readiness, reason = excluded.reason,
       actor = excluded.actor, at = excluded.at`,
  ).run(action.roleId, personId, action.readiness, reason, ctx.actor, ctx.now.toISOString())
  appendAudit(
    db,
    {
      actor: ctx.actor,
      action: 'succession.setReadiness',
      entityType: 'critical_role',
      entityId: String(action.roleId),
      before: existing ?? null,
      after: { personId, readiness: action.readiness },
      reason,
    },
    ctx.now,
  )
  return true
}
