import { isBlank, type Cell } from './cells'
import { RATING_FIELDS, type RatingField } from './validateRows'
import {
  detectTextScale,
  labelKey,
  looksNumeric,
  scaleFromSpec,
  type RatingScale,
  type ScaleSpec,
} from './ratingScales'

/** What the rating columns of a review file hold, and the scale each field is read with. */
export interface RatingColumnsReading {
  field: RatingField
  /** The headers of the columns mapped to the field (several when each holds a cycle). */
  headers: string[]
  /** Distinct words seen, most frequent first, in the spelling seen most often. */
  words: { word: string; count: number }[]
  blanks: number
  scale: RatingScale | null
  origin: 'mapping' | 'detected' | 'unknown'
}

/**
 * Settles the scale of each rating field: the one the mapping gives (`scale` for every rating column,
 * `potentialScale` for the potential column), else — for columns of words — a known scale their words fit, else
 * unknown, which the person must resolve by ordering the words. Numeric columns without a given scale have none:
 * the overall rating then needs one (NO_RATING_SCALE), the potential rating is stored as given.
 */
export function readRatingColumns(
  columnsOf: (field: RatingField) => { column: number; header: string }[],
  rows: readonly { cells: readonly Cell[] }[],
  spec: { scale?: ScaleSpec; potentialScale?: ScaleSpec },
): RatingColumnsReading[] {
  const readings: RatingColumnsReading[] = []
  for (const field of RATING_FIELDS) {
    const columns = columnsOf(field)
    if (columns.length === 0) continue
    const counts = new Map<string, Map<string, number>>()
    let blanks = 0
    for (const { cells } of rows) {
      for (const { column } of columns) {
        const cell = cells[column] ?? null
        if (isBlank(cell)) {
          blanks++
          continue
        }
        if (typeof cell !== 'string' || looksNumeric(cell)) continue
        const key = labelKey(cell)
        const spellings = counts.get(key) ?? new Map<string, number>()
        const spelling = cell.trim().replace(/\s+/g, ' ')
        spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1)
        counts.set(key, spellings)
      }
    }
    const words = [...counts.values()]
      .map((spellings) => {
        const [word] = [...spellings].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
        return { word, count: [...spellings.values()].reduce((a, b) => a + b, 0) }
      })
      .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    const given = field === 'potentialRating' ? (spec.potentialScale ?? spec.scale) : spec.scale
    let givenScale = given ? scaleFromSpec(given) : null
    // The file's scale covers the potential column only if its words are the scale's: potential is often rated
    // in other words (Low/Medium/High beside a five-point performance scale).
    const labels = givenScale?.labels
    if (
      field === 'potentialRating' &&
      !spec.potentialScale &&
      labels &&
      words.some((w) => !Object.hasOwn(labels, labelKey(w.word)))
    )
      givenScale = null
    let scale: RatingScale | null = null
    let origin: RatingColumnsReading['origin'] = 'mapping'
    if (givenScale && (givenScale.labels || words.length === 0)) scale = givenScale
    else if (words.length > 0) {
      scale = detectTextScale(words.map((w) => w.word))
      origin = scale ? 'detected' : 'unknown'
    } else origin = 'detected'
    readings.push({ field, headers: columns.map((c) => c.header), words, blanks, scale, origin })
  }
  return readings
}

/**
 * The scale with one word per value in the file's own spelling (e.g. "High", not "high"), for writing values back
 * in the file's words. A value the file never used takes the scale's word, cased as the file cases its words.
 */
export function scaleInFileWords(
  reading: RatingColumnsReading,
): { min: number; max: number; labels?: Record<string, number> } | null {
  const { scale } = reading
  if (!scale) return null
  if (!scale.labels) return { min: scale.min, max: scale.max }
  const byValue = new Map<number, string>()
  for (const { word } of reading.words) {
    const key = labelKey(word)
    const value = Object.hasOwn(scale.labels, key) ? scale.labels[key] : undefined
    if (value !== undefined && !byValue.has(value)) byValue.set(value, word)
  }
  const seen = reading.words.map((w) => w.word)
  const cased = (word: string): string =>
    seen.length > 0 && seen.every((w) => w === w.toUpperCase())
      ? word.toUpperCase()
      : seen.some((w) => /^\p{Lu}/u.test(w))
        ? word.replace(
            /(^|\s)(\p{Ll})/gu,
            (_m, space: string, letter: string) => space + letter.toUpperCase(),
          )
        : word
  for (const [word, value] of Object.entries(scale.labels))
    if (!byValue.has(value)) byValue.set(value, cased(word))
  const labels: Record<string, number> = {}
  for (const [value, word] of [...byValue].sort((a, b) => a[0] - b[0])) labels[word] = value
  return { min: scale.min, max: scale.max, labels }
}
