import type {
  AgilityComponentKey,
  AgilityPlacement,
  AgilityScore,
  CalibrationSettings,
  Evidence,
} from '../../shared/contract/calibration'
import { addDays, daysBetween } from '../dates'
import type { CalibrationPerson, CompetencyRecord, LearningRecord } from './evidenceModel'
import { competencyEvidence, learningEvidence } from './evidenceLabels'
import { midRanks } from './ranking'

/**
 * Learning agility from evidence of learning, never from effort: hours logged, number of sessions and the time of
 * day of activity are not read at all (they reward whoever has spare evenings and penalise carers and part-time
 * staff). Each component is ranked within the session, then combined with the session's weights.
 */
export interface AgilityComponentRaw {
  key: AgilityComponentKey
  raw: number | null
  explanation: string
  evidence: Evidence[]
}

const LABELS: Record<AgilityComponentKey, string> = {
  skillGrowth: 'Skill levels gained per year',
  assessment: 'Assessment mastery and improvement',
  breadth: 'Skills and learning with fresh evidence (12 months)',
  stretch: 'Stretch programmes completed (3 years)',
}
const DONE = new Set(['completed', 'passed'])
const MIN_SPAN_DAYS = 90
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits

/** Levels gained per year for each skill rated at least twice, by others (self-ratings are not evidence). */
function skillGrowth(person: CalibrationPerson, asOf: string, detailed: boolean): AgilityComponentRaw {
  // One pass keeping each skill's first and last rating: no per-skill lists or sorts (this runs for every person).
  const span = new Map<string, { first: CompetencyRecord; last: CompetencyRecord }>()
  for (const r of person.competencies) {
    if (r.source === 'self' || r.ratedAt === null || r.ratedAt > asOf) continue
    const seen = span.get(r.skill)
    if (!seen) span.set(r.skill, { first: r, last: r })
    else if (r.ratedAt < (seen.first.ratedAt as string)) seen.first = r
    else if (r.ratedAt >= (seen.last.ratedAt as string)) seen.last = r
  }
  let total = 0
  let skills = 0
  const evidence: Evidence[] = []
  for (const { first, last } of span.values()) {
    const days = daysBetween(first.ratedAt as string, last.ratedAt as string)
    if (days < MIN_SPAN_DAYS) continue
    total += (last.level - first.level) / (days / 365.25)
    skills++
    if (detailed) evidence.push(competencyEvidence(first), competencyEvidence(last))
  }
  if (skills === 0)
    return {
      key: 'skillGrowth',
      raw: null,
      explanation: detailed ? 'No skill rated twice at least 3 months apart.' : '',
      evidence,
    }
  const raw = total / skills
  return {
    key: 'skillGrowth',
    raw,
    explanation: detailed
      ? `${round(raw)} levels per year on average over ${skills} skill(s) rated at least twice.`
      : '',
    evidence,
  }
}

const scaled = (r: LearningRecord): number | null =>
  r.score !== null && r.scoreMin !== null && r.scoreMax !== null && r.scoreMax > r.scoreMin
    ? (r.score - r.scoreMin) / (r.scoreMax - r.scoreMin)
    : null

/**
 * Latest score per assessment (mastery) plus half the gain from the first attempt (improvement); then breadth (distinct
 * skills rated by others and distinct non-mandatory learning finished in the last 12 months) and stretch programmes
 * (last 3 years) — all from one pass over the person's learning records.
 */
function learningComponents(
  person: CalibrationPerson,
  asOf: string,
  detailed: boolean,
): AgilityComponentRaw[] {
  const { year, threeYears } = windowsFor(asOf)
  const attempts = new Map<string, { first: LearningRecord; last: LearningRecord }>()
  const finished = new Map<string, LearningRecord>()
  const programmes = new Map<string, LearningRecord>()
  for (const r of person.learning) {
    const at = r.completedAt
    if (at === null || at > asOf) continue
    if (r.activityType === 'assessment' && scaled(r) !== null) {
      const seen = attempts.get(r.activityId)
      if (!seen) attempts.set(r.activityId, { first: r, last: r })
      else if (at < (seen.first.completedAt as string)) seen.first = r
      else if (at >= (seen.last.completedAt as string)) seen.last = r
    }
    if (!DONE.has(r.status)) continue
    if (!r.mandatory && r.activityType !== 'certification' && at > year) finished.set(r.activityId, r)
    if (r.activityType === 'program' && at > threeYears) programmes.set(r.activityId, r)
  }
  const skills = new Map<string, CompetencyRecord>()
  for (const c of person.competencies)
    if (c.source !== 'self' && c.ratedAt !== null && c.ratedAt > year && c.ratedAt <= asOf)
      skills.set(c.skill, c)

  let assessment: AgilityComponentRaw
  if (attempts.size === 0) {
    assessment = {
      key: 'assessment',
      raw: null,
      explanation: detailed ? 'No scored assessment on record.' : '',
      evidence: [],
    }
  } else {
    let mastery = 0
    let improvement = 0
    const evidence: Evidence[] = []
    for (const { first, last } of attempts.values()) {
      mastery += scaled(last) as number
      improvement += Math.max(0, (scaled(last) as number) - (scaled(first) as number))
      if (detailed)
        evidence.push(
          ...(first === last ? [learningEvidence(last)] : [learningEvidence(first), learningEvidence(last)]),
        )
    }
    mastery /= attempts.size
    improvement /= attempts.size
    assessment = {
      key: 'assessment',
      raw: mastery + improvement / 2,
      explanation: detailed
        ? `Latest assessment scores average ${Math.round(mastery * 100)}%, improved by ${Math.round(improvement * 100)} points on average since the first attempt (${attempts.size} assessment(s)).`
        : '',
      evidence,
    }
  }
  const count = skills.size + finished.size
  const breadth: AgilityComponentRaw =
    count === 0
      ? {
          key: 'breadth',
          raw: null,
          explanation: detailed ? 'No skill rating or finished learning in the last 12 months.' : '',
          evidence: [],
        }
      : {
          key: 'breadth',
          raw: count,
          explanation: detailed
            ? `${skills.size} skill(s) rated and ${finished.size} learning item(s) finished since ${year} (mandatory training not counted).`
            : '',
          evidence: detailed
            ? [
                ...[...skills.values()].map(competencyEvidence),
                ...[...finished.values()].map(learningEvidence),
              ]
            : [],
        }
  const stretch: AgilityComponentRaw = {
    key: 'stretch',
    // Everyone has a value here: no programme is a real 0, not missing evidence.
    raw: programmes.size,
    explanation: detailed
      ? programmes.size === 0
        ? 'No programme completed in the last 3 years.'
        : `${programmes.size} programme(s) completed since ${threeYears}.`
      : '',
    evidence: detailed ? [...programmes.values()].map(learningEvidence) : [],
  }
  return [assessment, breadth, stretch]
}

const windows = new Map<string, { year: string; threeYears: string }>()
function windowsFor(asOf: string): { year: string; threeYears: string } {
  let found = windows.get(asOf)
  if (!found) windows.set(asOf, (found = { year: addDays(asOf, -365), threeYears: addDays(asOf, -3 * 365) }))
  return found
}

/**
 * A person's components. Explanations and evidence lists are built only when asked (the person panel, the flags
 * that cite them): for a 50k-person session they were most of the work and most of the garbage.
 */
export function agilityComponents(
  person: CalibrationPerson,
  asOf: string,
  detailed = false,
): AgilityComponentRaw[] {
  return [skillGrowth(person, asOf, detailed), ...learningComponents(person, asOf, detailed)]
}

/** With fewer than two of growth, assessment and breadth on record, an index would be a guess. */
const EVIDENCE_COMPONENTS: readonly AgilityComponentKey[] = ['skillGrowth', 'assessment', 'breadth']
const MIN_EVIDENCE_COMPONENTS = 2

/** Ranks each component within the population and combines them; returns one placement per person, in order. */
export function scoreAgility(
  population: readonly AgilityComponentRaw[][],
  weights: CalibrationSettings['agilityWeights'],
): AgilityPlacement[] {
  const rankers = new Map<AgilityComponentKey, (v: number) => number>()
  for (const key of ['skillGrowth', 'assessment', 'breadth', 'stretch'] as const) {
    const values: number[] = []
    for (const components of population)
      for (const c of components) if (c.key === key && c.raw !== null) values.push(c.raw)
    rankers.set(key, midRanks(values))
  }
  return population.map((components) => {
    let present = 0
    let weighted = 0
    let totalWeight = 0
    const ranked = components.map((c) => {
      const rank = c.raw === null ? null : round((rankers.get(c.key) as (v: number) => number)(c.raw), 4)
      const weight = weights[c.key] ?? 0
      if (rank !== null && EVIDENCE_COMPONENTS.includes(c.key)) present++
      if (rank !== null && weight > 0) {
        weighted += weight * rank
        totalWeight += weight
      }
      return { key: c.key, label: LABELS[c.key], raw: c.raw === null ? null : round(c.raw, 3), rank, weight }
    })
    const index =
      present < MIN_EVIDENCE_COMPONENTS
        ? null
        : totalWeight === 0
          ? 0
          : round((100 * weighted) / totalWeight, 1)
    return { index, components: ranked }
  })
}

/** A person's agility placement in words, with each component's records (from `agilityComponents(…, true)`). */
export function explainAgility(
  placement: AgilityPlacement,
  detailed: readonly AgilityComponentRaw[],
): AgilityScore {
  const present = placement.components.filter(
    (c) => EVIDENCE_COMPONENTS.includes(c.key) && c.rank !== null,
  ).length
  const used = placement.components.filter((c) => c.rank !== null && c.weight > 0)
  return {
    index: placement.index,
    explanation:
      placement.index === null
        ? `Insufficient evidence: ${present} of skill growth, assessments and recent learning on record (at least ${MIN_EVIDENCE_COMPONENTS} needed).`
        : `Weighted mean of ${used.length} component ranks within the session (${used.map((c) => `${c.label.toLowerCase()} ${Math.round((c.rank as number) * 100)}th percentile × ${c.weight}`).join('; ')}).`,
    components: placement.components.map((c) => {
      const raw = detailed.find((d) => d.key === c.key)
      return { ...c, explanation: raw?.explanation ?? '', evidence: raw?.evidence ?? [] }
    }),
  }
}
