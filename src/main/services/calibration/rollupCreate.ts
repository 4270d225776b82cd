import { randomUUID } from 'node:crypto'
import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import type { CalibrationSettings } from '../../../shared/contract/calibration'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { appendAudit } from '../auditLog'
import { cycleById } from './loadPopulation'
import { sessionRow, type CalibrationContext, type SessionRow } from './sessionRecord'

/** A person a child placed: their final box there. */
interface ChildPlacement {
  child: SessionRow
  employeeId: string
  name: string
  box: number
}

/**
 * A roll-up: a parent session over finalized child sessions. Its members are everyone the children placed (held
 * people have no final box to start from), each starting in the child's final box; its cycle is the children's.
 */
export function createRollup(
  input: ParsedInput<'calibration.create'>,
  from: readonly string[],
  settings: CalibrationSettings,
  ctx: CalibrationContext,
): MethodOutput<'calibration.create'> {
  const { db } = ctx
  if (Object.keys(input.scope).length > 0)
    throw new AppError('INVALID_INPUT', message('calibration.rollup.errors.scopeAndFrom'), {
      scope: input.scope,
    })
  const children = [...new Set(from)].map((id) => sessionRow(db, id))
  const open = children.find((c) => c.status !== 'finalized' || c.finalized_json === null)
  if (open)
    throw new AppError(
      'INVALID_INPUT',
      message('calibration.rollup.errors.notFinalized', {
        name: open.name,
        status: message(`calibration.status.${open.status}`),
      }),
      { sessionId: open.id, status: open.status },
    )
  const first = children[0] as SessionRow
  const cycle = cycleById(db, first.cycle_id)
  const other = children.find((c) => c.cycle_id !== first.cycle_id)
  if (other)
    throw new AppError(
      'INVALID_INPUT',
      message('calibration.rollup.errors.cycles', {
        first: first.name,
        firstCycle: cycle.name,
        second: other.name,
        secondCycle: cycleById(db, other.cycle_id).name,
      }),
      { sessionIds: [first.id, other.id] },
    )
  if (input.cycle !== undefined && input.cycle !== cycle.name)
    throw new AppError(
      'INVALID_INPUT',
      message('calibration.rollup.errors.otherCycle', { cycle: input.cycle, childCycle: cycle.name }),
      { cycle: input.cycle },
    )
  const placed = childPlacements(ctx, children)
  if (placed.size === 0)
    throw new AppError('INVALID_INPUT', message('calibration.rollup.errors.empty'), {
      sessionIds: children.map((c) => c.id),
    })
  const sessionId = randomUUID()
  db.transaction(() => {
    db.prepare(
      `INSERT INTO calibration_sessions (id, name, cycle_id, scope_json, facilitator, status, settings_json, created_at)
       VALUES (?, ?, ?, '{}', ?, 'draft', ?, ?)`,
    ).run(
      sessionId,
      input.name,
      cycle.id,
      input.facilitator ?? ctx.actor,
      JSON.stringify(settings),
      ctx.now.toISOString(),
    )
    const link = db.prepare('INSERT INTO calibration_rollups (parent_id, child_id) VALUES (?, ?)')
    for (const child of children) link.run(sessionId, child.id)
    const member = db.prepare('INSERT INTO calibration_members (session_id, person_id) VALUES (?, ?)')
    const start = db.prepare(
      'INSERT INTO calibration_rollup_starts (parent_id, person_id, child_id, start_box) VALUES (?, ?, ?, ?)',
    )
    for (const [personId, p] of placed) {
      member.run(sessionId, personId)
      start.run(sessionId, personId, p.child.id, p.box)
    }
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'calibration.create',
        entityType: 'calibration_session',
        entityId: sessionId,
        after: {
          name: input.name,
          cycle: cycle.name,
          scope: {},
          people: placed.size,
          rollupOf: children.map((c) => ({ sessionId: c.id, name: c.name })),
        },
      },
      ctx.now,
    )
    for (const child of children)
      appendAudit(
        db,
        {
          actor: ctx.actor,
          action: 'calibration.rolledUp',
          entityType: 'calibration_session',
          entityId: child.id,
          after: { rollupId: sessionId, rollup: input.name },
        },
        ctx.now,
      )
  })()
  return { sessionId, people: placed.size }
}

/**
 * Everyone the children placed, by people.id, with the final box of their child (read from its snapshot, the grid
 * it was finalized with). People erased since are left out.
 *
 * A person placed by two children is refused, naming both: two meetings gave them a final box each, and taking
 * either one (say the later-finalized) would silently drop the other meeting's judgement — the facilitator decides
 * which session should hold them (reopen one, with a reason, and move them out of its scope) before rolling up.
 */
function childPlacements(
  ctx: CalibrationContext,
  children: readonly SessionRow[],
): Map<number, ChildPlacement> {
  const people = new Set(ctx.db.prepare('SELECT id FROM people').pluck().all() as number[])
  const read = ctx.db
    .prepare(
      `SELECT json_extract(p.value, '$.personId'), json_extract(p.value, '$.employeeId'),
              json_extract(p.value, '$.name'), json_extract(p.value, '$.box')
       FROM calibration_sessions s, json_each(s.finalized_json, '$.placements') p WHERE s.id = ?`,
    )
    .raw()
  const placed = new Map<number, ChildPlacement>()
  for (const child of children)
    for (const [personId, employeeId, name, box] of read.all(child.id) as [
      number,
      string,
      string,
      number,
    ][]) {
      if (!people.has(personId)) continue
      const earlier = placed.get(personId)
      if (earlier)
        throw new AppError(
          'INVALID_INPUT',
          message('calibration.rollup.errors.twice', {
            person: `${name} (${employeeId})`,
            first: earlier.child.name,
            second: child.name,
          }),
          { employeeId, sessionIds: [earlier.child.id, child.id] },
        )
      placed.set(personId, { child, employeeId, name, box })
    }
  return placed
}
