import type { MethodOutput, ParsedInput, RuleDefinition } from '../../../shared/contract'
import { ruleDefinition } from '../../../shared/contract/rules'
import { AppError } from '../../../shared/result'
import { message } from '../../../shared/i18n/translate'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'

export interface RulesContext {
  db: WorkspaceDb
  actor: string
  now: Date
}

interface RuleRow {
  id: number
  name: string
  enabled: number
  conditions_json: string
  actions_json: string
  template: string | null
}

export function ruleById(
  db: WorkspaceDb,
  ruleId: number,
): RuleDefinition & { ruleId: number; template: string | null } {
  const row = db.prepare('SELECT * FROM rules WHERE id = ?').get(ruleId) as RuleRow | undefined
  if (!row)
    throw new AppError('NOT_FOUND', message('succession.errors.noRule', { id: String(ruleId) }), { ruleId })
  return toRule(row)
}

function toRule(row: RuleRow): RuleDefinition & { ruleId: number; template: string | null } {
  return {
    ruleId: row.id,
    template: row.template,
    ...ruleDefinition.parse({
      name: row.name,
      enabled: row.enabled === 1,
      conditions: JSON.parse(row.conditions_json) as unknown,
      actions: JSON.parse(row.actions_json) as unknown,
    }),
  }
}

export function listRules(db: WorkspaceDb, today: string): MethodOutput<'rules.list'> {
  const stats = new Map(
    (
      db
        .prepare(
          `SELECT rule_id AS ruleId, count(*) AS assigned, sum(status = 'completed') AS completed,
                  sum(status = 'open') AS open, sum(status = 'open' AND due_at < ?) AS overdue
           FROM outbox_actions WHERE rule_id IS NOT NULL AND kind = 'assign' GROUP BY rule_id`,
        )
        .all(today) as {
        ruleId: number
        assigned: number
        completed: number
        open: number
        overdue: number
      }[]
    ).map((s) => [s.ruleId, s]),
  )
  return (db.prepare('SELECT * FROM rules ORDER BY id').all() as RuleRow[]).map((row) => {
    const s = stats.get(row.id)
    return {
      ...toRule(row),
      stats: {
        assigned: s?.assigned ?? 0,
        completed: s?.completed ?? 0,
        overdue: s?.overdue ?? 0,
        open: s?.open ?? 0,
      },
    }
  })
}

/** Actions must name items the workspace has: a typo would otherwise sit in the outbox as an unusable assignment. */
function assertItemsExist(db: WorkspaceDb, rule: RuleDefinition): void {
  for (const action of rule.actions) {
    if (action.type === 'notify') continue
    if (action.type === 'setReadiness') {
      if (!db.prepare('SELECT 1 FROM critical_roles WHERE id = ?').get(action.roleId))
        throw new AppError(
          'INVALID_INPUT',
          message('succession.errors.ruleRole', { rule: rule.name, id: String(action.roleId) }),
          {
            roleId: action.roleId,
          },
        )
      continue
    }
    if (!db.prepare('SELECT 1 FROM learning_items WHERE activity_id = ?').get(action.activityId))
      throw new AppError(
        'INVALID_INPUT',
        message('succession.errors.ruleItem', { rule: rule.name, id: action.activityId }),
        {
          activityId: action.activityId,
        },
      )
  }
}

export function saveRule(
  input: ParsedInput<'rules.save'>,
  ctx: RulesContext,
  template: string | null = null,
): MethodOutput<'rules.save'> {
  const { db } = ctx
  assertItemsExist(db, input.rule)
  let ruleId = input.ruleId ?? 0
  db.transaction(() => {
    const values = [
      input.rule.name,
      input.rule.enabled ? 1 : 0,
      JSON.stringify(input.rule.conditions),
      JSON.stringify(input.rule.actions),
    ]
    if (input.ruleId !== undefined) {
      ruleById(db, input.ruleId)
      db.prepare(
        'UPDATE rules SET name = ?, enabled = ?, conditions_json = ?, actions_json = ? WHERE id = ?',
      ).run(...values, input.ruleId)
    } else {
      ruleId = Number(
        db
          .prepare(
            'INSERT INTO rules (name, enabled, conditions_json, actions_json, template, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(...values, template, ctx.now.toISOString()).lastInsertRowid,
      )
    }
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'rules.save',
        entityType: 'rule',
        entityId: String(ruleId),
        after: input.rule,
      },
      ctx.now,
    )
  })()
  return { ruleId }
}

export function deleteRule(ruleId: number, ctx: RulesContext): MethodOutput<'rules.delete'> {
  const before = ruleById(ctx.db, ruleId)
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM rules WHERE id = ?').run(ruleId)
    appendAudit(
      ctx.db,
      { actor: ctx.actor, action: 'rules.delete', entityType: 'rule', entityId: String(ruleId), before },
      ctx.now,
    )
  })()
  return { deleted: true }
}
