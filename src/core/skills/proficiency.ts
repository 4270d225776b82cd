/**
 * The one proficiency scale (1–5) that assessments, competency ratings and review rubrics share, with what each
 * level means, and the declared conversions from other scales seen in real files.
 */
export const PROFICIENCY_LEVELS: readonly { level: number; name: string; descriptor: string }[] = [
  { level: 1, name: 'Awareness', descriptor: 'Knows the concepts; needs guidance to apply them.' },
  { level: 2, name: 'Working', descriptor: 'Applies the skill to routine work with occasional help.' },
  {
    level: 3,
    name: 'Practitioner',
    descriptor: 'Applies it independently to most situations, including some new ones.',
  },
  { level: 4, name: 'Advanced', descriptor: 'Handles complex and novel situations; coaches others.' },
  {
    level: 5,
    name: 'Expert',
    descriptor: 'Sets the standard inside and outside the organisation; shapes how it is done.',
  },
]

/**
 * Text levels and where they land. The four-level Beginner–Expert scale maps linearly onto 1–5 (1, 2, 4, 5);
 * numbers on other ranges (0–100, 1–4) convert linearly through the mapping's declared scale.
 */
export const PROFICIENCY_CONVERSIONS: readonly { scale: string; labels: Readonly<Record<string, number>> }[] =
  [
    {
      scale: 'Beginner / Intermediate / Advanced / Expert',
      labels: { beginner: 1, intermediate: 2, advanced: 4, expert: 5 },
    },
    {
      scale: 'Awareness / Working / Practitioner / Advanced / Expert (our own)',
      labels: { awareness: 1, working: 2, practitioner: 3, advanced: 4, expert: 5 },
    },
    {
      scale: 'Novice / Competent / Proficient / Expert',
      labels: { novice: 1, competent: 3, proficient: 4, expert: 5 },
    },
  ]

/** A level given as text ("Advanced", "expert") on the shared scale, or null when no declared conversion knows it. */
export function proficiencyFromLabel(text: string): number | null {
  const key = text.trim().toLowerCase()
  for (const conversion of PROFICIENCY_CONVERSIONS) {
    const level = conversion.labels[key]
    if (level !== undefined) return level
  }
  return null
}
