import type {
  AssessmentPlacement,
  CalibrationSettings,
  CalibrationView,
  FlagContext,
  FlagSummary,
  HeldPerson,
  Placement,
  PotentialSourceKey,
} from '../../shared/contract/calibration'
import { english } from '../../shared/i18n/translate'
import { addDays } from '../dates'
import { AGILITY_COMPONENTS, scoreAgilityColumns, writeAgilityRow } from './agility'
import { DISTRIBUTION_RULE, distributionOf } from './distribution'
import type { AppliedMove, CalibrationPerson, CycleInfo, FlagState, ReviewRecord } from './evidenceModel'
import { scanEvidence } from './evidenceScan'
import { notRated, type RatedPerformance } from './flags'
import { placePerformance } from './performance'
import { flagStateKey, recordFlags, sessionFlags, summariseFlags } from './personFlags'
import { message, type Message } from './messages'
import { boxLevels, placeInNineBox } from './placement'
import {
  managerLevel,
  potentialCuts,
  resolvePotential,
  sourcesOf,
  usesGeneralRules,
  type PotentialBasis,
} from './potential'
import { firstValueRankedFrom, median, midRankColumn } from './ranking'
import { raterFindings, type RaterFinding } from './raters'
import { holdingTodo, type HeldEvidence } from './holdingTodo'

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
  'placements' | 'holding' | 'distribution' | 'distributionRule' | 'raters' | 'flagContext' | 'holdingTodo'
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
  const periodEnd = cycle.endsOn ?? asOf

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
    periodEnd,
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
  // Each person's mean assessment result in the period (NaN without one) and how many results it rests on.
  const results = new Float64Array(input.people.length)
  const resultCounts: number[] = []
  // The people the data cannot place, kept with what they have: the to-do counts what each source would place.
  const heldEvidence: HeldEvidence[] = []
  const lastMove = new Map<string, AppliedMove>()
  for (const move of input.moves) lastMove.set(move.employeeId, move)
  const placedByHand: {
    person: CalibrationPerson
    pseudonym: string
    reason: HeldPerson['reason']
    review: ReviewRecord | undefined
    flags: FlagSummary[]
    move: AppliedMove
  }[] = []
  input.people.forEach((person, at) => {
    const pseudonym = input.pseudonyms[at] ?? 'P-?'
    let review: ReviewRecord | undefined
    for (const r of person.reviews) if (r.cycleId === cycle.id) review = review ?? r
    const tooNew = person.hireDate !== null && person.hireDate > hiredBy
    const handMove = lastMove.size === 0 ? undefined : lastMove.get(person.employeeId)
    if ((tooNew || !review) && handMove) {
      placedByHand.push({
        person,
        pseudonym,
        reason: tooNew ? 'too-new' : 'not-rated',
        review,
        flags: [],
        move: handMove,
      })
      return
    }
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
      const result = scan.assessmentResult()
      results[eligible.length] = result.raw ?? Number.NaN
      resultCounts.push(result.results)
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
  // Assessment results ranked within the session like the agility components: a percentile, 0–100.
  const resultRanks = midRankColumn(results.subarray(0, eligible.length))
  const assessmentOf = (i: number): AssessmentPlacement | undefined => {
    const rank = resultRanks[i] as number
    return Number.isNaN(rank)
      ? undefined
      : { percentile: Math.round(rank * 1000) / 10, results: resultCounts[i] as number }
  }
  // Built once per person: the potential pass and the placement both read it.
  const assessments: (AssessmentPlacement | undefined)[] = new Array(eligible.length)
  // Potential per person as a value (NaN when nothing the session's source reads is on record) and its basis.
  const potentialValues = new Float64Array(eligible.length)
  const potentialBases: PotentialBasis[] = []
  const scores: number[] = []
  const indices: number[] = []
  const percentiles: number[] = []
  potentialRatings.forEach((rating, i) => {
    const index = (agility[i] as (typeof agility)[number]).index
    const assessment = assessmentOf(i)
    assessments[i] = assessment
    const score = resolvePotential(index, rating, assessment?.percentile ?? null, settings.potential)
    potentialValues[i] = score?.value ?? Number.NaN
    potentialBases.push(score?.basis ?? 'agility')
    // Ratings are cut by their scale (managerLevel), so only the other scores set the session's percentiles.
    if (score && score.basis !== 'manager') scores.push(score.value)
    if (index !== null) indices.push(index)
    if (assessment) percentiles.push(assessment.percentile)
  })
  const cuts = potentialCuts(scores, settings.potential)
  const flagContext: FlagContext = {
    asOf,
    periodStart,
    agilityTopCut: topShareCut(new Float64Array(indices).sort(), settings.hiddenGemTopShare),
    ...(percentiles.length > 0
      ? {
          periodEnd,
          assessmentTopCut: topShareCut(new Float64Array(percentiles).sort(), settings.hiddenGemTopShare),
        }
      : {}),
    medianRating: Math.round(median(ratings.subarray(0, eligible.length)) * 100) / 100,
    staleEvidenceMonths: settings.staleEvidenceMonths,
    staleSince,
    potentialCuts: {
      ...(Number.isFinite(cuts.moderateFrom) ? { moderateFrom: cuts.moderateFrom } : {}),
      ...(Number.isFinite(cuts.highFrom) ? { highFrom: cuts.highFrom } : {}),
    },
  }
  const raters = raterFindings(
    reviewerIds,
    ratings.subarray(0, eligible.length),
    settings.raterZ,
    settings.raterMinRated,
  )
  const raterOf = new Map<string, RaterFinding>(raters.map((r) => [r.reviewerId, r]))
  // The same words for everyone held for want of potential evidence: said once, not per person.
  const insufficient = insufficientText(settings.potential, cycle.name)

  /** Who a placement is about, as the grid may show it: blind mode shows the pseudonym and hides the job title. */
  const identity = (person: (typeof eligible)[number], pseudonym: string) => ({
    personId: person.personId,
    employeeId: person.employeeId,
    name: input.blind ? pseudonym : (person.fullName ?? person.employeeId),
    pseudonym,
    managerId: person.managerId,
    department: person.department,
    location: person.location,
    jobLevel: person.jobLevel,
    // A job title can say who someone is: blind mode hides it with the name.
    jobTitle: input.blind ? null : (person.jobTitle ?? null),
  })
  const placements: Placement[] = []
  eligible.forEach((person, i) => {
    const review = reviews[i] as ReviewRecord
    const score = potentialValues[i] as number
    const personAssessment = assessments[i]
    if (Number.isNaN(score)) {
      const move = lastMove.size === 0 ? undefined : lastMove.get(person.employeeId)
      if (move) {
        placedByHand.push({
          person,
          pseudonym: pseudonyms[i] as string,
          reason: 'insufficient-evidence',
          review,
          flags: flagsOf[i] as FlagSummary[],
          move,
        })
        return
      }
      heldEvidence.push({
        agilityIndex: (agility[i] as (typeof agility)[number]).index,
        potentialRating: potentialRatings[i] ?? null,
        assessmentPercentile: personAssessment?.percentile ?? null,
      })
      held(
        person,
        pseudonyms[i] as string,
        'insufficient-evidence',
        insufficient.english,
        insufficient.text,
        [],
      )
      return
    }
    const performance = performances[i] as RatedPerformance
    const personAgility = agility[i] as (typeof agility)[number]
    const potential = {
      level:
        potentialBases[i] === 'manager' && review.potentialRating !== null
          ? managerLevel(review.potentialRating, settings.potential, settings.performanceCuts)
          : cuts.levelOf(score),
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
        assessment: personAssessment,
      },
      flagContext,
    )
    if (later.length > 0) flags.push(...summariseFlags(later, person.employeeId, flagStates))
    const pseudonym = pseudonyms[i] as string
    // Written out rather than spread from identity(): at 50,000 placements the spread's copy was measurable.
    placements.push({
      personId: person.personId,
      employeeId: person.employeeId,
      name: input.blind ? pseudonym : (person.fullName ?? person.employeeId),
      pseudonym,
      managerId: person.managerId,
      department: person.department,
      location: person.location,
      jobLevel: person.jobLevel,
      jobTitle: input.blind ? null : (person.jobTitle ?? null),
      computedBox,
      box,
      source: move && box !== computedBox ? 'moved' : 'computed',
      performance: { level: performance.level, value: performance.value },
      potential,
      agility: personAgility,
      // Undefined rather than a conditional spread (which copies the whole placement again); JSON drops it.
      assessment: personAssessment,
      flags,
      discussed: input.discussed.size > 0 && input.discussed.has(person.employeeId),
    })
  })
  // Placed by hand from the holding area: the box is the meeting's judgement, so both levels are read from it and
  // no potential value is invented; the performance value stays where a rating gives one.
  for (const { person, pseudonym, reason, review, flags, move } of placedByHand) {
    const performance = review ? placePerformance(review, settings.performanceCuts) : null
    const levels = boxLevels(move.toBox)
    placements.push({
      ...identity(person, pseudonym),
      computedBox: move.toBox,
      box: move.toBox,
      source: 'placed',
      performance: { level: levels.performance, value: performance?.value ?? null },
      potential: { level: levels.potential, value: null, basis: 'hand' },
      agility: { index: null, ranks: [null, null, null, null] },
      heldFor: reason,
      flags,
      discussed: input.discussed.size > 0 && input.discussed.has(person.employeeId),
    })
  }

  const distribution = distributionOf(placements, settings)
  return {
    placements,
    holding,
    distribution,
    distributionRule: DISTRIBUTION_RULE,
    raters,
    flagContext,
    holdingTodo: holdingTodo(holding, heldEvidence, settings, cycle.name),
  }
}

/** Why someone with a rating is still held: nothing the session's potential source reads is on record. */
function insufficientText(
  settings: CalibrationSettings['potential'],
  cycleName: string,
): { english: string; text: Message } {
  if (!usesGeneralRules(settings))
    return {
      english: `Learning agility has insufficient evidence, and there is no manager potential rating in ${cycleName} to fall back on.`,
      text: message('calibration.holding.insufficient', { cycle: cycleName }),
    }
  const [first, second] = sourcesOf(settings) as [PotentialSourceKey, PotentialSourceKey]
  const text =
    settings.source === 'assessment'
      ? message('calibration.holding.noAssessment', { cycle: cycleName })
      : message('calibration.holding.noBlend', {
          cycle: cycleName,
          first: message(`calibration.potential.sourceName.${first}`),
          second: message(`calibration.potential.sourceName.${second}`),
        })
  return { english: english(text), text }
}

/** The lowest agility index whose mid-rank puts it in the session's top share (ties at the edge included). */
function topShareCut(sorted: Float64Array, share: number): number | null {
  return firstValueRankedFrom(sorted, 1 - share)
}
