import { describe, expect, it } from 'vitest'
import { jobLevelRank, jobLevelText, storedJobLevel } from '../../src/core/people/jobLevel'
import { ManagerDirectory, personNameKey } from '../../src/core/people/managerNames'

describe('job levels as text', () => {
  it('rank a level by the one number its text carries, and only then', () => {
    expect(jobLevelRank('PT5 - Principal')).toBe(5)
    expect(jobLevelRank('M3')).toBe(3)
    expect(jobLevelRank('MT4')).toBe(4)
    expect(jobLevelRank('Level 2')).toBe(2)
    expect(jobLevelRank('5')).toBe(5)
    expect(jobLevelRank('IC')).toBeNull()
    expect(jobLevelRank('Band C')).toBeNull()
    expect(jobLevelRank('Manager')).toBeNull()
    expect(jobLevelRank('L3-2')).toBeNull()
    expect(jobLevelRank('3.5')).toBeNull()
  })

  it('store a bare number as before (no label) and any other text as given', () => {
    expect(storedJobLevel('5')).toEqual({ rank: 5, label: null })
    expect(storedJobLevel(' 5 ')).toEqual({ rank: 5, label: null })
    expect(storedJobLevel('PT5 - Principal')).toEqual({ rank: 5, label: 'PT5 - Principal' })
    expect(storedJobLevel('Band  C')).toEqual({ rank: null, label: 'Band C' })
    expect(storedJobLevel('05')).toEqual({ rank: 5, label: '05' })
  })

  it('show the text as given, else the number stored before text levels existed', () => {
    expect(jobLevelText(5, 'PT5 - Principal')).toBe('PT5 - Principal')
    expect(jobLevelText(null, 'IC')).toBe('IC')
    expect(jobLevelText(3, null)).toBe('3')
    expect(jobLevelText(null, null)).toBeNull()
  })
})

describe('managers named, not numbered', () => {
  it('key a name ignoring case, accents, spacing, punctuation, middle names and the Last, First order', () => {
    expect(personNameKey('Brandon R. LeBlanc')).toBe('brandon leblanc')
    expect(personNameKey('LeBlanc, Brandon  R')).toBe('brandon leblanc')
    expect(personNameKey('Adinolfi, Wilson  K')).toBe('wilson adinolfi')
    expect(personNameKey('Alagbe,Trina')).toBe('trina alagbe')
    expect(personNameKey('  JOSÉ   Müller ')).toBe('jose muller')
    expect(personNameKey("O'Brien, Seán")).toBe('sean obrien')
    expect(personNameKey('Smith Jr., John')).toBe('john smith')
    expect(personNameKey('John Smith, Jr.')).toBe('john smith')
    expect(personNameKey('Madonna')).toBe('madonna')
    expect(personNameKey(' , . ')).toBeNull()
  })

  it('resolve by email first, then by name; never guess between two people of one name', () => {
    const directory = new ManagerDirectory([
      { employeeId: 'E1', fullName: 'LeBlanc, Brandon R', email: 'Brandon@Example.com' },
      { employeeId: 'E2', fullName: 'Chen, David', email: null },
      { employeeId: 'E3', fullName: 'David Chen', email: 'd.chen@example.com' },
      { employeeId: 'E4', fullName: null, email: null },
    ])
    expect(directory.resolve('Brandon R. LeBlanc', null)).toEqual({ kind: 'found', employeeId: 'E1' })
    expect(directory.resolve('Someone Else', 'brandon@example.COM')).toEqual({
      kind: 'found',
      employeeId: 'E1',
    })
    expect(directory.resolve('David Chen', null)).toEqual({ kind: 'ambiguous', candidates: ['E2', 'E3'] })
    expect(directory.resolve('David Chen', 'd.chen@example.com')).toEqual({ kind: 'found', employeeId: 'E3' })
    expect(directory.resolve('Board of Directors', null)).toEqual({ kind: 'unknown' })
    expect(directory.resolve('Board of Directors', 'nobody@example.com')).toEqual({ kind: 'unknown' })
    expect(directory.resolve(null, null)).toEqual({ kind: 'unknown' })
    // A column of IDs under a name header still finds its people.
    expect(directory.resolve(' E2 ', null)).toEqual({ kind: 'found', employeeId: 'E2' })
    expect(directory.resolve('E9', null)).toEqual({ kind: 'unknown' })
    // One David Chen reporting to the other is not a guess.
    expect(directory.resolve('David Chen', null, 'E3')).toEqual({ kind: 'found', employeeId: 'E2' })
  })
})
