import { DEFAULT_BOX_LABELS } from '../../../core/calibration/defaults'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'

const KEY = 'calibration.boxLabels'

/** The workspace's box labels: the default nine-box names until someone renames them. */
export function boxLabels(db: WorkspaceDb): Record<string, string> {
  const row = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(KEY) as
    { value: string } | undefined
  return row ? (JSON.parse(row.value) as Record<string, string>) : { ...DEFAULT_BOX_LABELS }
}

export function setBoxLabels(
  db: WorkspaceDb,
  labels: Record<string, string>,
  actor: string,
  now: Date,
): Record<string, string> {
  db.transaction(() => {
    const before = boxLabels(db)
    db.prepare(
      'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(KEY, JSON.stringify(labels))
    appendAudit(
      db,
      { actor, action: 'calibration.setLabels', entityType: 'workspace', before, after: labels },
      now,
    )
  })()
  return labels
}
