import type {
  CalibrationSettings,
  CalibrationView,
  FlagContext,
  FlagSummary,
  HeldPerson,
  Placement,
} from '../../shared/contract/calibration'
import { addDays } from '../dates'
import { AGILITY_COMPONENTS, scoreAgilityColumns, writeAgilityRow } from './agility'
import { deviation, DISTRIBUTION_RULE, targetCounts } from './distribution'
import type { AppliedMove, CalibrationPerson, CycleInfo, FlagState, ReviewRecord } from './evidenceModel'
import { scanEvidence } from './evidenceScan'
import { notRated, type RatedPerformance } from './flags'
import { placePerformance } from './performance'
import { flagStateKey, recordFlags, sessionFlags, summariseFlags } from './personFlags'
import { message, type Message } from './messages'
import { placeInNineBox } from './placement'
import { potentialCuts, potentialScore, type PotentialBasis } from './potential'
import { firstValueRankedFrom, median } from './ranking'
import { raterFindings, type RaterFinding } from './raters'

export interface CalibrationInput {
  people: readonly CalibrationPerson[]
  cycle: CycleInfo
  settings: CalibrationSettings
  /** Active moves (not undone), in step order: the last one per person wins. */
  moves: readonly AppliedMove[]
  flagStates: readonly FlagState[]
  discussed: ReadonlySet<string>
  /** Blind-mode pseudonyms, one per person in the order of `people`. */
  pseudonyms: readonly string[]
  blind: boolean
}

export type CalibrationResult = Pick<
  CalibrationView,
  'placements' | 'holding' | 'distribution' | 'distributionRule' | 'raters' | 'flagContext'
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

  const flagStates = new Map(input.flagStates.map((s) => [flagStateKey(s.employeeId, s.code), s]))
  // Hired after this date means less than the minimum tenure at asOf.
  const hiredBy = addDays(asOf, -monthsToDays(settings.minTenureMonths))
  const holding: HeldPerson[] = []
  const held = (
    person: CalibrationPerson,
    pseudonym: string,
    reason: HeldPerson['reason'],
    explanation: string,
    explanationText: Message,
    flags: FlagSummary[],
  ): void => {
    holding.push({
      personId: person.personId,
      employeeId: person.employeeId,
      name: input.blind ? pseudonym : (person.fullName ?? person.employeeId),
      pseudonym,
      department: person.department,
      reason,
      explanation,
      explanationText,
      flags,
    })
  }
  // The flags judged on a person's own records need only the dates; the rank-based ones come after ranking.
  const staleSince = addDays(asOf, -monthsToDays(settings.staleEvidenceMonths))
  const datesOnly: FlagContext = {
    asOf,
    periodStart,
    agilityTopCut: null,
    medianRating: Number.NaN,
    staleEvidenceMonths: settings.staleEvidenceMonths,
    staleSince,
  }
  const eligible: CalibrationPerson[] = []
  const reviews: ReviewRecord[] = []
  const pseudonyms: string[] = []
  // What later passes need from each review, read once: in a large session the review records are spread over
  // the heap, and every pass that touched them again cost more than the arithmetic.
  const performances: RatedPerformance[] = []
  const ratings = new Float64Array(input.people.length)
  const potentialRatings: (number | null)[] = []
  const reviewerIds: (string | null)[] = []
  // Summaries, not the flags: their evidence builders would otherwise live until the grid is done.
  const flagsOf: FlagSummary[][] = []
  const columns = AGILITY_COMPONENTS.map(() => new Float64Array(input.people.length))
  input.people.forEach((person, at) => {
    const pseudonym = input.pseudonyms[at] ?? 'P-?'
    let review: ReviewRecord | undefined
    for (const r of person.reviews) if (r.cycleId === cycle.id) review = review ?? r
    const tooNew = person.hireDate !== null && person.hireDate > hiredBy
    if (tooNew)
      held(
        person,
        pseudonym,
        'too-new',
        `Hired ${person.hireDate}, less than ${settings.minTenureMonths} months before ${asOf}.`,
        message('calibration.holding.tooNew', {
          date: String(person.hireDate),
          months: settings.minTenureMonths,
          asOf,
        }),
        [],
      )
    else if (!review)
      held(
        person,
        pseudonym,
        'not-rated',
        `No rating in ${cycle.name}.`,
        message('calibration.flags.notRated', { cycle: cycle.name }),
        summariseFlags([notRated(cycle.name)], person.employeeId, flagStates),
      )
    else {
      // One scan of the person's records serves agility and every record-level flag.
      const scan = scanEvidence(person, datesOnly, review.cycleName)
      writeAgilityRow(scan, columns, eligible.length)
      const { level, value } = placePerformance(review, settings.performanceCuts)
      const performance = { level, value, review }
      ratings[eligible.length] = value as number
      performances.push(performance)
      potentialRatings.push(review.potentialRating)
      reviewerIds.push(review.reviewerId)
      eligible.push(person)
      reviews.push(review)
      pseudonyms.push(pseudonym)
      flagsOf.push(summariseFlags(recordFlags(scan, performance, datesOnly), person.employeeId, flagStates))
    }
  })

  const agility = scoreAgilityColumns(
    columns.map((c) => c.subarray(0, eligible.length)),
    settings.agilityWeights,
  )
  // Potential per person as a value (NaN when neither agility nor a manager rating is on record) and its basis.
  const potentialValues = new Float64Array(eligible.length)
  const potentialBases: PotentialBasis[] = []
  const scores: number[] = []
  const indices: number[] = []
  potentialRatings.forEach((rating, i) => {
    const index = (agility[i] as (typeof agility)[number]).index
    const score = potentialScore(index, rating, settings.potential)
    potentialValues[i] = score?.value ?? Number.NaN
    potentialBases.push(score?.basis ?? 'agility')
    if (score) scores.push(score.value)
    if (index !== null) indices.push(index)
  })
  const cuts = potentialCuts(scores, settings.potential)
  const flagContext: FlagContext = {
    asOf,
    periodStart,
    agilityTopCut: topShareCut(new Float64Array(indices).sort(), settings.hiddenGemTopShare),
    medianRating: Math.round(median(ratings.subarray(0, eligible.length)) * 100) / 100,
    staleEvidenceMonths: settings.staleEvidenceMonths,
    staleSince,
  }
  const raters = raterFindings(
    reviewerIds,
    ratings.subarray(0, eligible.length),
    settings.raterZ,
    settings.raterMinRated,
  )
  const raterOf = new Map<string, RaterFinding>(raters.map((r) => [r.reviewerId, r]))
  const lastMove = new Map<string, AppliedMove>()
  for (const move of input.moves) lastMove.set(move.employeeId, move)

  const placements: Placement[] = []
  eligible.forEach((person, i) => {
    const review = reviews[i] as ReviewRecord
    const score = potentialValues[i] as number
    if (Number.isNaN(score)) {
      held(
        person,
        pseudonyms[i] as string,
        'insufficient-evidence',
        `Learning agility has insufficient evidence, and there is no manager potential rating in ${cycle.name} to fall back on.`,
        message('calibration.holding.insufficient', { cycle: cycle.name }),
        [],
      )
      return
    }
    const performance = performances[i] as RatedPerformance
    const personAgility = agility[i] as (typeof agility)[number]
    const potential = {
      level: cuts.levelOf(score),
      value: Math.round(score * 10) / 10,
      basis: potentialBases[i] as PotentialBasis,
    }
    const computedBox = placeInNineBox(performance.level, potential.level)
    const move = lastMove.size === 0 ? undefined : lastMove.get(person.employeeId)
    const box = move?.toBox ?? computedBox
    const flags = flagsOf[i] as FlagSummary[]
    const later = sessionFlags(
      person,
      {
        review,
        performance,
        agility: personAgility,
        computedBox,
        box,
        move,
        rater: raterOf.size > 0 && reviewerIds[i] ? raterOf.get(reviewerIds[i] as string) : undefined,
      },
      flagContext,
    )
    if (later.length > 0) flags.push(...summariseFlags(later, person.employeeId, flagStates))
    const pseudonym = pseudonyms[i] as string
    placements.push({
      personId: person.personId,
      employeeId: person.employeeId,
      name: input.blind ? pseudonym : (person.fullName ?? person.employeeId),
      pseudonym,
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
      flags,
      discussed: input.discussed.size > 0 && input.discussed.has(person.employeeId),
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
    raters,
    flagContext,
  }
}

/** The lowest agility index whose mid-rank puts it in the session's top share (ties at the edge included). */
function topShareCut(sorted: Float64Array, share: number): number | null {
  return firstValueRankedFrom(sorted, 1 - share)
}
