import type {
  AgilityPlacement,
  AssessmentPlacement,
  Flag,
  FlagContext,
  FlagSummary,
} from '../../shared/contract/calibration'
import type { AppliedMove, CalibrationPerson, ReviewRecord } from './evidenceModel'
import { scanEvidence, type PersonEvidenceScan } from './evidenceScan'
import {
  complianceGap,
  expiredCertification,
  hiddenGem,
  miscastTalent,
  movedAgainstEvidence,
  ratingEvidenceMismatch,
  staleEvidence,
  type RawFlag,
  type RatedPerformance,
} from './flags'
import { boxDistance } from './placement'
import { raterEvidence, type RaterFinding } from './raters'

/** Where one person sits and why: what their flags are judged on besides their own records. */
export interface FlaggedPlacement {
  review: ReviewRecord
  performance: RatedPerformance
  agility: Pick<AgilityPlacement, 'index'>
  computedBox: number
  box: number
  /** The person's last active move, if any. */
  move: AppliedMove | undefined
  /** The finding on the person's reviewer, if that reviewer stands out. */
  rater: RaterFinding | undefined
  /** The person's assessment results in the period, ranked in the session (thin-evidence flags). */
  assessment?: AssessmentPlacement | undefined
}

/** The flags that depend only on the person's own records and rating: judged while their records are scanned. */
export function recordFlags(
  scan: PersonEvidenceScan,
  performance: RatedPerformance,
  ctx: FlagContext,
): RawFlag[] {
  const flags: RawFlag[] = []
  for (const found of [
    complianceGap(scan, performance, ctx),
    expiredCertification(scan, performance, ctx),
    ratingEvidenceMismatch(scan, performance.review),
    staleEvidence(scan, ctx),
  ])
    if (found) flags.push(found)
  return flags
}

/** The flags that need the whole session: reviewer outliers, agility rank, and moves against the data. */
export function sessionFlags(
  person: CalibrationPerson,
  placed: FlaggedPlacement,
  ctx: FlagContext,
): RawFlag[] {
  const { performance, agility, rater, move, computedBox, box } = placed
  const into: RawFlag[] = []
  if (rater)
    into.push({
      code: rater.code,
      severity: 'info',
      rationale: rater.rationale,
      ...(rater.rationaleText ? { text: rater.rationaleText } : {}),
      evidence: () => raterEvidence(rater),
    })
  const gem = hiddenGem(person, performance, agility, ctx, placed.assessment)
  if (gem) into.push(gem)
  const miscast = miscastTalent(person, performance, agility, ctx)
  if (miscast) into.push(miscast)
  if (move && boxDistance(computedBox, box) >= 2)
    into.push(movedAgainstEvidence(computedBox, box, boxDistance(computedBox, box), move))
  return into
}

/**
 * Every flag of one person on the grid, in a fixed order. The grid judges these for everyone without building
 * evidence; the side panel and the exports judge them again for one person with the session's context and ask for
 * the records, so both always agree.
 */
export function personFlags(
  person: CalibrationPerson,
  placed: FlaggedPlacement,
  ctx: FlagContext,
): RawFlag[] {
  const scan = scanEvidence(person, ctx, placed.review.cycleName)
  return [...recordFlags(scan, placed.performance, ctx), ...sessionFlags(person, placed, ctx)]
}

/** How a flag's recorded state is looked up: one person, one code. */
export const flagStateKey = (employeeId: string, code: string): string => `${employeeId}\u0000${code}`

/** Flags as the grid shows them, with what the meeting recorded on each (acknowledged, resolved, a note). */
export function summariseFlags(
  flags: readonly RawFlag[],
  employeeId: string,
  states: ReadonlyMap<string, { status: FlagSummary['status']; note: string }>,
): FlagSummary[] {
  return flags.map(({ code, severity, rationale, text }) => {
    const state = states.size === 0 ? undefined : states.get(flagStateKey(employeeId, code))
    const status = state?.status ?? 'open'
    const note = state?.note ?? null
    return text
      ? { code, severity, rationale, text, status, note }
      : { code, severity, rationale, status, note }
  })
}

/** The same flags with the records behind each. */
export function flagsWithEvidence(flags: readonly RawFlag[], summaries: readonly FlagSummary[]): Flag[] {
  return flags.map((f) => {
    const shown = summaries.find((s) => s.code === f.code)
    return {
      code: f.code,
      severity: f.severity,
      rationale: f.rationale,
      ...(f.text ? { text: f.text } : {}),
      status: shown?.status ?? 'open',
      note: shown?.note ?? null,
      evidence: f.evidence(),
    }
  })
}
