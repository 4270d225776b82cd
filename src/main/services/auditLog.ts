import type { WorkspaceDb } from '../db/openWorkspaceDb'

export interface AuditEntry {
  actor: string
  action: string
  entityType: string
  entityId?: string | null
  before?: unknown
  after?: unknown
  reason?: string | null
}

/** Appends to the audit log; call it inside the same transaction as the change it records. */
export function appendAudit(db: WorkspaceDb, entry: AuditEntry, at: Date): void {
  db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before_json, after_json, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at.toISOString(),
    entry.actor,
    entry.action,
    entry.entityType,
    entry.entityId ?? null,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    entry.reason ?? null,
  )
}
