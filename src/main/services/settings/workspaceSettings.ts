import type { z } from 'zod'
import {
  calibrationDefaults,
  workspaceSettings,
  type WorkspaceSettings,
} from '../../../shared/contract/settings'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { defaultSettings } from '../../../core/calibration/defaults'
import { purposeProblem, PURPOSE_FIELDS } from '../../../core/privacy/fieldPurposes'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import { boxLabels } from '../calibration/boxLabels'
import { readFieldPurposes } from '../privacy/fieldPurposes'
import { BACKUPS_KEPT_KEY, backupsKept } from '../workspace/backups'
import { IDLE_LOCK_KEY, idleLockMinutes } from '../workspace/idleLock'

const CALIBRATION_KEY = 'settings.calibration'
const LABELS_KEY = 'calibration.boxLabels'

/** What new sessions start with: the workspace's stored defaults over the built-in ones. */
export function calibrationDefaultsOf(db: WorkspaceDb): z.output<typeof calibrationDefaults> {
  const { asOf: _asOf, labels: _labels, ...builtIn } = defaultSettings('2000-01-01')
  const row = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(CALIBRATION_KEY) as
    { value: string } | undefined
  return row ? calibrationDefaults.parse({ ...builtIn, ...(JSON.parse(row.value) as object) }) : builtIn
}

export function readSettings(db: WorkspaceDb): WorkspaceSettings {
  const purposes = readFieldPurposes(db)
  return {
    format: 'ninefold-settings',
    version: 1,
    calibration: calibrationDefaultsOf(db),
    labels: boxLabels(db) as WorkspaceSettings['labels'],
    idleLockMinutes: idleLockMinutes(db),
    backupsKept: backupsKept(db),
    fieldPurposes: Object.fromEntries(
      PURPOSE_FIELDS.map((f) => [f, [...purposes[f]]]),
    ) as WorkspaceSettings['fieldPurposes'],
  }
}

/**
 * Checks a whole settings document (one edited on the Settings screen, or a file from another workspace) and
 * applies all of it in one transaction, or none of it: each problem is named with where it is in the document.
 */
export function applySettings(
  db: WorkspaceDb,
  document: unknown,
  context: { actor: string; now: Date; reason: string },
): WorkspaceSettings {
  const parsed = workspaceSettings.safeParse(document)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(the file)'}: ${i.message}`)
    throw new AppError(
      'INVALID_INPUT',
      message('settings.errors.invalid', { problems: problems.join('; ') }),
      {
        issues: parsed.error.issues.length,
      },
    )
  }
  const next = parsed.data
  for (const field of PURPOSE_FIELDS) {
    const problem = purposeProblem(field, (next.fieldPurposes[field] ?? []) as never)
    if (problem) throw new AppError('INVALID_INPUT', message('settings.errors.purpose', { problem }))
  }
  const before = readSettings(db)
  const write = db.prepare(
    'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  const purpose = db.prepare(
    `INSERT INTO field_purposes (field, purposes_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (field) DO UPDATE SET purposes_json = excluded.purposes_json, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  )
  db.transaction(() => {
    write.run(CALIBRATION_KEY, JSON.stringify(next.calibration))
    write.run(LABELS_KEY, JSON.stringify(next.labels))
    write.run(IDLE_LOCK_KEY, String(next.idleLockMinutes))
    write.run(BACKUPS_KEPT_KEY, String(next.backupsKept))
    for (const field of PURPOSE_FIELDS)
      purpose.run(
        field,
        JSON.stringify(next.fieldPurposes[field] ?? []),
        context.now.toISOString(),
        context.actor,
      )
    appendAudit(
      db,
      {
        actor: context.actor,
        action: 'settings.apply',
        entityType: 'workspace',
        before,
        after: next,
        reason: context.reason,
      },
      context.now,
    )
  })()
  return readSettings(db)
}
