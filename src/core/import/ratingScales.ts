/** A rating scale: its numeric range and, for text ratings, what each label is worth on it. */
export interface RatingScale {
  readonly name: string
  readonly min: number
  readonly max: number
  readonly labels?: Readonly<Record<string, number>>
}

const labelKey = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ')

/** Text scales seen in real review exports; a column is read with the first one whose labels cover all its values. */
export const TEXT_SCALES: readonly RatingScale[] = [
  {
    name: 'PIP / Needs Improvement / Fully Meets / Exceeds (1–4)',
    min: 1,
    max: 4,
    labels: { pip: 1, 'needs improvement': 2, 'fully meets': 3, exceeds: 4 },
  },
  { name: 'Bottom / Middle / Top (1–3)', min: 1, max: 3, labels: { bottom: 1, middle: 2, top: 3 } },
  {
    name: 'Five-point expectations scale (1–5)',
    min: 1,
    max: 5,
    labels: {
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
    },
  },
]

export function detectTextScale(values: Iterable<string>): RatingScale | null {
  const distinct = new Set([...values].map(labelKey).filter((v) => v.length > 0))
  if (distinct.size === 0) return null
  return (
    TEXT_SCALES.find((scale) => [...distinct].every((v) => scale.labels && Object.hasOwn(scale.labels, v))) ??
    null
  )
}

export function ratingFromLabel(scale: RatingScale, label: string): number | null {
  const key = labelKey(label)
  return scale.labels && Object.hasOwn(scale.labels, key) ? (scale.labels[key] ?? null) : null
}

/** Linear conversion onto the shared 1–5 proficiency scale (e.g. 1–4 competency ratings, 0–100 assessments). */
export function toProficiency(value: number, scale: { min: number; max: number }): number {
  if (scale.min === 1 && scale.max === 5) return value
  return Math.round(1 + ((value - scale.min) / (scale.max - scale.min)) * 4)
}
