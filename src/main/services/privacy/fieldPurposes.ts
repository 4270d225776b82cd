import {
  PURPOSE_FIELD_SPECS,
  PURPOSE_FIELDS,
  fieldPurposesFrom,
  purposeProblemText,
  purposeRefusalText,
  usesFieldFor,
  type FieldPurposes,
  type Purpose,
  type PurposeField,
} from '../../../core/privacy/fieldPurposes'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'

/** The purposes every field serves in this workspace: what was chosen, else the defaults. */
export function readFieldPurposes(db: WorkspaceDb): FieldPurposes {
  const rows = db.prepare('SELECT field, purposes_json AS purposes FROM field_purposes').all() as {
    field: string
    purposes: string
  }[]
  return fieldPurposesFrom(new Map(rows.map((r) => [r.field, JSON.parse(r.purposes) as string[]])))
}

/** Refuses a view or export that needs a field its purpose may not use, naming the field and where to change it. */
export function requireFieldPurpose(db: WorkspaceDb, field: PurposeField, purpose: Purpose): void {
  if (!usesFieldFor(readFieldPurposes(db), field, purpose)) {
    throw new AppError('FORBIDDEN', purposeRefusalText(field, purpose), { field, purpose })
  }
}

export function listFieldPurposes(db: WorkspaceDb): {
  field: PurposeField
  label: string
  sensitive: boolean
  allowed: Purpose[]
  purposes: Purpose[]
}[] {
  const purposes = readFieldPurposes(db)
  return PURPOSE_FIELDS.map((field) => {
    const spec = PURPOSE_FIELD_SPECS[field]
    return {
      field,
      label: spec.label,
      sensitive: spec.sensitive,
      allowed: [...spec.allowed],
      purposes: [...purposes[field]],
    }
  })
}

/** Stores the purposes of one field, logged with who changed it, from what, and why. */
export function setFieldPurposes(
  db: WorkspaceDb,
  input: { field: PurposeField; purposes: Purpose[]; reason: string },
  actor: string,
  now: Date,
): ReturnType<typeof listFieldPurposes> {
  const problem = purposeProblemText(input.field, input.purposes)
  if (problem !== null) throw new AppError('INVALID_INPUT', problem, { field: input.field })
  const chosen = [...new Set(input.purposes)]
  db.transaction(() => {
    const before = readFieldPurposes(db)[input.field]
    db.prepare(
      `INSERT INTO field_purposes (field, purposes_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (field) DO UPDATE SET purposes_json = excluded.purposes_json, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run(input.field, JSON.stringify(chosen), now.toISOString(), actor)
    appendAudit(
      db,
      {
        actor,
        action: 'privacy.fieldPurposes',
        entityType: 'field',
        entityId: input.field,
        before: { purposes: before },
        after: { purposes: chosen },
        reason: input.reason,
      },
      now,
    )
  })()
  return listFieldPurposes(db)
}
