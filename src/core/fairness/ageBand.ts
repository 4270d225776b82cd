/**
 * An age band for the audit: from the birth year (age at the session date), else from an imported band; a bare
 * number imported as the band (IBM's file has only "Age") is banded too. Ten-year bands, with the ends open.
 */
export function ageBandOf(
  birthYear: number | null,
  importedBand: string | null,
  asOf: string,
): string | null {
  const age =
    birthYear !== null
      ? Number(asOf.slice(0, 4)) - birthYear
      : importedBand !== null && /^\d{1,3}$/.test(importedBand.trim())
        ? Number(importedBand.trim())
        : null
  if (age === null) return importedBand?.trim() || null
  if (age < 30) return 'Under 30'
  if (age >= 50) return '50 and over'
  const decade = Math.floor(age / 10) * 10
  return `${decade}–${decade + 9}`
}
