import type { CalibrationSettings } from '../../../shared/contract/calibration'
import type { FairnessAudit, SensitiveAttribute } from '../../../shared/contract/fairness'
import { ageBandOf } from '../../../core/fairness/ageBand'
import { ATTRIBUTE_LABELS, auditFairness, type AuditSubject } from '../../../core/fairness/audit'
import { usesFieldFor, type PurposeField } from '../../../core/privacy/fieldPurposes'
import { readFieldPurposes } from '../privacy/fieldPurposes'
import { levelFromCuts, normaliseRating } from '../../../core/calibration/performance'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { cycleById } from '../calibration/loadPopulation'
import { sessionRow } from '../calibration/sessionRecord'
import { showSession } from '../calibration/sessionView'

export const DEFAULT_TOP_BOXES = [6, 8, 9]

const ATTRIBUTE_FIELD: Record<SensitiveAttribute, PurposeField> = {
  gender: 'gender',
  ageBand: 'age',
  workPattern: 'workPattern',
  ethnicity: 'ethnicity',
  location: 'location',
}

interface MemberRow {
  personId: number
  location: string | null
  gender: string | null
  birthYear: number | null
  ageBand: string | null
  ethnicity: string | null
  workPattern: string | null
  rating: number | null
  scaleMin: number | null
  scaleMax: number | null
}

const clean = (value: string | null): string | undefined =>
  value === null ? undefined : value.trim() || undefined

/**
 * The fairness audit of a session. This is the one place that reads the sensitive attributes (their table's purpose
 * is the fairness audit, and nothing else joins it); the grid's placements, boxes and flags come from the session
 * view, the ratings of everyone in scope (the holding area included) from the reviews.
 */
export function fairnessAudit(
  db: WorkspaceDb,
  sessionId: string,
  topBoxes = DEFAULT_TOP_BOXES,
): FairnessAudit {
  const row = sessionRow(db, sessionId)
  const settings = JSON.parse(row.settings_json) as CalibrationSettings
  const cycle = cycleById(db, row.cycle_id)
  const view = showSession(db, sessionId)
  const placed = new Map(view.placements.map((p) => [p.personId, p]))
  const members = db
    .prepare(
      `SELECT p.id AS personId, p.location, s.gender, s.birth_year AS birthYear, s.age_band AS ageBand, s.ethnicity,
              s.work_pattern AS workPattern, r.overall_rating AS rating, c.scale_min AS scaleMin, c.scale_max AS scaleMax
       FROM calibration_members m
       JOIN people p ON p.id = m.person_id
       LEFT JOIN person_sensitive_attributes s ON s.person_id = p.id
       -- One review per person and cycle (a unique key), so a plain join.
       LEFT JOIN reviews r ON r.person_id = p.id AND r.cycle_id = ?
       LEFT JOIN review_cycles c ON c.id = r.cycle_id
       WHERE m.session_id = ?`,
    )
    .all(cycle.id, sessionId) as MemberRow[]
  // Only attributes tagged for the audit are grouped by: untagging one takes it out of the audit and its export.
  const purposes = readFieldPurposes(db)
  const audited = (attribute: SensitiveAttribute): boolean =>
    usesFieldFor(purposes, ATTRIBUTE_FIELD[attribute], 'fairnessAudit')
  const subjects = members.map((m): AuditSubject => {
    const placement = placed.get(m.personId)
    const rating =
      m.rating === null || m.scaleMin === null || m.scaleMax === null
        ? null
        : normaliseRating(m.rating, m.scaleMin, m.scaleMax)
    const groups: Partial<Record<SensitiveAttribute, string>> = {}
    const values: Record<SensitiveAttribute, string | undefined> = {
      gender: clean(m.gender),
      ageBand: clean(
        m.birthYear === null && m.ageBand === null ? null : ageBandOf(m.birthYear, m.ageBand, settings.asOf),
      ),
      workPattern: clean(m.workPattern),
      ethnicity: clean(m.ethnicity),
      location: clean(m.location),
    }
    for (const attribute of Object.keys(values) as SensitiveAttribute[]) {
      const value = values[attribute]
      if (value !== undefined && audited(attribute)) groups[attribute] = value
    }
    return {
      groups,
      rating,
      highPerformance:
        rating !== null &&
        levelFromCuts(rating, settings.performanceCuts.lowMax, settings.performanceCuts.highMin) === 'high',
      computedBox: placement?.computedBox ?? null,
      box: placement?.box ?? null,
      hiddenGem: placement?.flags.some((f) => f.code === 'HIDDEN_GEM') ?? false,
      flags: placement?.flags.map((f) => f.code) ?? [],
      agility: placement?.agility.index ?? null,
      ranks: placement?.agility.ranks ?? [null, null, null, null],
    }
  })
  return {
    sessionId,
    sessionName: row.name,
    cycle: cycle.name,
    asOf: settings.asOf,
    people: members.length,
    topBoxes: [...topBoxes].sort((a, b) => a - b),
    notUsed: (Object.keys(ATTRIBUTE_FIELD) as SensitiveAttribute[])
      .filter((a) => !audited(a))
      .map((attribute) => ({ attribute, label: ATTRIBUTE_LABELS[attribute] })),
    ...auditFairness(subjects, topBoxes),
  }
}
