import type {
  CalibrationSettings,
  CalibrationView,
  Flag,
  FlagSummary,
} from '../../../shared/contract/calibration'
import { explainFlags } from '../../../core/calibration/explain'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { activeMoves, cycleById, loadMembers } from './loadPopulation'
import type { SessionRow } from './sessionRecord'
import { rollupStarts, startsAsMoves } from './rollupLinks'

/** Each flagged person's flags with the records behind them, by employee id. */
export type FlagRecords = ReadonlyMap<string, readonly Flag[]>

/**
 * The records behind the flags of a live session, judged again against the view's session context: for everyone
 * flagged (the export, finalising), or one person (the side panel). The grid itself carries no evidence.
 */
export function liveFlagRecords(
  db: WorkspaceDb,
  row: SessionRow,
  view: CalibrationView,
  onlyPersonId?: number,
): Map<string, Flag[]> {
  const settings = JSON.parse(row.settings_json) as CalibrationSettings
  const cycle = cycleById(db, row.cycle_id)
  // A roll-up's starting boxes are moves too (see startsAsMoves): a flag about one shows it as its record.
  const starts = rollupStarts(db, row.id)
  const moves = [...(starts.size === 0 ? [] : startsAsMoves(row, starts)), ...activeMoves(db, row.id)]
  const lastMove = new Map(moves.map((m) => [m.employeeId, m]))
  const placementOf = new Map(view.placements.map((p) => [p.personId, p]))
  const records = new Map<string, Flag[]>()
  for (const person of loadMembers(db, row.id, onlyPersonId)) {
    const placement = placementOf.get(person.personId)
    if (!placement || placement.flags.length === 0) continue
    records.set(
      person.employeeId,
      explainFlags(person, placement, {
        cycle,
        settings,
        flagContext: view.flagContext,
        raters: view.raters,
        move: lastMove.get(person.employeeId),
      }),
    )
  }
  return records
}

/** Flags that rest on no record (a missing rating), shown with an empty evidence list. */
export function withoutRecords(flags: readonly FlagSummary[]): Flag[] {
  return flags.map((f) => ({ ...f, evidence: [] }))
}

/** What a finalized session keeps: the view as it was, and each flag's records as they were. */
interface StoredSnapshot extends CalibrationView {
  flagRecords?: Record<string, readonly Flag[]>
}

export function snapshotJson(view: CalibrationView, records: FlagRecords): string {
  const stored: StoredSnapshot = {
    ...view,
    status: 'finalized',
    canUndo: false,
    canRedo: false,
    flagRecords: Object.fromEntries(records),
  }
  return JSON.stringify(stored)
}

type LegacyPlacement = Omit<CalibrationView['placements'][number], 'agility' | 'flags'> & {
  agility: { index: number | null; ranks?: (number | null)[]; components?: { rank: number | null }[] }
  flags: (FlagSummary & { evidence?: Flag['evidence'] })[]
}

/**
 * A finalized session's snapshot. Snapshots written before the grid stopped carrying evidence kept each flag's
 * records inline and the agility components in full; both are read into today's shape.
 */
export function readSnapshot(json: string): { view: CalibrationView; records: FlagRecords } {
  const stored = JSON.parse(json) as Omit<StoredSnapshot, 'placements'> & { placements: LegacyPlacement[] }
  const records = new Map<string, readonly Flag[]>(Object.entries(stored.flagRecords ?? {}))
  const placements = stored.placements.map((p) => {
    if (!stored.flagRecords && p.flags.length > 0)
      records.set(
        p.employeeId,
        p.flags.map((f) => ({ ...f, evidence: f.evidence ?? [] })),
      )
    return {
      ...p,
      agility: {
        index: p.agility.index,
        ranks: p.agility.ranks ?? (p.agility.components ?? []).map((c) => c.rank),
      },
      flags: p.flags.map(({ code, severity, rationale, text, status, note }) => ({
        code,
        severity,
        rationale,
        ...(text ? { text } : {}),
        status,
        note,
      })),
    }
  })
  const { flagRecords: _records, ...view } = { ...stored, placements }
  return { view: view as CalibrationView, records }
}
