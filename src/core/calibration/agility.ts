import type {
  AgilityComponentKey,
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
function skillGrowth(ratings: readonly CompetencyRecord[]): AgilityComponentRaw {
  const bySkill = new Map<string, CompetencyRecord[]>()
  for (const r of ratings) {
    if (r.source === 'self' || !r.ratedAt) continue
    const key = r.skill.toLowerCase()
    bySkill.set(key, [...(bySkill.get(key) ?? []), r])
  }
  const rates: number[] = []
  const evidence: Evidence[] = []
  for (const list of bySkill.values()) {
    list.sort((a, b) => (a.ratedAt ?? '').localeCompare(b.ratedAt ?? ''))
    const first = list[0] as CompetencyRecord
    const last = list[list.length - 1] as CompetencyRecord
    const days = daysBetween(first.ratedAt as string, last.ratedAt as string)
    if (days < MIN_SPAN_DAYS) continue
    rates.push((last.level - first.level) / (days / 365.25))
    evidence.push(competencyEvidence(first), competencyEvidence(last))
  }
  if (rates.length === 0)
    return {
      key: 'skillGrowth',
      raw: null,
      explanation: 'No skill rated twice at least 3 months apart.',
      evidence,
    }
  const raw = rates.reduce((a, b) => a + b, 0) / rates.length
  return {
    key: 'skillGrowth',
    raw,
    explanation: `${round(raw)} levels per year on average over ${rates.length} skill(s) rated at least twice.`,
    evidence,
  }
}

const scaled = (r: LearningRecord): number | null =>
  r.score !== null && r.scoreMin !== null && r.scoreMax !== null && r.scoreMax > r.scoreMin
    ? (r.score - r.scoreMin) / (r.scoreMax - r.scoreMin)
    : null

/** Latest score per assessment (mastery) plus half the gain from the first attempt (improvement). */
function assessment(records: readonly LearningRecord[]): AgilityComponentRaw {
  const byItem = new Map<string, LearningRecord[]>()
  for (const r of records) {
    if (r.activityType !== 'assessment' || scaled(r) === null || !r.completedAt) continue
    byItem.set(r.activityId, [...(byItem.get(r.activityId) ?? []), r])
  }
  if (byItem.size === 0)
    return { key: 'assessment', raw: null, explanation: 'No scored assessment on record.', evidence: [] }
  let mastery = 0
  let improvement = 0
  const evidence: Evidence[] = []
  for (const attempts of byItem.values()) {
    attempts.sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? ''))
    const first = attempts[0] as LearningRecord
    const last = attempts[attempts.length - 1] as LearningRecord
    mastery += scaled(last) as number
    improvement += Math.max(0, (scaled(last) as number) - (scaled(first) as number))
    evidence.push(learningEvidence(first))
    if (last !== first) evidence.push(learningEvidence(last))
  }
  mastery /= byItem.size
  improvement /= byItem.size
  return {
    key: 'assessment',
    raw: mastery + improvement / 2,
    explanation: `Latest assessment scores average ${Math.round(mastery * 100)}%, improved by ${Math.round(improvement * 100)} points on average since the first attempt (${byItem.size} assessment(s)).`,
    evidence,
  }
}

/** Distinct skills rated by others, and distinct voluntary-or-skill learning finished, in the last 12 months. */
function breadth(person: CalibrationPerson, asOf: string): AgilityComponentRaw {
  const since = addDays(asOf, -365)
  const fresh = (date: string | null): boolean => date !== null && date > since && date <= asOf
  const skills = new Map<string, CompetencyRecord>()
  for (const r of person.competencies)
    if (r.source !== 'self' && fresh(r.ratedAt)) skills.set(r.skill.toLowerCase(), r)
  const items = new Map<string, LearningRecord>()
  for (const r of person.learning)
    if (!r.mandatory && DONE.has(r.status) && fresh(r.completedAt) && r.activityType !== 'certification')
      items.set(r.activityId, r)
  const count = skills.size + items.size
  if (count === 0)
    return {
      key: 'breadth',
      raw: null,
      explanation: 'No skill rating or finished learning in the last 12 months.',
      evidence: [],
    }
  return {
    key: 'breadth',
    raw: count,
    explanation: `${skills.size} skill(s) rated and ${items.size} learning item(s) finished since ${since} (mandatory training not counted).`,
    evidence: [...[...skills.values()].map(competencyEvidence), ...[...items.values()].map(learningEvidence)],
  }
}

function stretch(records: readonly LearningRecord[], asOf: string): AgilityComponentRaw {
  const since = addDays(asOf, -3 * 365)
  const done = records.filter(
    (r) =>
      r.activityType === 'program' && DONE.has(r.status) && r.completedAt !== null && r.completedAt > since,
  )
  return {
    key: 'stretch',
    // Everyone has a value here: no programme is a real 0, not missing evidence.
    raw: new Set(done.map((r) => r.activityId)).size,
    explanation:
      done.length === 0
        ? 'No programme completed in the last 3 years.'
        : `${done.length} programme(s) completed since ${since}.`,
    evidence: done.map(learningEvidence),
  }
}

export function agilityComponents(person: CalibrationPerson, asOf: string): AgilityComponentRaw[] {
  const upToAsOf = person.learning.filter((r) => !r.completedAt || r.completedAt <= asOf)
  const ratings = person.competencies.filter((r) => !r.ratedAt || r.ratedAt <= asOf)
  return [skillGrowth(ratings), assessment(upToAsOf), breadth(person, asOf), stretch(upToAsOf, asOf)]
}

/** With fewer than two of growth, assessment and breadth on record, an index would be a guess. */
const EVIDENCE_COMPONENTS: readonly AgilityComponentKey[] = ['skillGrowth', 'assessment', 'breadth']
const MIN_EVIDENCE_COMPONENTS = 2

/** Ranks each component within the population and combines them; returns one score per person, in order. */
export function scoreAgility(
  population: readonly AgilityComponentRaw[][],
  weights: CalibrationSettings['agilityWeights'],
): AgilityScore[] {
  const rankers = new Map<AgilityComponentKey, (v: number) => number>()
  for (const key of ['skillGrowth', 'assessment', 'breadth', 'stretch'] as const) {
    const values = population.flatMap((components) =>
      components.filter((c) => c.key === key && c.raw !== null).map((c) => c.raw as number),
    )
    rankers.set(key, midRanks(values))
  }
  return population.map((components) => {
    const ranked = components.map((c) => ({
      key: c.key,
      label: LABELS[c.key],
      raw: c.raw === null ? null : round(c.raw, 3),
      rank: c.raw === null ? null : round((rankers.get(c.key) as (v: number) => number)(c.raw), 4),
      weight: weights[c.key] ?? 0,
      explanation: c.explanation,
      evidence: c.evidence,
    }))
    const present = ranked.filter((c) => EVIDENCE_COMPONENTS.includes(c.key) && c.rank !== null).length
    if (present < MIN_EVIDENCE_COMPONENTS) {
      return {
        index: null,
        explanation: `Insufficient evidence: ${present} of skill growth, assessments and recent learning on record (at least ${MIN_EVIDENCE_COMPONENTS} needed).`,
        components: ranked,
      }
    }
    const used = ranked.filter((c) => c.rank !== null && c.weight > 0)
    const totalWeight = used.reduce((sum, c) => sum + c.weight, 0)
    const index =
      totalWeight === 0
        ? 0
        : (100 * used.reduce((sum, c) => sum + c.weight * (c.rank as number), 0)) / totalWeight
    return {
      index: round(index, 1),
      explanation: `Weighted mean of ${used.length} component rank(s) within the session (${used.map((c) => `${c.label.toLowerCase()} ${Math.round((c.rank as number) * 100)}th pct × ${c.weight}`).join('; ')}).`,
      components: ranked,
    }
  })
}
