import { message } from '../../shared/i18n/translate'
import type { KeyMaterial } from '../keys/keyMaterial'
import { schemaVersion } from './migrate'
import { openWorkspaceSnapshot, type WorkspaceDb } from './openWorkspaceDb'
import { authenticatePages, fileKey } from './pageAuthentication'
import {
  finding,
  inspectPageCount,
  isDamageError,
  malformedFinding,
  WorkspaceDamagedError,
  type DamageFinding,
} from './workspaceHealth'

export interface WorkspaceVerification {
  path: string
  whole: boolean
  findings: DamageFinding[]
  /** Pages in the file (0 when it did not open far enough to know its page size). */
  pages: number
  /** null when the file did not open far enough to read it. */
  schemaVersion: number | null
}

const MAX_LISTED = 10

const listed = (items: readonly (string | number)[]): string =>
  items.slice(0, MAX_LISTED).join(', ') + (items.length > MAX_LISTED ? `, … (${items.length})` : '')

/**
 * Everything that can be checked of a workspace file, read-only: it opens with the key; every page of the file,
 * free pages included, authenticates (its HMAC); SQLite's integrity_check and foreign_key_check find nothing; its
 * schema version is one this Ninefold knows. Damage is returned as findings; only a wrong key or a missing file is
 * thrown (nothing can be said of a file the key does not open).
 */
export function verifyWorkspace(
  path: string,
  key: KeyMaterial,
  latestSchema: number,
  /** Reads more of a whole file on the same connection (a backup's name and people), before it closes. */
  whenWhole?: (db: WorkspaceDb) => void,
): WorkspaceVerification {
  let db: WorkspaceDb
  try {
    db = openWorkspaceSnapshot(path, key)
  } catch (error) {
    if (!(error instanceof WorkspaceDamagedError)) throw error
    return { path, whole: false, findings: [error.finding], pages: 0, schemaVersion: null }
  }
  try {
    const findings: DamageFinding[] = []
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const pageKey = fileKey(path, key)
    const shape = inspectPageCount(db, path, pageKey, { readHeader: true })
    if (shape) findings.push(shape)
    const { pages, failed } = authenticatePages(path, pageKey, pageSize)
    if (failed.length > 0)
      findings.push(
        finding('PAGES_FAILED', message('workspace.damage.pagesFailed', { list: listed(failed) })),
      )
    findings.push(...sqliteChecks(db))
    let version: number | null = null
    try {
      version = schemaVersion(db)
      if (version === 0) findings.push(finding('NO_SCHEMA', message('workspace.damage.noSchema')))
      else if (version > latestSchema)
        findings.push(
          finding(
            'NEWER_SCHEMA',
            message('workspace.damage.newerSchema', { schema: version, known: latestSchema }),
          ),
        )
    } catch (error) {
      if (!isDamageError(error)) throw error
      findings.push(malformedFinding(error))
    }
    if (findings.length === 0) whenWhole?.(db)
    return {
      path,
      whole: findings.length === 0,
      findings,
      pages,
      schemaVersion: version,
    }
  } finally {
    db.close()
  }
}

function sqliteChecks(db: WorkspaceDb): DamageFinding[] {
  const findings: DamageFinding[] = []
  try {
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    )
    if (problems.length !== 1 || problems[0] !== 'ok')
      findings.push(
        finding(
          'MALFORMED',
          message('workspace.damage.malformed', {
            detail: problems.join('\n').split('\n').slice(0, 4).join('; '),
          }),
        ),
      )
  } catch (error) {
    if (!isDamageError(error)) throw error
    findings.push(malformedFinding(error))
  }
  try {
    const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
    if (orphans.length > 0) {
      const byTable = new Map<string, number>()
      for (const o of orphans)
        byTable.set(`${o.table} → ${o.parent}`, (byTable.get(`${o.table} → ${o.parent}`) ?? 0) + 1)
      findings.push(
        finding(
          'FOREIGN_KEYS',
          message('workspace.damage.foreignKeys', {
            list: listed([...byTable].map(([link, n]) => `${link} ${n}`)),
          }),
        ),
      )
    }
  } catch (error) {
    if (!isDamageError(error)) throw error
    findings.push(malformedFinding(error))
  }
  return findings
}
