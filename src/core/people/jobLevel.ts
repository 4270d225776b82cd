/**
 * Job levels as HR systems export them: "PT5 - Principal", "M3", "IC", "Band C", or a bare 5. The text is what the
 * user sees everywhere; its rank (for ordering and numeric rules) is the one number the text carries, if it carries
 * exactly one ("PT5", "Level 2", "5"). "IC", "Band C" and "L3-2" have no rank: guessing which number of "L3-2"
 * counts would order people by an accident of naming.
 */
export function jobLevelRank(text: string): number | null {
  const numbers = text.match(/\d+/g)
  if (numbers?.length !== 1) return null
  const rank = Number(numbers[0])
  return Number.isSafeInteger(rank) ? rank : null
}

/**
 * How a job level is stored: `rank` in the integer column, `label` only when the text says more than its rank
 * (a bare "5" is stored as 5 with no label, exactly as before text levels existed, so re-importing an old numeric
 * file changes nothing).
 */
export function storedJobLevel(text: string): { rank: number | null; label: string | null } {
  const trimmed = text.trim().replace(/\s+/g, ' ')
  const rank = jobLevelRank(trimmed)
  return { rank, label: rank !== null && String(rank) === trimmed ? null : trimmed }
}

/** The level as shown: the text as given, else the number of a level stored before text levels existed. */
export function jobLevelText(rank: number | null, label: string | null): string | null {
  return label ?? (rank === null ? null : String(rank))
}
