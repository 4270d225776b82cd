import { addDays } from '../dates'
import type { Random } from '../random'
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, LOCATIONS, type DepartmentSpec } from './catalogue'

export interface DemoPerson {
  employeeId: string
  fullName: string
  email: string
  managerId: string | null
  department: string
  location: string
  jobTitle: string
  jobLevel: number
  hireDate: string
  /** Hidden traits that drive the records; not stored, but planted cases are chosen from them. */
  traits: { performance: number; agility: number; isManager: boolean }
}

const CEO_LEVEL = 6
const MAX_TEAM = 9

function managerTitle(level: number, department: string): string {
  if (level >= CEO_LEVEL) return 'Chief Executive Officer'
  if (level === 5) return `VP ${department}`
  if (level === 4) return `Director, ${department}`
  if (level === 3) return `${department} Manager`
  return `${department} Team Lead`
}

function asciiLocal(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '')
}

/** Splits `total` into `parts` positive sizes that differ a little, so teams are not all the same size. */
function splitSizes(total: number, parts: number, random: Random): number[] {
  const weights = Array.from({ length: parts }, () => 0.7 + random.next() * 0.6)
  const sum = weights.reduce((a, b) => a + b, 0)
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)))
  let remainder = total - sizes.reduce((a, b) => a + b, 0)
  for (let i = 0; remainder > 0; i = (i + 1) % parts, remainder--) sizes[i] = (sizes[i] ?? 0) + 1
  for (let i = 0; remainder < 0; i = (i + 1) % parts) {
    if ((sizes[i] ?? 0) > 1) {
      sizes[i] = (sizes[i] ?? 0) - 1
      remainder++
    }
  }
  return sizes
}

/**
 * Builds a management hierarchy of exactly `count` people: a CEO, one VP per department (sized by weight), and
 * below each a recursive split into teams of at most nine, so spans of control look like a real company at any size.
 */
export function buildHierarchy(count: number, random: Random, asOf: string): DemoPerson[] {
  const people: DemoPerson[] = []
  const emailCounts = new Map<string, number>()

  const makePerson = (
    managerId: string | null,
    department: string,
    level: number,
    isManager: boolean,
    managerLocation: string | null,
    spec: DepartmentSpec | null,
  ): DemoPerson => {
    const first = random.pick(FIRST_NAMES)
    const last = random.pick(LAST_NAMES)
    const base = `${asciiLocal(first)}.${asciiLocal(last)}`
    const seen = emailCounts.get(base) ?? 0
    emailCounts.set(base, seen + 1)
    const location =
      managerLocation !== null && random.chance(0.8) ? managerLocation : random.weighted(LOCATIONS)
    // Tenure grows with seniority; about 4% are recent hires who belong in the "too new" area of a calibration.
    const tenureDays = random.chance(0.04)
      ? random.int(10, 170)
      : Math.round(random.normal(900 + level * 500, 700, 200, 9000))
    const title = isManager ? managerTitle(level, department) : random.pick(spec?.icTitles ?? ['Specialist'])
    const person: DemoPerson = {
      employeeId: `E${String(100001 + people.length)}`,
      fullName: `${first} ${last}`,
      email: `${base}${seen === 0 ? '' : seen + 1}@ninefold-demo.example`,
      managerId,
      department,
      location,
      jobTitle: title,
      jobLevel: level,
      hireDate: addDays(asOf, -tenureDays),
      traits: {
        performance: random.normal(3.1, 0.8, 1, 5),
        agility: random.next(),
        isManager,
      },
    }
    people.push(person)
    return person
  }

  const buildTeam = (manager: DemoPerson, below: number, spec: DepartmentSpec): void => {
    if (below <= 0) return
    if (below <= MAX_TEAM) {
      for (let i = 0; i < below; i++) {
        const icLevel = Math.max(
          1,
          Math.min(
            manager.jobLevel - 1,
            random.weighted([
              [1, 5],
              [2, 3],
              [3, 1],
            ] as const),
          ),
        )
        makePerson(manager.employeeId, spec.name, icLevel, false, manager.location, spec)
      }
      return
    }
    const teams = Math.min(MAX_TEAM, Math.max(2, Math.ceil(below / 12)))
    for (const size of splitSizes(below, teams, random)) {
      const level = Math.max(2, manager.jobLevel - 1)
      if (size === 1) {
        makePerson(manager.employeeId, spec.name, Math.max(1, level - 1), false, manager.location, spec)
      } else {
        const lead = makePerson(manager.employeeId, spec.name, level, true, manager.location, spec)
        buildTeam(lead, size - 1, spec)
      }
    }
  }

  const ceo = makePerson(null, 'Executive', CEO_LEVEL, true, null, null)
  const departmentSizes = splitByWeight(
    count - 1,
    DEPARTMENTS.map((d) => d.weight),
  )
  DEPARTMENTS.forEach((spec, i) => {
    const size = departmentSizes[i] ?? 0
    if (size === 0) return
    const head = makePerson(ceo.employeeId, spec.name, 5, true, null, spec)
    buildTeam(head, size - 1, spec)
  })
  return people
}

function splitByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const sizes = weights.map((w) => Math.floor((w / sum) * total))
  let remainder = total - sizes.reduce((a, b) => a + b, 0)
  for (let i = 0; remainder > 0; i = (i + 1) % sizes.length, remainder--) sizes[i] = (sizes[i] ?? 0) + 1
  return sizes
}
