/**
 * Matching skill names from imports to the ontology: exact name or alias first, then the same name with case,
 * spacing and punctuation ignored; otherwise a person decides, helped by similarity suggestions ("Client
 * Management" ~ "Account Management") — a suggestion is never applied silently.
 */
export interface OntologySkill {
  id: number
  name: string
  aliases: readonly string[]
  status: 'active' | 'retired'
}

export type SkillMatch =
  | { kind: 'exact' | 'alias' | 'normalised'; skillId: number; name: string }
  | { kind: 'unknown'; suggestions: { skillId: number; name: string; score: number }[] }

/** Lower case, "&" as "and", punctuation and repeated spaces dropped: "Project-Management " → "project management". */
export function skillKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const padded = ` ${text} `
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2)
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

/** Sørensen–Dice coefficient over character bigrams of the normalised names (0 = nothing shared, 1 = same). */
export function skillSimilarity(a: string, b: string): number {
  const x = bigrams(skillKey(a))
  const y = bigrams(skillKey(b))
  let shared = 0
  let total = 0
  for (const [gram, n] of x) {
    shared += Math.min(n, y.get(gram) ?? 0)
    total += n
  }
  for (const n of y.values()) total += n
  return total === 0 ? 0 : (2 * shared) / total
}

export const SUGGESTION_THRESHOLD = 0.5

export function matchSkill(name: string, skills: readonly OntologySkill[]): SkillMatch {
  const lower = name.trim().toLowerCase()
  for (const s of skills)
    if (s.status === 'active' && s.name.toLowerCase() === lower)
      return { kind: 'exact', skillId: s.id, name: s.name }
  for (const s of skills)
    if (s.status === 'active' && s.aliases.some((a) => a.toLowerCase() === lower))
      return { kind: 'alias', skillId: s.id, name: s.name }
  const key = skillKey(name)
  for (const s of skills)
    if (s.status === 'active' && (skillKey(s.name) === key || s.aliases.some((a) => skillKey(a) === key)))
      return { kind: 'normalised', skillId: s.id, name: s.name }
  const suggestions = skills
    .filter((s) => s.status === 'active')
    .map((s) => ({
      skillId: s.id,
      name: s.name,
      score: Math.max(skillSimilarity(name, s.name), ...s.aliases.map((a) => skillSimilarity(name, a))),
    }))
    .filter((s) => s.score >= SUGGESTION_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }))
  return { kind: 'unknown', suggestions }
}
