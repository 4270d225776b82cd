import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { message } from '../../../shared/i18n/translate'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import { latestPlacements } from './candidates'
import type { SuccessionContext } from './roles'

export function listPools(db: WorkspaceDb): MethodOutput<'succession.pools'> {
  const members = new Map<number, { employeeId: string; name: string; department: string | null }[]>()
  for (const m of db
    .prepare(
      `SELECT m.pool_id AS poolId, p.employee_id AS employeeId, coalesce(p.full_name, p.employee_id) AS name, p.department
       FROM talent_pool_members m JOIN people p ON p.id = m.person_id ORDER BY name`,
    )
    .all() as { poolId: number; employeeId: string; name: string; department: string | null }[]) {
    const { poolId, ...member } = m
    members.set(poolId, [...(members.get(poolId) ?? []), member])
  }
  return (
    db.prepare('SELECT id AS poolId, name, note FROM talent_pools ORDER BY name').all() as {
      poolId: number
      name: string
      note: string | null
    }[]
  ).map((p) => ({ ...p, members: members.get(p.poolId) ?? [] }))
}

/** Members come from the latest calibration session (a box or a flag) and/or a list of employee ids. */
export function createPool(
  input: ParsedInput<'succession.createPool'>,
  ctx: SuccessionContext,
): MethodOutput<'succession.createPool'> {
  const { db } = ctx
  if (db.prepare('SELECT 1 FROM talent_pools WHERE name = ?').get(input.name))
    throw new AppError('INVALID_INPUT', message('succession.errors.poolExists', { name: input.name }), {})
  const wanted = new Set(input.employeeIds ?? [])
  if (input.fromBox !== undefined || input.fromFlag !== undefined) {
    const placed = latestPlacements(db)
    if (placed.size === 0) throw new AppError('INVALID_INPUT', message('succession.errors.noCalibration'), {})
    for (const [employeeId, p] of placed)
      if (
        (input.fromBox === undefined || p.box === input.fromBox) &&
        (input.fromFlag === undefined || p.flags.includes(input.fromFlag))
      )
        wanted.add(employeeId)
  }
  const personId = db.prepare('SELECT id FROM people WHERE employee_id = ?')
  const unknown = [...wanted].filter((id) => !personId.get(id))
  if (unknown.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      message('succession.errors.notInWorkspace', { ids: unknown.slice(0, 5).join(', ') }),
      {
        unknown,
      },
    )
  let poolId = 0
  db.transaction(() => {
    poolId = Number(
      db.prepare('INSERT INTO talent_pools (name, note) VALUES (?, ?)').run(input.name, input.note ?? null)
        .lastInsertRowid,
    )
    const add = db.prepare('INSERT INTO talent_pool_members (pool_id, person_id) VALUES (?, ?)')
    for (const id of wanted) add.run(poolId, (personId.get(id) as { id: number }).id)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'succession.createPool',
        entityType: 'talent_pool',
        entityId: String(poolId),
        after: { ...input, members: wanted.size },
      },
      ctx.now,
    )
  })()
  return { poolId, members: wanted.size }
}

export function deletePool(poolId: number, ctx: SuccessionContext): MethodOutput<'succession.deletePool'> {
  const { db } = ctx
  const before = listPools(db).find((p) => p.poolId === poolId)
  if (!before)
    throw new AppError('NOT_FOUND', message('succession.errors.noPool', { id: String(poolId) }), { poolId })
  db.transaction(() => {
    db.prepare('DELETE FROM talent_pools WHERE id = ?').run(poolId)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'succession.deletePool',
        entityType: 'talent_pool',
        entityId: String(poolId),
        before: { name: before.name, members: before.members.length },
      },
      ctx.now,
    )
  })()
  return { deleted: true }
}
