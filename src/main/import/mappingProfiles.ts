import type { MappingSpec } from '../../shared/contract'
import { normaliseHeader } from '../../core/import/autoMap'
import type { TabularKind } from '../../core/import/fields'
import type { WorkspaceDb } from '../db/openWorkspaceDb'

/** A file's "shape": its headers, normalised, in order. The same export from the same system has the same shape. */
export function headersKey(headers: readonly string[]): string {
  return JSON.stringify(headers.map(normaliseHeader))
}

export function saveMappingProfile(
  db: WorkspaceDb,
  name: string,
  kind: TabularKind,
  headers: readonly string[],
  mapping: MappingSpec,
  now: Date,
): void {
  db.prepare(
    `INSERT INTO mapping_profiles (name, kind, headers_key, mapping_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, headers_key = excluded.headers_key,
       mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(name, kind, headersKey(headers), JSON.stringify(mapping), now.toISOString())
}

/** The most recently saved profile for files of this kind and shape, if any. */
export function findMappingProfile(
  db: WorkspaceDb,
  kind: TabularKind,
  headers: readonly string[],
): { name: string; mapping: MappingSpec } | null {
  const row = db
    .prepare(
      'SELECT name, mapping_json FROM mapping_profiles WHERE kind = ? AND headers_key = ? ORDER BY updated_at DESC LIMIT 1',
    )
    .get(kind, headersKey(headers)) as { name: string; mapping_json: string } | undefined
  return row ? { name: row.name, mapping: JSON.parse(row.mapping_json) as MappingSpec } : null
}
