import type {
  CalibrationSettings,
  CalibrationView,
  HeldPerson,
  Level,
  Placement,
  ProposalDetail,
  ProposalBatch,
} from '../../../shared/contract/calibration'
import { boxFromRatings } from '../../../core/calibration/previousPlacement'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import { sessionMemo } from './sessionCache'
import { assertEditable, sessionRow, type CalibrationContext } from './sessionRecord'
import { discardRedo, nextStep } from './sessionMoves'

/** One proposal as stored: who it is for (people.id), the box, the words if given, who proposed it and why. */
export interface StoredProposal {
  personId: number
  box: number
  performance: Level | null
  potential: Level | null
  proposerId: string | null
  proposer: string | null
  comment: string | null
}

/** The import in force: the newest batch of the session not undone (nor discarded). */
export function activeBatch(db: WorkspaceDb, sessionId: string): (ProposalBatch & { id: number }) | null {
  const row = db
    .prepare(
      `SELECT id, step, source, file, proposals, actor, at FROM calibration_proposal_batches
       WHERE session_id = ? AND state = 0 ORDER BY step DESC LIMIT 1`,
    )
    .get(sessionId) as (ProposalBatch & { id: number }) | undefined
  return row ?? null
}

/**
 * The proposals of a batch by people.id, read once per batch and kept with the session's derived values: a batch
 * never changes once written (a new import is a new batch), so its id is the key, and a meeting's moves cost a
 * map lookup per person.
 */
function proposalsOf(db: WorkspaceDb, sessionId: string, batchId: number): Map<number, KeptProposal> {
  return sessionMemo(db, sessionId, `proposals\u0000${batchId}`, () => {
    const rows = db
      .prepare(
        `SELECT person_id AS personId, box, performance, potential, proposer_id AS proposerId, proposer, comment
         FROM calibration_proposals WHERE batch_id = ?`,
      )
      .all(batchId) as StoredProposal[]
    // What a named view shows is the same on every view: made once, shared by them all.
    return new Map(rows.map((r) => [r.personId, { ...r, shown: detailOf(r, false, null) }]))
  })
}

/** A stored proposal with what a view that names people shows of it. */
type KeptProposal = StoredProposal & { shown: ProposalDetail }

const batchShown = ({ id: _id, ...shown }: ProposalBatch & { id: number }): ProposalBatch => shown

/**
 * What the view says of a proposal. In blind mode the proposer is named only as the person's manager pseudonym (when
 * the manager proposed and the person is on the grid), never by a name that would say who the person is.
 */
function detailOf(proposed: StoredProposal, blind: boolean, placed: Placement | null): ProposalDetail {
  const byManager =
    placed !== null && proposed.proposerId !== null && proposed.proposerId === placed.managerId
  return {
    performance: proposed.performance,
    potential: proposed.potential,
    by: blind ? (byManager ? (placed.managerName ?? null) : null) : proposed.proposer,
    byId: blind ? null : proposed.proposerId,
    comment: proposed.comment,
  }
}

/** Each view decorated once: the same view (a cached one) gets the same decorated view back. */
const decorated = new WeakMap<CalibrationView, CalibrationView>()

/**
 * The view with each placement's (and held person's) proposed box, null when nobody proposed one, and what came with
 * it; the view's `proposals` says which import they are from.
 */
export function withProposals(db: WorkspaceDb, view: CalibrationView): CalibrationView {
  if (view.proposals !== undefined) return view
  const done = decorated.get(view)
  if (done) return done
  const batch = activeBatch(db, view.sessionId)
  const byPerson = batch ? proposalsOf(db, view.sessionId, batch.id) : new Map<number, KeptProposal>()
  // Without proposals the placements stay as they are (no copy of 50,000 objects): an absent proposedBox reads as
  // none, and `calibration show --json` prints it as null.
  const placements =
    byPerson.size === 0
      ? view.placements
      : view.placements.map((p): Placement => {
          const proposed = byPerson.get(p.personId)
          if (!proposed) return { ...p, proposedBox: null, proposal: null }
          return {
            ...p,
            proposedBox: proposed.box,
            proposal: view.blind ? detailOf(proposed, true, p) : proposed.shown,
          }
        })
  // Someone the data could not place may have a proposal too: the meeting can start from it when placing them.
  const holding =
    byPerson.size === 0
      ? view.holding
      : view.holding.map((h): HeldPerson => {
          const proposed = byPerson.get(h.personId)
          return proposed
            ? {
                ...h,
                proposedBox: proposed.box,
                proposal: view.blind ? detailOf(proposed, true, null) : proposed.shown,
              }
            : { ...h, proposedBox: null, proposal: null }
        })
  const result: CalibrationView = {
    ...view,
    placements,
    holding,
    proposals: batch ? batchShown(batch) : null,
  }
  decorated.set(view, result)
  return result
}

/**
 * Writes a set of proposals as the session's proposals, in one step of its undo history: the import before stays on
 * record (undo brings it back), the redo history ends as after any move. Returns the step and how many the import
 * before held.
 */
export function storeProposals(
  sessionId: string,
  proposals: readonly StoredProposal[],
  origin: { source: 'workbook' | 'ratings'; file: string | null },
  ctx: CalibrationContext,
): { step: number; replaced: number } {
  const { db } = ctx
  const row = sessionRow(db, sessionId)
  assertEditable(row)
  const before = activeBatch(db, sessionId)
  let step = 0
  db.transaction(() => {
    step = nextStep(db, sessionId)
    discardRedo(db, sessionId)
    const batchId = Number(
      db
        .prepare(
          `INSERT INTO calibration_proposal_batches (session_id, step, source, file, proposals, actor, at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(sessionId, step, origin.source, origin.file, proposals.length, ctx.actor, ctx.now.toISOString())
        .lastInsertRowid,
    )
    const insert = db.prepare(
      `INSERT INTO calibration_proposals (batch_id, person_id, box, performance, potential, proposer_id, proposer, comment)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const p of proposals)
      insert.run(batchId, p.personId, p.box, p.performance, p.potential, p.proposerId, p.proposer, p.comment)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'calibration.proposals',
        entityType: 'calibration_session',
        entityId: sessionId,
        before: before ? { step: before.step, proposals: before.proposals, file: before.file } : null,
        after: { step, proposals: proposals.length, source: origin.source, file: origin.file },
      },
      ctx.now,
    )
  })()
  return { step, replaced: before?.proposals ?? 0 }
}

/**
 * The cycle's own ratings as proposals: each member's overall rating and the manager's potential rating (words
 * included: a scale of words was turned into its numbers at import) cut by the session's settings, as the previous
 * cycle's box is (`boxFromRatings`), proposed by the reviewer. Someone without a potential rating gets none.
 */
export function proposalsFromRatings(db: WorkspaceDb, sessionId: string): StoredProposal[] {
  const row = sessionRow(db, sessionId)
  const settings = JSON.parse(row.settings_json) as CalibrationSettings
  const rows = db
    .prepare(
      `SELECT r.person_id AS personId, r.overall_rating AS overallRating, r.potential_rating AS potentialRating,
              c.scale_min AS scaleMin, c.scale_max AS scaleMax, r.reviewer_id AS reviewerId,
              coalesce(v.full_name, r.reviewer_id) AS reviewer
       FROM calibration_members m JOIN reviews r ON r.person_id = m.person_id AND r.cycle_id = ?
       JOIN review_cycles c ON c.id = r.cycle_id LEFT JOIN people v ON v.employee_id = r.reviewer_id
       WHERE m.session_id = ?`,
    )
    .all(row.cycle_id, sessionId) as {
    personId: number
    overallRating: number
    potentialRating: number | null
    scaleMin: number
    scaleMax: number
    reviewerId: string | null
    reviewer: string | null
  }[]
  const proposals: StoredProposal[] = []
  for (const r of rows) {
    const box = boxFromRatings(r, settings)
    if (box === null) continue
    proposals.push({
      personId: r.personId,
      box,
      performance: null,
      potential: null,
      proposerId: r.reviewerId,
      proposer: r.reviewer,
      comment: null,
    })
  }
  return proposals
}
