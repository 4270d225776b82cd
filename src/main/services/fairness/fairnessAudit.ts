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

/** personId, location, gender, birth year, age band, ethnicity, work pattern, rating in the session's cycle. */
type MemberRow = [
  number,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
  number | null,
]

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
  // Raw rows (arrays, not objects) and no join for the cycle's scale: at 50,000 people the row objects were a
  // third of the audit's time.
  const members = db
    .prepare(
      `SELECT p.id, p.location, s.gender, s.birth_year, s.age_band, s.ethnicity, s.work_pattern, r.overall_rating
       FROM calibration_members m
       JOIN people p ON p.id = m.person_id
       LEFT JOIN person_sensitive_attributes s ON s.person_id = p.id
       -- One review per person and cycle (a unique key), so a plain join.
       LEFT JOIN reviews r ON r.person_id = p.id AND r.cycle_id = ?
       WHERE m.session_id = ?`,
    )
    .raw(true)
    .all(cycle.id, sessionId) as MemberRow[]
  // Only attributes tagged for the audit are grouped by: untagging one takes it out of the audit and its export.
  const purposes = readFieldPurposes(db)
  const audited = (attribute: SensitiveAttribute): boolean =>
    usesFieldFor(purposes, ATTRIBUTE_FIELD[attribute], 'fairnessAudit')
  const [byGender, byAge, byPattern, byEthnicity, byLocation] = (
    ['gender', 'ageBand', 'workPattern', 'ethnicity', 'location'] as const
  ).map(audited)
  // Few distinct birth years and bands: each is banded once.
  const bands = new Map<string, string | undefined>()
  const bandOf = (birthYear: number | null, band: string | null): string | undefined => {
    if (birthYear === null && band === null) return undefined
    const key = `${birthYear ?? ''}|${band ?? ''}`
    if (!bands.has(key)) bands.set(key, clean(ageBandOf(birthYear, band, settings.asOf)))
    return bands.get(key)
  }
  const subjects = members.map(
    ([personId, location, gender, birthYear, ageBand, ethnicity, workPattern, rawRating]): AuditSubject => {
      const placement = placed.get(personId)
      const rating = rawRating === null ? null : normaliseRating(rawRating, cycle.scaleMin, cycle.scaleMax)
      return {
        // Every key on every subject (undefined when not recorded or not audited): one shape for the audit's loops.
        groups: {
          gender: byGender ? clean(gender) : undefined,
          ageBand: byAge ? bandOf(birthYear, ageBand) : undefined,
          workPattern: byPattern ? clean(workPattern) : undefined,
          ethnicity: byEthnicity ? clean(ethnicity) : undefined,
          location: byLocation ? clean(location) : undefined,
        },
        rating,
        highPerformance:
          rating !== null &&
          levelFromCuts(rating, settings.performanceCuts.lowMax, settings.performanceCuts.highMin) === 'high',
        computedBox: placement?.computedBox ?? null,
        box: placement?.box ?? null,
        hiddenGem: placement?.flags.some((f) => f.code === 'HIDDEN_GEM') ?? false,
        flags: placement?.flags ?? [],
        agility: placement?.agility.index ?? null,
        ranks: placement?.agility.ranks ?? [null, null, null, null],
      }
    },
  )
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
