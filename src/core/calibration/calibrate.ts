import type {
  CalibrationSettings,
  CalibrationView,
  Evidence,
  Flag,
  HeldPerson,
  Placement,
} from '../../shared/contract/calibration'
import { addDays } from '../dates'
import { agilityComponents, scoreAgility } from './agility'
import { deviation, DISTRIBUTION_RULE, targetCounts } from './distribution'
import type { AppliedMove, CalibrationPerson, CycleInfo, FlagState, ReviewRecord } from './evidenceModel'
import {
  complianceGap,
  expiredCertification,
  hiddenGem,
  miscastTalent,
  movedAgainstEvidence,
  notRated,
  ratingEvidenceMismatch,
  staleEvidence,
  type FlagContext,
  type RawFlag,
} from './flags'
import { normaliseRating, placePerformance } from './performance'
import { boxDistance, placeInNineBox } from './placement'
import { potentialCuts, potentialScore } from './potential'
import { median, midRanks } from './ranking'
import { raterFindings, type RaterFinding } from './raters'

export interface CalibrationInput {
  people: readonly CalibrationPerson[]
  cycle: CycleInfo
  settings: CalibrationSettings
  /** Active moves (not undone), in step order: the last one per person wins. */
  moves: readonly AppliedMove[]
  flagStates: readonly FlagState[]
  discussed: ReadonlySet<string>
  pseudonyms: ReadonlyMap<string, string>
  blind: boolean
}

export type CalibrationResult = Pick<
  CalibrationView,
  'placements' | 'holding' | 'distribution' | 'distributionRule' | 'raters'
>

const monthsToDays = (months: number): number => Math.round(months * 30.44)

/**
 * Places a session's people on the nine-box grid from their records, with every score explained and every flag
 * backed by the records behind it, then replays the session's manual moves on top. Pure: same input, same grid.
 */
export function calibrate(input: CalibrationInput): CalibrationResult {
  const { settings, cycle } = input
  const { asOf } = settings
  const periodStart = cycle.startsOn ?? addDays(asOf, -365)
  const nameOf = (p: CalibrationPerson): string =>
    input.blind ? (input.pseudonyms.get(p.employeeId) ?? 'P-?') : (p.fullName ?? p.employeeId)
  const pseudonymOf = (p: CalibrationPerson): string => input.pseudonyms.get(p.employeeId) ?? 'P-?'

  // Hired after this date means less than the minimum tenure at asOf.
  const flagStates = new Map(input.flagStates.map((s) => [`${s.employeeId}\u0000${s.code}`, s]))
  const hiredBy = addDays(asOf, -monthsToDays(settings.minTenureMonths))
  const holding: HeldPerson[] = []
  const eligible: { person: CalibrationPerson; review: ReviewRecord }[] = []
  for (const person of input.people) {
    const review = person.reviews.find((r) => r.cycleId === cycle.id)
    const tooNew = person.hireDate !== null && person.hireDate > hiredBy
    if (tooNew || !review) {
      holding.push({
        personId: person.personId,
        employeeId: person.employeeId,
        name: nameOf(person),
        pseudonym: pseudonymOf(person),
        department: person.department,
        reason: tooNew ? 'too-new' : 'not-rated',
        explanation: tooNew
          ? `Hired ${person.hireDate}, less than ${settings.minTenureMonths} months before ${asOf}.`
          : `No rating in ${cycle.name}.`,
        flags: tooNew ? [] : withState([notRated(cycle.name)], person.employeeId, flagStates),
      })
      continue
    }
    eligible.push({ person, review })
  }

  const agility = scoreAgility(
    eligible.map(({ person }) => agilityComponents(person, asOf)),
    settings.agilityWeights,
  )
  const potentials = eligible.map(({ review }, i) =>
    potentialScore((agility[i] as (typeof agility)[number]).index, review, settings.potential),
  )
  const cuts = potentialCuts(
    potentials.filter((p) => p !== null).map((p) => p.value),
    settings.potential,
  )
  const indices = agility
    .map((a) => a.index)
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b)
  const ratings = eligible.map(({ review }) =>
    normaliseRating(review.overallRating, review.scaleMin, review.scaleMax),
  )
  const ctx: FlagContext = {
    asOf,
    periodStart,
    agilityTopCut: topShareCut(indices, settings.hiddenGemTopShare),
    medianRating: Math.round(median(ratings) * 100) / 100,
    staleEvidenceMonths: settings.staleEvidenceMonths,
    staleSince: addDays(asOf, -monthsToDays(settings.staleEvidenceMonths)),
  }
  const raters = raterFindings(
    eligible.map((e) => e.review),
    settings.raterZ,
    settings.raterMinRated,
  )
  const raterOf = new Map<string, RaterFinding>(raters.map((r) => [r.reviewerId, r]))
  const lastMove = new Map<string, AppliedMove>()
  for (const move of input.moves) lastMove.set(move.employeeId, move)

  const placements: Placement[] = []
  eligible.forEach(({ person, review }, i) => {
    const performance = { ...placePerformance(review, settings.performanceCuts), review }
    const personAgility = agility[i] as (typeof agility)[number]
    const score = potentials[i]
    if (!score) {
      holding.push({
        personId: person.personId,
        employeeId: person.employeeId,
        name: nameOf(person),
        pseudonym: pseudonymOf(person),
        department: person.department,
        reason: 'insufficient-evidence',
        explanation: `Learning agility has insufficient evidence, and there is no manager potential rating in ${cycle.name} to fall back on.`,
        flags: [],
      })
      return
    }
    const potential = {
      level: cuts.levelOf(score.value),
      value: Math.round(score.value * 10) / 10,
      basis: score.basis,
    }
    const computedBox = placeInNineBox(performance.level, potential.level)
    const move = lastMove.get(person.employeeId)
    const box = move?.toBox ?? computedBox
    const raw: RawFlag[] = []
    const push = (f: RawFlag | null): void => {
      if (f) raw.push(f)
    }
    push(complianceGap(person, performance, ctx))
    push(expiredCertification(person, performance, ctx))
    push(ratingEvidenceMismatch(person, review, ctx))
    const rater = review.reviewerId ? raterOf.get(review.reviewerId) : undefined
    if (rater)
      raw.push({ code: rater.code, severity: 'info', rationale: rater.rationale, evidence: rater.evidence })
    const agilityEvidence = (): Evidence[] =>
      agilityComponents(person, asOf, true).flatMap((c) => c.evidence.slice(0, 3))
    push(hiddenGem(performance, personAgility, ctx, agilityEvidence))
    push(miscastTalent(performance, personAgility, ctx, agilityEvidence))
    push(staleEvidence(person, ctx))
    if (move && boxDistance(computedBox, box) >= 2)
      raw.push(movedAgainstEvidence(computedBox, box, boxDistance(computedBox, box), move))
    placements.push({
      personId: person.personId,
      employeeId: person.employeeId,
      name: nameOf(person),
      pseudonym: pseudonymOf(person),
      managerId: person.managerId,
      department: person.department,
      location: person.location,
      jobLevel: person.jobLevel,
      computedBox,
      box,
      source: move && box !== computedBox ? 'moved' : 'computed',
      performance: { level: performance.level, value: performance.value },
      potential,
      agility: personAgility,
      flags: withState(raw, person.employeeId, flagStates),
      discussed: input.discussed.has(person.employeeId),
    })
  })

  const targets = targetCounts(settings.targets, placements.length)
  const computedIn = new Array<number>(10).fill(0)
  const actualIn = new Array<number>(10).fill(0)
  for (const p of placements) {
    computedIn[p.computedBox] = (computedIn[p.computedBox] ?? 0) + 1
    actualIn[p.box] = (actualIn[p.box] ?? 0) + 1
  }
  const total = Object.values(settings.targets).reduce((a, b) => a + b, 0)
  const distribution = Array.from({ length: 9 }, (_, i) => {
    const box = i + 1
    const actual = actualIn[box] ?? 0
    return {
      box,
      label: settings.labels[String(box)] ?? `Box ${box}`,
      computed: computedIn[box] ?? 0,
      actual,
      targetPercent: total === 0 ? 0 : Math.round((1000 * (settings.targets[String(box)] ?? 0)) / total) / 10,
      targetCount: targets[box] ?? 0,
      deviation: deviation(actual, targets[box] ?? 0),
    }
  })
  return {
    placements,
    holding,
    distribution,
    distributionRule: DISTRIBUTION_RULE,
    raters: raters.map(({ evidence: _evidence, ...finding }) => finding),
  }
}

function withState(
  flags: readonly RawFlag[],
  employeeId: string,
  states: ReadonlyMap<string, FlagState>,
): Flag[] {
  return flags.map((f) => {
    const state = states.get(`${employeeId}\u0000${f.code}`)
    return { ...f, status: state?.status ?? 'open', note: state?.note ?? null }
  })
}

/** The lowest agility index whose mid-rank puts it in the session's top share (ties at the edge included). */
function topShareCut(indices: readonly number[], share: number): number | null {
  const rank = midRanks(indices)
  const inTop = indices.filter((v) => rank(v) >= 1 - share)
  return inTop.length === 0 ? null : Math.min(...inTop)
}
