import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { calibrationSettings, type CalibrationSettings } from '../../../shared/contract/calibration'
import { appendAudit } from '../auditLog'
import { assertEditable, sessionRow, type CalibrationContext } from './sessionRecord'
import { discardRedo, nextStep } from './sessionMoves'
import { computeView } from './sessionView'

/**
 * Takes a session's potential from another source (or blend). Everyone is placed again from their records in one
 * step of the session's undo history: the step keeps the settings before and after, so undo restores the previous
 * source and, with it, every placement; moves already made stay on top, as they do after any change of evidence.
 */
export function setPotentialSource(
  input: ParsedInput<'calibration.setPotentialSource'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.setPotentialSource'> {
  const { db } = ctx
  const row = sessionRow(db, input.sessionId)
  assertEditable(row)
  const before = JSON.parse(row.settings_json) as CalibrationSettings
  const after = calibrationSettings.parse({
    ...before,
    potential: {
      ...before.potential,
      source: input.source,
      ...(input.blendOf ? { blendOf: input.blendOf } : {}),
    },
  })
  const afterJson = JSON.stringify(after)
  const view = computeView(db, { ...row, settings_json: afterJson }, true)
  const counts = { placed: view.placements.length, held: view.holding.length }
  if (afterJson === row.settings_json) return { step: 0, ...counts }
  const step = nextStep(db, row.id)
  const at = ctx.now.toISOString()
  db.transaction(() => {
    discardRedo(db, row.id)
    db.prepare(
      `INSERT INTO calibration_setting_steps (session_id, step, before_json, after_json, actor, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(row.id, step, row.settings_json, afterJson, ctx.actor, at)
    db.prepare('UPDATE calibration_sessions SET settings_json = ? WHERE id = ?').run(afterJson, row.id)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'calibration.potentialSource',
        entityType: 'calibration_session',
        entityId: row.id,
        before: { source: before.potential.source, blendOf: before.potential.blendOf ?? null },
        after: { source: after.potential.source, blendOf: after.potential.blendOf ?? null, step, ...counts },
      },
      ctx.now,
    )
  })()
  return { step, ...counts }
}
