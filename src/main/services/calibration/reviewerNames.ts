import type { Evidence, PersonDetail } from '../../../shared/contract/calibration'
import type { FlagRecords } from './flagRecords'
import { english, message, type Message } from '../../../shared/i18n/translate'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'

/** Reviewers (employee IDs) by their full names, for those the workspace knows. */
function namesOf(db: WorkspaceDb, ids: readonly string[]): Map<string, string> {
  const distinct = [...new Set(ids)]
  if (distinct.length === 0) return new Map()
  const rows = db
    .prepare(
      `SELECT employee_id AS id, full_name AS name FROM people
       WHERE full_name IS NOT NULL AND employee_id IN (${distinct.map(() => '?').join(', ')})`,
    )
    .all(...distinct) as { id: string; name: string }[]
  return new Map(rows.map((r) => [r.id, r.name]))
}

const reviewerOf = (e: Evidence): string | null => {
  const reviewer =
    e.labelText?.key === 'calibration.evidence.reviewBy' ? e.labelText.params?.['reviewer'] : null
  return typeof reviewer === 'string' ? reviewer : null
}

/** A record with its reviewer by name, or (blind) without a reviewer. */
function renamer(names: ReadonlyMap<string, string>, blind: boolean): (e: Evidence) => Evidence {
  return (e) => {
    const reviewer = reviewerOf(e)
    if (reviewer === null || !e.labelText) return e
    const cycle = e.labelText.params?.['cycle'] ?? ''
    const labelText: Message = blind
      ? message('calibration.evidence.review', { cycle })
      : message('calibration.evidence.reviewBy', { cycle, reviewer: names.get(reviewer) ?? reviewer })
    return { ...e, label: english(labelText), labelText }
  }
}

/** The records behind the flags, as a workbook shows them: reviewers by name (exports always carry names). */
export function recordsWithReviewerNames(db: WorkspaceDb, records: FlagRecords): FlagRecords {
  const all = [...records.values()].flatMap((flags) => flags.flatMap((f) => f.evidence))
  const renamed = renamer(
    namesOf(
      db,
      all.map(reviewerOf).filter((r): r is string => r !== null),
    ),
    false,
  )
  return new Map(
    [...records].map(([id, flags]) => [id, flags.map((f) => ({ ...f, evidence: f.evidence.map(renamed) }))]),
  )
}

/**
 * The side panel's records with reviewers by name rather than employee ID; in blind mode without them (a reviewer
 * is usually the manager, and a name or an ID would say whose team the person is in).
 */
export function withReviewerNames(db: WorkspaceDb, detail: PersonDetail, blind: boolean): PersonDetail {
  const all: Evidence[] = [
    ...detail.flags.flatMap((f) => f.evidence),
    ...detail.performance.evidence,
    ...detail.potential.evidence,
    ...detail.agility.components.flatMap((c) => c.evidence),
  ]
  const names = namesOf(db, [
    ...all.map(reviewerOf).filter((r): r is string => r !== null),
    ...detail.reviews.map((r) => r.reviewerId).filter((r): r is string => r !== null),
  ])
  const renamed = renamer(names, blind)
  const named = (items: readonly Evidence[]): Evidence[] => items.map(renamed)
  return {
    ...detail,
    flags: detail.flags.map((f) => ({ ...f, evidence: named(f.evidence) })),
    performance: { ...detail.performance, evidence: named(detail.performance.evidence) },
    potential: { ...detail.potential, evidence: named(detail.potential.evidence) },
    agility: {
      ...detail.agility,
      components: detail.agility.components.map((c) => ({ ...c, evidence: named(c.evidence) })),
    },
    reviews: detail.reviews.map((r) => ({
      ...r,
      reviewerName: blind || r.reviewerId === null ? null : (names.get(r.reviewerId) ?? r.reviewerId),
    })),
  }
}
