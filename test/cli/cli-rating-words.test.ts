import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('ninefold import with ratings in words (CLI)', () => {
  it('exits 2 naming the column, the words and the mapping-file syntax; imports once the words are ordered', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'w.ninefold'), '--key-file', join(dir, 'w.key')]
    expect((await cli(['workspace', 'create', ...ws])).code).toBe(0)
    const people = join(dir, 'people.csv')
    writeFileSync(people, 'Employee ID,Name\nE1,Ann Lee\nE2,Bo Chan\nE3,Cy Dow\n')
    expect((await cli(['import', people, '--as', 'people', ...ws])).code).toBe(0)

    const reviews = join(dir, 'reviews.csv')
    writeFileSync(
      reviews,
      'Employee ID,FY2023 Rating,FY2024 Rating\nE1,Solid,Strong\nE2,Strong,Leading\nE3,,Solid\n',
    )
    const refused = await cli(['import', reviews, '--as', 'reviews', ...ws])
    expect(refused.code).toBe(2)
    expect(refused.stdout).toContain(
      'The column "FY2023 Rating", "FY2024 Rating" holds rating words that are not a known scale: Solid (2), Strong (2), Leading (1).',
    )
    expect(refused.stdout).toContain('"scale": {"labels": {"Solid": 1, "Strong": 2, "Leading": 3}}')
    expect(refused.stdout).toContain('[UNKNOWN_RATING_WORDS]')

    const mapping = join(dir, 'mapping.json')
    writeFileSync(mapping, JSON.stringify({ scale: { labels: { Solid: 1, Strong: 2, Leading: 3 } } }))
    const stored = await cli(['import', reviews, '--as', 'reviews', '--mapping', mapping, ...ws, '--json'])
    expect(stored.code).toBe(0)
    const summary = JSON.parse(stored.stdout) as { rows: { inserted: number }; warnings: { code: string }[] }
    // Two cycles per row, one not rated: five reviews in one batch.
    expect(summary.rows.inserted).toBe(5)
    expect(summary.warnings.map((w) => w.code)).toContain('NOT_RATED')
  })
})
