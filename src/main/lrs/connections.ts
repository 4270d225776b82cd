import type { z } from 'zod'
import type { LrsConnection, lrsFilters, LrsPull } from '../../shared/contract'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { endpointProblem, normaliseEndpoint } from './pageUrls'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { appendAudit } from '../services/auditLog'
import type { LrsCredentials } from './lrsHttp'

type Filters = z.output<typeof lrsFilters>

interface ConnectionRow {
  id: number
  name: string
  endpoint: string
  auth_key: string
  auth_secret: string
  filters_json: string
  checkpoint: string | null
  created_at: string
}

export interface StoredConnection extends LrsCredentials {
  id: number
  name: string
  filters: Filters
  checkpoint: string | null
}

export interface ConnectionInput {
  name: string
  endpoint: string
  key: string
  secret: string
  filters: Filters
  replace: boolean
}

interface PullRow {
  id: number
  connection: string
  started_at: string
  finished_at: string | null
  outcome: string
  since: string | null
  pages: number
  received: number
  stored: number
  duplicates: number
  conflicts: number
  voided: number
  unmatched: number
  batch_id: string | null
  error_json: string | null
}

export function toPull(row: PullRow): LrsPull {
  return {
    id: row.id,
    connection: row.connection,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    since: row.since,
    pages: row.pages,
    received: row.received,
    stored: row.stored,
    duplicates: row.duplicates,
    conflicts: row.conflicts,
    voided: row.voided,
    unmatched: row.unmatched,
    batchId: row.batch_id,
    error:
      row.error_json === null ? null : ((JSON.parse(row.error_json) as { message: string }).message ?? null),
  }
}

const PULL_COLUMNS = `p.id, c.name AS connection, p.started_at, p.finished_at, p.outcome, p.since, p.pages, p.received,
  p.stored, p.duplicates, p.conflicts, p.voided, p.unmatched, p.batch_id, p.error_json`

/** The connection with its secret, for the puller only: it never crosses the contract. */
export function requireConnection(db: WorkspaceDb, name: string): StoredConnection {
  const row = db.prepare('SELECT * FROM lrs_connections WHERE name = ?').get(name) as
    ConnectionRow | undefined
  if (!row) throw new AppError('NOT_FOUND', message('lrs.errors.noConnection', { name }))
  return {
    id: row.id,
    name: row.name,
    endpoint: row.endpoint,
    key: row.auth_key,
    secret: row.auth_secret,
    filters: JSON.parse(row.filters_json) as Filters,
    checkpoint: row.checkpoint,
  }
}

export function listConnections(db: WorkspaceDb): LrsConnection[] {
  const rows = db.prepare('SELECT * FROM lrs_connections ORDER BY name').all() as ConnectionRow[]
  const last = db.prepare(
    'SELECT started_at, outcome, stored FROM lrs_pulls WHERE connection_id = ? ORDER BY id DESC LIMIT 1',
  )
  return rows.map((row) => {
    const pull = last.get(row.id) as { started_at: string; outcome: string; stored: number } | undefined
    return {
      name: row.name,
      endpoint: row.endpoint,
      key: row.auth_key,
      hasSecret: row.auth_secret !== '',
      filters: JSON.parse(row.filters_json) as Filters,
      checkpoint: row.checkpoint,
      createdAt: row.created_at,
      lastPull: pull ? { startedAt: pull.started_at, outcome: pull.outcome, stored: pull.stored } : null,
    }
  })
}

/** Adds a connection (or replaces one of that name when asked: its checkpoint and history stay). Logged. */
export function addConnection(
  db: WorkspaceDb,
  input: ConnectionInput,
  actor: string,
  now: Date,
): LrsConnection {
  const problem = endpointProblem(input.endpoint)
  if (problem === 'credentials') throw new AppError('INVALID_INPUT', message('lrs.errors.credentialsInUrl'))
  if (problem === 'insecure') throw new AppError('INVALID_INPUT', message('lrs.errors.insecure'))
  if (problem === 'invalid')
    throw new AppError('INVALID_INPUT', message('lrs.errors.badEndpoint', { endpoint: input.endpoint }))
  const endpoint = normaliseEndpoint(input.endpoint)
  db.transaction(() => {
    const existing = db.prepare('SELECT id FROM lrs_connections WHERE name = ?').get(input.name) as
      { id: number } | undefined
    if (existing && !input.replace)
      throw new AppError('INVALID_INPUT', message('lrs.errors.exists', { name: input.name }))
    if (existing) {
      // Another server or other filters: what was pulled says nothing about what is new there, so start over
      // (dedupe by id keeps what is already stored from being stored twice).
      db.prepare(
        `UPDATE lrs_connections SET checkpoint = CASE WHEN endpoint = ? AND filters_json = ? THEN checkpoint END,
           endpoint = ?, auth_key = ?, auth_secret = ?, filters_json = ? WHERE id = ?`,
      ).run(
        endpoint,
        JSON.stringify(input.filters),
        endpoint,
        input.key,
        input.secret,
        JSON.stringify(input.filters),
        existing.id,
      )
    } else {
      db.prepare(
        'INSERT INTO lrs_connections (name, endpoint, auth_key, auth_secret, filters_json, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        input.name,
        endpoint,
        input.key,
        input.secret,
        JSON.stringify(input.filters),
        now.toISOString(),
        actor,
      )
    }
    // The log names the connection and where it points, never the secret.
    appendAudit(
      db,
      {
        actor,
        action: existing ? 'lrs.replace' : 'lrs.add',
        entityType: 'lrs_connection',
        entityId: input.name,
        after: { endpoint, key: input.key, filters: input.filters },
      },
      now,
    )
  })()
  const added = listConnections(db).find((c) => c.name === input.name)
  if (!added) throw new AppError('INTERNAL', 'The connection was not stored.')
  return added
}

export function removeConnection(db: WorkspaceDb, name: string, actor: string, now: Date): boolean {
  return db.transaction(() => {
    const removed = db.prepare('DELETE FROM lrs_connections WHERE name = ?').run(name).changes > 0
    if (removed)
      appendAudit(db, { actor, action: 'lrs.remove', entityType: 'lrs_connection', entityId: name }, now)
    return removed
  })()
}

export function pullHistory(db: WorkspaceDb, name: string): LrsPull[] {
  requireConnection(db, name)
  const rows = db
    .prepare(
      `SELECT ${PULL_COLUMNS} FROM lrs_pulls p JOIN lrs_connections c ON c.id = p.connection_id WHERE c.name = ? ORDER BY p.id DESC`,
    )
    .all(name) as PullRow[]
  return rows.map(toPull)
}

export function pullById(db: WorkspaceDb, id: number): LrsPull {
  const row = db
    .prepare(
      `SELECT ${PULL_COLUMNS} FROM lrs_pulls p JOIN lrs_connections c ON c.id = p.connection_id WHERE p.id = ?`,
    )
    .get(id) as PullRow | undefined
  if (!row) throw new AppError('INTERNAL', `pull ${id} is not recorded`)
  return toPull(row)
}
