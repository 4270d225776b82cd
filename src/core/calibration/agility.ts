import type {
  AgilityComponentKey,
  AgilityPlacement,
  AgilityScore,
  CalibrationSettings,
  Evidence,
} from '../../shared/contract/calibration'
import type { CalibrationPerson } from './evidenceModel'
import { competencyEvidence, learningEvidence } from './evidenceLabels'
import { scanEvidence, type PersonEvidenceScan } from './evidenceScan'
import { english } from '../../shared/i18n/translate'
import { englishOrdinal, joinMessages, message, type Message } from './messages'
import { midRankColumn } from './ranking'

/**
 * Learning agility from evidence of learning, never from effort: hours logged, number of sessions and the time of
 * day of activity are not read at all (they reward whoever has spare evenings and penalise carers and part-time
 * staff). Each component is ranked within the session, then combined with the session's weights.
 */
export interface AgilityComponentRaw {
  key: AgilityComponentKey
  raw: number | null
  explanation: string
  /** The explanation as a message, for the user's language. */
  explanationText: Message
  evidence: Evidence[]
}

export const AGILITY_COMPONENTS: readonly AgilityComponentKey[] = [
  'skillGrowth',
  'assessment',
  'breadth',
  'stretch',
]
const LABELS: Record<AgilityComponentKey, string> = {
  skillGrowth: 'Skill levels gained per year',
  assessment: 'Assessment mastery and improvement',
  breadth: 'Skills and learning with fresh evidence (12 months)',
  stretch: 'Stretch programmes completed (3 years)',
}
const SCALE = [1, 10, 100, 1000, 10_000]
const round = (n: number, digits = 2): number =>
  Math.round(n * (SCALE[digits] as number)) / (SCALE[digits] as number)

/** Writes a scanned person's four raw components into the columns at `row` (NaN where there is no evidence). */
export function writeAgilityRow(
  scan: PersonEvidenceScan,
  columns: readonly Float64Array[],
  row: number,
): void {
  ;(columns[0] as Float64Array)[row] = scan.skillGrowth().raw ?? Number.NaN
  ;(columns[1] as Float64Array)[row] = scan.assessment().raw ?? Number.NaN
  ;(columns[2] as Float64Array)[row] = scan.breadth() ?? Number.NaN
  ;(columns[3] as Float64Array)[row] = scan.stretch()
}

/** One person's components with their explanations and the records behind each (the side panel, some flags). */
export function agilityComponents(person: CalibrationPerson, asOf: string): AgilityComponentRaw[] {
  const scan = scanEvidence(person, { asOf, periodStart: asOf }, null)
  const growth = scan.skillGrowth()
  const assessment = scan.assessment()
  const breadth = scan.breadth()
  const stretch = scan.stretch()
  const { year, threeYears } = scan
  return [
    {
      key: 'skillGrowth',
      raw: growth.raw,
      explanation:
        growth.raw === null
          ? 'No skill rated twice at least 3 months apart.'
          : english(message('calibration.agility.growth', { rate: round(growth.raw), count: growth.skills })),
      explanationText:
        growth.raw === null
          ? message('calibration.agility.growthNone')
          : message('calibration.agility.growth', { rate: round(growth.raw), count: growth.skills }),
      evidence: scan.growthEvidence(),
    },
    {
      key: 'assessment',
      raw: assessment.raw,
      explanation:
        assessment.raw === null
          ? 'No scored assessment on record.'
          : english(
              message('calibration.agility.assessment', {
                mastery: Math.round(assessment.mastery * 100),
                improvement: Math.round(assessment.improvement * 100),
                count: scan.attempts.size,
              }),
            ),
      explanationText:
        assessment.raw === null
          ? message('calibration.agility.assessmentNone')
          : message('calibration.agility.assessment', {
              mastery: Math.round(assessment.mastery * 100),
              improvement: Math.round(assessment.improvement * 100),
              count: scan.attempts.size,
            }),
      evidence: scan.assessmentEvidence(),
    },
    {
      key: 'breadth',
      raw: breadth,
      explanation:
        breadth === null
          ? 'No skill rating or finished learning in the last 12 months.'
          : english(
              message('calibration.agility.breadth', {
                skills: scan.freshSkills.size,
                items: scan.finished.size,
                date: String(year),
              }),
            ),
      explanationText:
        breadth === null
          ? message('calibration.agility.breadthNone')
          : message('calibration.agility.breadth', {
              skills: scan.freshSkills.size,
              items: scan.finished.size,
              date: String(year),
            }),
      evidence: [
        ...scan.freshSkills.lastValues().map(competencyEvidence),
        ...scan.finished.lastValues().map(learningEvidence),
      ],
    },
    {
      key: 'stretch',
      raw: stretch,
      explanation:
        stretch === 0
          ? 'No programme completed in the last 3 years.'
          : english(message('calibration.agility.stretch', { count: stretch, date: String(threeYears) })),
      explanationText:
        stretch === 0
          ? message('calibration.agility.stretchNone')
          : message('calibration.agility.stretch', { count: stretch, date: String(threeYears) }),
      evidence: scan.programmes.lastValues().map(learningEvidence),
    },
  ]
}

/** With fewer than two of growth, assessment and breadth on record, an index would be a guess. */
const EVIDENCE_COMPONENTS: readonly AgilityComponentKey[] = ['skillGrowth', 'assessment', 'breadth']
const MIN_EVIDENCE_COMPONENTS = 2

/**
 * Ranks each component column within the population (mid-rank percentiles) and combines them with the weights:
 * one placement per person, in order, with the four ranks (null where there is no evidence).
 */
export function scoreAgilityColumns(
  columns: readonly Float64Array[],
  weights: CalibrationSettings['agilityWeights'],
): AgilityPlacement[] {
  const ranks = columns.map(midRankColumn)
  const weightOf = AGILITY_COMPONENTS.map((key) => weights[key] ?? 0)
  const counts = AGILITY_COMPONENTS.map((key) => EVIDENCE_COMPONENTS.includes(key))
  const n = columns[0]?.length ?? 0
  const placements: AgilityPlacement[] = new Array(n)
  for (let i = 0; i < n; i++) {
    let present = 0
    let weighted = 0
    let totalWeight = 0
    const personRanks: (number | null)[] = [null, null, null, null]
    for (let k = 0; k < AGILITY_COMPONENTS.length; k++) {
      const rank = (ranks[k] as Float64Array)[i] as number
      if (Number.isNaN(rank)) continue
      const rounded = round(rank, 4)
      personRanks[k] = rounded
      if (counts[k]) present++
      const weight = weightOf[k] as number
      if (weight > 0) {
        weighted += weight * rounded
        totalWeight += weight
      }
    }
    const index =
      present < MIN_EVIDENCE_COMPONENTS
        ? null
        : totalWeight === 0
          ? 0
          : round((100 * weighted) / totalWeight, 1)
    placements[i] = { index, ranks: personRanks }
  }
  return placements
}

/** The same from per-person component lists (small populations, tests). */
export function scoreAgility(
  population: readonly AgilityComponentRaw[][],
  weights: CalibrationSettings['agilityWeights'],
): AgilityPlacement[] {
  const columns = AGILITY_COMPONENTS.map((key) =>
    Float64Array.from(population, (components) => components.find((c) => c.key === key)?.raw ?? Number.NaN),
  )
  return scoreAgilityColumns(columns, weights)
}
/** A person's agility placement in words, with each component's value, rank, weight and records. */
export function explainAgility(
  placement: AgilityPlacement,
  detailed: readonly AgilityComponentRaw[],
  weights: CalibrationSettings['agilityWeights'],
): AgilityScore {
  const components = AGILITY_COMPONENTS.map((key, k) => {
    const raw = detailed.find((d) => d.key === key)
    const rank = placement.ranks[k] ?? null
    return {
      key,
      label: LABELS[key],
      raw: rank === null || raw?.raw == null ? null : round(raw.raw, 3),
      rank,
      weight: weights[key] ?? 0,
      explanation: raw?.explanation ?? '',
      ...(raw ? { explanationText: raw.explanationText } : {}),
      evidence: raw?.evidence ?? [],
    }
  })
  const present = components.filter((c) => EVIDENCE_COMPONENTS.includes(c.key) && c.rank !== null).length
  const used = components.filter((c) => c.rank !== null && c.weight > 0)
  return {
    index: placement.index,
    explanation:
      placement.index === null
        ? `Insufficient evidence: ${present} of skill growth, assessments and recent learning on record (at least ${MIN_EVIDENCE_COMPONENTS} needed).`
        : `Weighted mean of ${used.length} component ranks within the session (${used.map((c) => `${c.label.toLowerCase()} ${englishOrdinal(Math.round((c.rank as number) * 100))} percentile × ${c.weight}`).join('; ')}).`,
    explanationText:
      placement.index === null
        ? message('calibration.agility.insufficient', { present, min: MIN_EVIDENCE_COMPONENTS })
        : message('calibration.agility.weighted', {
            count: used.length,
            items: joinMessages(
              used.map((c) =>
                message('calibration.agility.weightedPart', {
                  label: message(`calibration.agility.inline.${c.key}`),
                  rank: Math.round((c.rank as number) * 100),
                  weight: c.weight,
                }),
              ),
              'semicolon',
            ),
          }),
    components,
  }
}
