import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { addDays, toIsoDate } from '../../../core/dates'
import { appendAudit } from '../auditLog'
import { writeAction } from '../rules/outbox'
import type { RulesContext } from '../rules/ruleStore'
import { rankedCandidates } from './candidates'
import { roleRow } from './roles'

/**
 * "Close gaps for these candidates": for every gap, the smallest learning item that evidences the level needed is
 * assigned through the same outbox the rules write to (so duplicates are refused and completion closes it). Gaps
 * no item in the catalogue can close are returned by name.
 */
export function closeGaps(
  input: ParsedInput<'succession.closeGaps'>,
  ctx: RulesContext,
): MethodOutput<'succession.closeGaps'> {
  const { db } = ctx
  const role = roleRow(db, input.roleId)
  const today = toIsoDate(ctx.now)
  const wanted = new Set(input.employeeIds)
  // Everyone ranked, not just the top: anyone the user picked is served or named as skipped.
  const candidates = rankedCandidates(db, input.roleId, today).filter((c) => wanted.has(c.employeeId))
  const notCandidates = [...wanted].filter((id) => !candidates.some((c) => c.employeeId === id))
  const personId = db.prepare('SELECT id FROM people WHERE employee_id = ?')
  const itemId = db.prepare('SELECT id FROM learning_items WHERE activity_id = ?')
  let created = 0
  let alreadyOpen = 0
  const noLearning: string[] = []
  db.transaction(() => {
    for (const c of candidates) {
      const person = personId.get(c.employeeId) as { id: number }
      for (const gap of c.gaps) {
        const item = gap.closedBy[0]
        if (!item) {
          noLearning.push(`${c.name}: ${gap.skill} ${gap.held}/${gap.needed}`)
          continue
        }
        const written = writeAction(
          db,
          {
            ruleId: null,
            roleId: role.id,
            kind: 'assign',
            personId: person.id,
            itemId: (itemId.get(item.activityId) as { id: number }).id,
            dueAt: addDays(today, input.dueInDays),
            reason: `Close the ${gap.skill} gap (${gap.held}/${gap.needed}) for ${role.title}`,
          },
          ctx,
        )
        if (written !== null) created++
        else alreadyOpen++
      }
    }
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'succession.closeGaps',
        entityType: 'critical_role',
        entityId: String(input.roleId),
        after: { employeeIds: input.employeeIds, created, alreadyOpen },
      },
      ctx.now,
    )
  })()
  return { created, alreadyOpen, noLearning, notCandidates }
}
