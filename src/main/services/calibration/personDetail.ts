import type { MethodOutput } from '../../../shared/contract'
import type { CalibrationSettings, PersonDetail } from '../../../shared/contract/calibration'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { explainPlacement } from '../../../core/calibration/explain'
import type { LearningRecord } from '../../../core/calibration/evidenceModel'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { liveFlagRecords, readSnapshot, withoutRecords } from './flagRecords'
import { cycleById, loadMembers } from './loadPopulation'
import { jobLevelShown } from '../jobLevelSql'
import { withReviewerNames } from './reviewerNames'
import { sessionRow } from './sessionRecord'
import { moveLog } from './moveLog'
import { showSession } from './sessionView'
import { withBigMoverRecords, withPreviousBoxes } from './previousBoxes'

function learningState(r: LearningRecord, asOf: string): PersonDetail['learning'][number]['state'] {
  if (r.status === 'failed') return 'failed'
  if (r.status === 'completed' || r.status === 'passed' || r.status === 'waived')
    return r.validUntil !== null && r.validUntil < asOf ? 'expired' : 'done'
  return r.dueAt !== null && r.dueAt < asOf ? 'overdue' : 'open'
}

/** Whole months from a hire date to the session's as-of date; null without a hire date or for one after it. */
export function tenureMonths(hireDate: string | null, asOf: string): number | null {
  if (hireDate === null || !/^\d{4}-\d{2}-\d{2}/.test(hireDate) || hireDate > asOf) return null
  const [hy, hm, hd] = hireDate.slice(0, 10).split('-').map(Number) as [number, number, number]
  const [ay, am, ad] = asOf.slice(0, 10).split('-').map(Number) as [number, number, number]
  return (ay - hy) * 12 + (am - hm) - (ad < hd ? 1 : 0)
}

/**
 * The side panel's data for one person: their placement with every agility component explained and evidenced
 * (the grid view leaves those out to stay fast), their reviews by cycle, ratings, learning journey and moves.
 */
export function personDetail(
  db: WorkspaceDb,
  sessionId: string,
  employeeId: string,
): MethodOutput<'calibration.person'> {
  const view = withPreviousBoxes(db, showSession(db, sessionId))
  const placement = view.placements.find((p) => p.employeeId === employeeId)
  if (!placement)
    throw new AppError('INVALID_INPUT', message('calibration.errors.notOnGrid', { id: employeeId }), {
      employeeId,
    })
  const row = sessionRow(db, sessionId)
  const settings = JSON.parse(row.settings_json) as CalibrationSettings
  const { asOf } = settings
  const [person] = loadMembers(db, sessionId, placement.personId)
  if (!person)
    throw new AppError(
      'INVALID_INPUT',
      message('calibration.errors.notInSession', { ids: employeeId, count: 1 }),
      {
        employeeId,
      },
    )
  const byDate = (a: string | null, b: string | null): number => (b ?? '').localeCompare(a ?? '')
  // A finalized session shows the records its flags were frozen with; a live one judges them as they stand.
  const judged =
    row.status === 'finalized' && row.finalized_json
      ? readSnapshot(row.finalized_json).records.get(employeeId)
      : liveFlagRecords(db, row, view, placement.personId).get(employeeId)
  // The big-mover flag is judged beside the grid (previousBoxes.ts), and so are its records.
  const flags = withBigMoverRecords(db, view, new Map(judged ? [[employeeId, judged]] : []), employeeId).get(
    employeeId,
  )
  const who = db
    .prepare(
      `SELECT job_title AS jobTitle, ${jobLevelShown('p')} AS jobLevel, hire_date AS hireDate FROM people p
       WHERE p.id = ?`,
    )
    .get(placement.personId) as { jobTitle: string | null; jobLevel: string | null; hireDate: string | null }
  return withReviewerNames(
    db,
    {
      placement,
      flags: flags ? [...flags] : withoutRecords(placement.flags),
      profile: {
        ...who,
        // A job title (one VP of Marketing) or a hire date says who it is: blind mode keeps the level and tenure.
        ...(view.blind ? { jobTitle: null, hireDate: null } : {}),
        tenureMonths: tenureMonths(who.hireDate, asOf),
        managerName: placement.managerName ?? null,
      },
      ...explainPlacement(person, placement, cycleById(db, row.cycle_id), settings),
      reviews: [...person.reviews]
        .sort((a, b) => byDate(a.reviewDate, b.reviewDate))
        .map((r) => ({
          cycle: r.cycleName,
          overallRating: r.overallRating,
          potentialRating: r.potentialRating,
          scale: `${r.scaleMin}–${r.scaleMax}`,
          reviewerId: r.reviewerId,
          reviewDate: r.reviewDate,
        })),
      competencies: [...person.competencies]
        .sort((a, b) => a.skill.localeCompare(b.skill) || byDate(a.ratedAt, b.ratedAt))
        .map((c) => ({
          skill: c.skill,
          level: c.level,
          source: c.source,
          cycle: c.cycleName,
          ratedAt: c.ratedAt,
        })),
      learning: [...person.learning]
        .sort((a, b) => byDate(a.completedAt ?? a.dueAt, b.completedAt ?? b.dueAt))
        .map((r) => ({
          title: r.title,
          activityType: r.activityType,
          mandatory: r.mandatory,
          status: r.status,
          score: r.score,
          scoreMax: r.scoreMax,
          dueAt: r.dueAt,
          completedAt: r.completedAt,
          validUntil: r.validUntil,
          state: learningState(r, asOf),
        })),
      notes: db
        .prepare(
          'SELECT text, actor, at FROM calibration_notes WHERE session_id = ? AND person_id = ? ORDER BY id',
        )
        .all(sessionId, placement.personId) as { text: string; actor: string; at: string }[],
      moves: moveLog(db, sessionId)
        .filter((m) => m.employeeId === employeeId)
        .map(({ step, fromBox, toBox, reasonCode, reason, actor, at, state }) => ({
          step,
          fromBox,
          toBox,
          reasonCode,
          reason,
          actor,
          at,
          state,
        })),
    },
    view.blind,
  )
}
