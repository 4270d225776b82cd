/** A rating scale: its numeric range and, for ratings given in words, what each word is worth on it. */
export interface RatingScale {
  readonly name: string
  readonly min: number
  readonly max: number
  readonly labels?: Readonly<Record<string, number>>
}

/** A scale as a mapping file or the wizard gives it: numbers, or words with their values. */
export type ScaleSpec =
  | { readonly min: number; readonly max: number }
  | { readonly labels: Readonly<Record<string, number>>; readonly min?: number; readonly max?: number }

/** How words are compared: case, surrounding spaces and repeated spaces ignored. */
export const labelKey = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ')

/** A number leading the words, as in "3 - Meets Expectations" or "4: Exceeds". */
const NUMBER_LED = /^\s*(\d+(?:\.\d+)?)\s*(?:[-–—:.)]|\s)\s*(\S.*)$/

/** A cell that is a number as people type it (not words). */
export const looksNumeric = (text: string): boolean => /^[\d.,\s%+-]+$/.test(text.trim())

const wordsScale = (name: string, labels: Record<string, number>): RatingScale => {
  const values = Object.values(labels)
  return { name, min: Math.min(...values), max: Math.max(...values), labels }
}

/**
 * Scales seen in real review and talent-review exports, smallest first: a column is read with the first one whose
 * words cover all its values, so three words that also appear in a five-point scale read as the three-point one.
 */
export const TEXT_SCALES: readonly RatingScale[] = [
  wordsScale('L / M / H (1–3)', { l: 1, m: 2, h: 3 }),
  wordsScale('Low / Medium / High (1–3)', {
    low: 1,
    medium: 2,
    med: 2,
    moderate: 2,
    mid: 2,
    high: 3,
  }),
  wordsScale('Below / Meets / Exceeds (1–3)', {
    below: 1,
    'below expectations': 1,
    meets: 2,
    'meets expectations': 2,
    exceeds: 3,
    'exceeds expectations': 3,
  }),
  wordsScale('Bottom / Middle / Top (1–3)', { bottom: 1, middle: 2, top: 3 }),
  wordsScale('PIP / Needs Improvement / Fully Meets / Exceeds (1–4)', {
    pip: 1,
    'needs improvement': 2,
    'fully meets': 3,
    exceeds: 4,
  }),
  wordsScale('Five-point expectations scale (1–5)', {
    unsatisfactory: 1,
    'does not meet expectations': 1,
    'needs improvement': 2,
    'partially meets expectations': 2,
    'below expectations': 2,
    'meets expectations': 3,
    'fully meets expectations': 3,
    'exceeds expectations': 4,
    outstanding: 5,
    exceptional: 5,
    'far exceeds expectations': 5,
  }),
]

/** A scale from a mapping file or the wizard; words keep their spelling for display and export. */
export function scaleFromSpec(spec: ScaleSpec, name?: string): RatingScale {
  if (!('labels' in spec)) return { name: name ?? `${spec.min}–${spec.max}`, min: spec.min, max: spec.max }
  const values = Object.values(spec.labels)
  const min = spec.min ?? Math.min(...values)
  const max = spec.max ?? Math.max(...values)
  const labels: Record<string, number> = {}
  for (const [word, value] of Object.entries(spec.labels)) labels[labelKey(word)] = value
  return {
    name:
      name ??
      `${Object.entries(spec.labels)
        .sort((a, b) => a[1] - b[1])
        .map(([word]) => word.trim())
        .join(' / ')} (${min}–${max})`,
    min,
    max,
    labels,
  }
}

/**
 * The scale a column's words are read with, when no one chose one: the first known scale covering every word, or
 * — when every value leads with a number ("3 - Meets Expectations") — the numbers themselves, on the range of the
 * known scale their words belong to. Null when the words are not a known scale: the person must order them.
 */
export function detectTextScale(values: Iterable<string>): RatingScale | null {
  const distinct = new Set([...values].map(labelKey).filter((v) => v.length > 0))
  if (distinct.size === 0) return null
  const covering = (words: Iterable<string>): RatingScale | undefined =>
    TEXT_SCALES.find((scale) => [...words].every((v) => scale.labels && Object.hasOwn(scale.labels, v)))
  const known = covering(distinct)
  if (known) return known
  const led = [...distinct].map((v) => NUMBER_LED.exec(v))
  if (led.every((m) => m !== null)) {
    const words = led.map((m) => m[2] ?? '')
    const range = covering(words)
    const numbers = led.map((m) => Number(m[1]))
    const min = range?.min ?? Math.min(1, ...numbers)
    const max = range?.max ?? Math.max(...numbers)
    if (!range && max <= min) return null
    const labels: Record<string, number> = {}
    for (const m of led) labels[labelKey(m.input)] = Number(m[1])
    return { name: `${range ? range.name : `numbered words (${min}–${max})`}`, min, max, labels }
  }
  return null
}

/** The value of a word on a scale (case and spacing ignored), or null when the scale has no such word. */
export function ratingFromLabel(scale: RatingScale, label: string): number | null {
  const key = labelKey(label)
  return scale.labels && Object.hasOwn(scale.labels, key) ? (scale.labels[key] ?? null) : null
}

/** The words of a scale in order of value, as they are listed back to the person. */
export function scaleWords(scale: RatingScale): string[] {
  return Object.entries(scale.labels ?? {})
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([word, value]) => `${word} = ${value}`)
}

/** The word a scale uses for a value (its first spelling), for writing a value back in the file's own words. */
export function labelFor(scale: RatingScale, value: number): string | null {
  for (const [word, v] of Object.entries(scale.labels ?? {})) if (v === value) return word
  return null
}

/** Linear conversion onto the shared 1–5 proficiency scale (e.g. 1–4 competency ratings, 0–100 assessments). */
export function toProficiency(value: number, scale: { min: number; max: number }): number {
  if (scale.min === 1 && scale.max === 5) return value
  return Math.round(1 + ((value - scale.min) / (scale.max - scale.min)) * 4)
}
