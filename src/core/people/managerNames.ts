/**
 * Managers as HR exports name them ("David Chen", "LeBlanc, Brandon R.", "Board of Directors") rather than number
 * them. A name is matched to a person by a key that ignores case, accents, punctuation, extra spaces, middle names
 * and initials, and reads "Last, First M." as "First Last"; an email is matched case-insensitively. Two people with
 * the same key are never guessed between. A "name" that is exactly an employee ID (a "Reports To" column of IDs)
 * is that person.
 */

/** Generational and academic suffixes: "Smith Jr., John" and "John Smith" are the same person's name. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq'])

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`\-‐–]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !SUFFIXES.has(w))
}

/**
 * The key two spellings of one person's name share: first and last name, lower case, without accents.
 * "Brandon R. LeBlanc", "LeBlanc, Brandon  R" and "brandon leblanc" are all "brandon leblanc". Null for a name with
 * no letters or digits.
 */
export function personNameKey(name: string): string | null {
  // "Last, First M." (HRDataset's Employee_Name, many payroll exports); a trailing ", Jr." is not a first name.
  const parts = name.split(',').filter((part) => words(part).length > 0)
  const ordered =
    parts.length === 2 ? [...words(parts[1] as string), ...words(parts[0] as string)] : words(parts.join(' '))
  if (ordered.length === 0) return null
  const first = ordered[0] as string
  const last = ordered[ordered.length - 1] as string
  return ordered.length === 1 ? first : `${first} ${last}`
}

export interface DirectoryPerson {
  employeeId: string
  fullName: string | null
  email: string | null
}

export type ManagerMatch =
  | { kind: 'found'; employeeId: string }
  /** Several people answer to the name (or email): not guessed; the candidates are named to the user. */
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' }

/** Everyone a manager's name or email could mean, indexed once for a whole file. */
export class ManagerDirectory {
  private readonly byName = new Map<string, string[]>()
  private readonly byEmail = new Map<string, string[]>()
  private readonly employeeIds = new Set<string>()

  constructor(people: Iterable<DirectoryPerson>) {
    for (const person of people) {
      this.employeeIds.add(person.employeeId)
      const key = person.fullName === null ? null : personNameKey(person.fullName)
      if (key !== null) push(this.byName, key, person.employeeId)
      const email = person.email?.trim().toLowerCase()
      if (email) push(this.byEmail, email, person.employeeId)
    }
  }

  /**
   * The email decides when it names someone; otherwise the name does. `self` is the person whose manager this is:
   * when two people share a name and one of them names the other ("David Chen" reporting to "David Chen"), the
   * manager is the other one.
   */
  resolve(name: string | null, email: string | null, self?: string): ManagerMatch {
    const byEmail = email ? this.byEmail.get(email.trim().toLowerCase()) : undefined
    if (byEmail) return match(byEmail, self)
    const key = name === null ? null : personNameKey(name)
    const byName = key === null ? undefined : this.byName.get(key)
    if (byName) return match(byName, self)
    // A "Reports To" column may hold IDs after all: an exact employee ID nobody is named is that person.
    const id = name?.trim()
    return id && this.employeeIds.has(id) ? { kind: 'found', employeeId: id } : { kind: 'unknown' }
  }
}

function push(map: Map<string, string[]>, key: string, employeeId: string): void {
  const list = map.get(key)
  if (list) list.push(employeeId)
  else map.set(key, [employeeId])
}

function match(all: string[], self: string | undefined): ManagerMatch {
  const candidates = all.length > 1 ? all.filter((id) => id !== self) : all
  return candidates.length === 1
    ? { kind: 'found', employeeId: candidates[0] as string }
    : { kind: 'ambiguous', candidates: [...candidates].sort() }
}
