import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** Rating scales in words, several cycles in one row, repeated headers and title sheets, as HRIS exports have them. */
describe('review files with ratings in words', () => {
  let services: Services
  let client: Client
  let dir: string
  const db = (): Services['session']['db'] => services.session.db
  const reviewsOf = (employeeId: string): unknown[] =>
    db()
      .prepare(
        `SELECT c.name AS cycle, r.overall_rating AS overall, r.potential_rating AS potential, c.scale_min AS min,
                c.scale_max AS max
           FROM reviews r JOIN people p ON p.id = r.person_id JOIN review_cycles c ON c.id = r.cycle_id
          WHERE p.employee_id = ? ORDER BY c.name`,
      )
      .all(employeeId)

  const csv = (name: string, lines: string[]): string => {
    const path = join(dir, name)
    writeFileSync(path, lines.join('\n') + '\n')
    return path
  }

  beforeEach(async () => {
    dir = tempDir()
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Words', passphrase: PASSPHRASE })
    const people = csv('people.csv', [
      'Employee ID,Name',
      'E1,Ann Lee',
      'E2,Bo Chan',
      'E3,Cy Dow',
      'E4,Di Eze',
    ])
    expect((await client.call('import.commit', { path: people, kind: 'people' })).outcome).toBe('stored')
  })
  afterEach(() => services.dispose())

  it('reads Low/Medium/High performance and potential without being told, and says which scale it used', async () => {
    const file = csv('talent.csv', [
      'Employee ID,Performance,Potential',
      'E1,High,high',
      'E2,Medium, Medium ',
      'E3,Low,Low',
      'E4,,Medium',
    ])
    const mapping = { constants: { cycle: 'FY2025' } }
    const preview = await client.call('import.preview', { path: file, kind: 'reviews', mapping })
    expect(preview.ratingWords.map((r) => [r.field, r.origin, r.scale?.name])).toEqual([
      ['overallRating', 'detected', 'Low / Medium / High (1–3)'],
      ['potentialRating', 'detected', 'Low / Medium / High (1–3)'],
    ])
    expect(preview.ratingWords[0]?.words).toEqual([
      { word: 'High', count: 1 },
      { word: 'Low', count: 1 },
      { word: 'Medium', count: 1 },
    ])
    expect(preview.ratingWords[0]?.blanks).toBe(1)

    const result = await client.call('import.commit', { path: file, kind: 'reviews', mapping })
    expect(result.outcome).toBe('stored')
    expect(result.rows).toMatchObject({ inserted: 3, rejected: 0 })
    // E4 has no rating this cycle (a new joiner): not rated, said once, not an error.
    expect(result.warnings.find((w) => w.code === 'NOT_RATED')?.message).toBe(
      '1 row has no overall rating for FY2025 (left blank): not rated, so nothing was stored for it.',
    )
    expect(reviewsOf('E1')).toEqual([{ cycle: 'FY2025', overall: 3, potential: 3, min: 1, max: 3 }])
    expect(reviewsOf('E2')).toEqual([{ cycle: 'FY2025', overall: 2, potential: 2, min: 1, max: 3 }])
    expect(reviewsOf('E4')).toEqual([])
  })

  it('a blank rating is an error when the mapping says so', async () => {
    const file = csv('strict.csv', ['Employee ID,Performance', 'E1,High', 'E2,'])
    const result = await client.call('import.commit', {
      path: file,
      kind: 'reviews',
      mapping: { constants: { cycle: 'FY2025' }, blankRating: 'error' },
    })
    expect(result.outcome).toBe('rejected')
    expect(result.errors).toMatchObject([{ row: 3, column: 'Performance', code: 'REQUIRED' }])
  })

  it('asks for words that are no known scale, then reads them with the order given', async () => {
    const file = csv('unknown.csv', ['Employee ID,Rating', 'E1,Strong', 'E2,Solid', 'E3,Leading', 'E4,Solid'])
    const mapping = { constants: { cycle: '2024' } }
    const preview = await client.call('import.preview', { path: file, kind: 'reviews', mapping })
    expect(preview.ratingWords).toMatchObject([
      {
        field: 'overallRating',
        header: 'Rating',
        origin: 'unknown',
        scale: null,
        words: [
          { word: 'Solid', count: 2 },
          { word: 'Leading', count: 1 },
          { word: 'Strong', count: 1 },
        ],
      },
    ])
    const refused = await client.call('import.commit', { path: file, kind: 'reviews', mapping })
    expect(refused.outcome).toBe('rejected')
    expect(refused.errors.map((e) => e.code)).toEqual(['UNKNOWN_RATING_WORDS'])
    expect(refused.errors[0]?.message).toBe(
      'The column "Rating" holds rating words that are not a known scale: Solid (2), Leading (1), Strong (1). Put them in order in the import screen, or give the scale in the mapping file, e.g. "scale": {"labels": {"Solid": 1, "Leading": 2, "Strong": 3}}.',
    )

    const scale = { labels: { solid: 1, ' STRONG ': 2, 'Leading  ': 3 } }
    const stored = await client.call('import.commit', {
      path: file,
      kind: 'reviews',
      mapping: { ...mapping, scale },
    })
    expect(stored.outcome).toBe('stored')
    expect(reviewsOf('E3')).toEqual([{ cycle: '2024', overall: 3, potential: null, min: 1, max: 3 }])
  })

  it('a word outside the chosen scale is a row error naming the value and the known words', async () => {
    const file = csv('outside.csv', ['Employee ID,Rating', 'E1,Strong', 'E2,Stellar'])
    const result = await client.call('import.commit', {
      path: file,
      kind: 'reviews',
      mapping: { constants: { cycle: '2024' }, scale: { labels: { Solid: 1, Strong: 2, Leading: 3 } } },
    })
    expect(result.outcome).toBe('rejected')
    expect(result.errors).toMatchObject([
      {
        row: 3,
        column: 'Rating',
        value: 'Stellar',
        code: 'UNKNOWN_RATING',
        message:
          'not a word of the scale Solid / Strong / Leading (1–3); its words are solid = 1, strong = 2, leading = 3',
      },
    ])
  })

  it('reads "3 - Meets Expectations" by its leading number on the five-point scale', async () => {
    const file = csv('numbered.csv', [
      'Employee ID,Rating',
      'E1,3 - Meets Expectations',
      'E2,5 - Outstanding',
      'E3,2 - Needs Improvement',
    ])
    const result = await client.call('import.commit', {
      path: file,
      kind: 'reviews',
      mapping: { constants: { cycle: '2024' } },
    })
    expect(result.outcome).toBe('stored')
    expect(reviewsOf('E2')).toEqual([{ cycle: '2024', overall: 5, potential: null, min: 1, max: 5 }])
  })

  it('takes a potential scale of its own, and refuses a potential outside it', async () => {
    const file = csv('own-scale.csv', ['Employee ID,Rating,Potential', 'E1,4,2', 'E2,5,7'])
    const result = await client.call('import.commit', {
      path: file,
      kind: 'reviews',
      mapping: {
        constants: { cycle: '2024' },
        scale: { min: 1, max: 5 },
        potentialScale: { labels: { Low: 1, High: 3, Medium: 2 } },
      },
    })
    expect(result.outcome).toBe('rejected')
    expect(result.errors).toMatchObject([{ row: 3, column: 'Potential', code: 'RATING_OUT_OF_SCALE' }])
  })

  it('one row, several cycles: a review per year column, one batch, one undo', async () => {
    const file = csv('years.csv', [
      'Employee ID,2023 Completed Performance Rating,2024 Completed Performance Rating,2023 Completed Performance Rating',
      'E1,Medium,High,Medium',
      'E2,,Low,',
      'E3,High,Medium,High',
    ])
    const preview = await client.call('import.preview', { path: file, kind: 'reviews' })
    expect(preview.headers).toEqual([
      'Employee ID',
      '2023 Completed Performance Rating',
      '2024 Completed Performance Rating',
      '2023 Completed Performance Rating (2)',
    ])
    expect(preview.columns.map((c) => [c.field, c.cycle])).toEqual([
      ['employeeId', null],
      ['overallRating', '2023'],
      ['overallRating', '2024'],
      [null, null],
    ])
    expect(preview.issues).toEqual([])

    const result = await client.call('import.commit', { path: file, kind: 'reviews' })
    expect(result.outcome).toBe('stored')
    expect(result.rows).toMatchObject({ total: 5, inserted: 5, rejected: 0 })
    expect(result.warnings.map((w) => w.message)).toContain(
      '1 row has no overall rating for 2023 (left blank): not rated, so nothing was stored for it.',
    )
    expect(reviewsOf('E1')).toEqual([
      { cycle: '2023', overall: 2, potential: null, min: 1, max: 3 },
      { cycle: '2024', overall: 3, potential: null, min: 1, max: 3 },
    ])
    expect(reviewsOf('E2')).toEqual([{ cycle: '2024', overall: 1, potential: null, min: 1, max: 3 }])

    // The same, from a mapping file that names the cycle of each column and a repeated header by its occurrence.
    const undone = await client.call('import.undo', { batchId: result.batchId ?? '' })
    expect(undone.removed).toBeGreaterThanOrEqual(5)
    expect(db().prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 0 })
    const mapped = await client.call('import.commit', {
      path: file,
      kind: 'reviews',
      mapping: {
        columns: {
          'Employee ID': 'employeeId',
          '2023 Completed Performance Rating (2)': { field: 'overallRating', cycle: 'FY23' },
          '2024 Completed Performance Rating': { field: 'overallRating', cycle: 'FY24' },
        },
      },
    })
    expect(mapped.outcome).toBe('stored')
    expect(reviewsOf('E3')).toEqual([
      { cycle: 'FY23', overall: 3, potential: null, min: 1, max: 3 },
      { cycle: 'FY24', overall: 2, potential: null, min: 1, max: 3 },
    ])
    const layout = (
      JSON.parse(
        (
          db().prepare('SELECT mapping_json FROM import_batches WHERE id = ?').get(mapped.batchId) as {
            mapping_json: string
          }
        ).mapping_json,
      ) as { layout: unknown }
    ).layout
    expect(layout).toEqual({
      sheet: null,
      headerRow: 1,
      headers: preview.headers,
      columns: [
        { column: 0, header: 'Employee ID', field: 'employeeId', cycle: null },
        { column: 2, header: '2024 Completed Performance Rating', field: 'overallRating', cycle: 'FY24' },
        { column: 3, header: '2023 Completed Performance Rating (2)', field: 'overallRating', cycle: 'FY23' },
      ],
      scales: {
        overallRating: { min: 1, max: 3, labels: { Low: 1, Medium: 2, High: 3 } },
        potentialRating: null,
      },
    })
  })

  it('passes over a title sheet to the sheet holding the columns, and says so', async () => {
    const workbook = new ExcelJS.Workbook()
    const summary = workbook.addWorksheet('Summary')
    summary.addRow(['9-Box Talent Review'])
    summary.addRow(['Generated: 2025-12-18'])
    const data = workbook.addWorksheet('Employee Data')
    data.addRow([
      'Employee ID',
      'Aug 2025 Talent Assessment Performance',
      'Aug 2025 Talent Assessment Potential',
    ])
    data.addRow(['E1', 'High', 'Low'])
    data.addRow(['E2', 'Medium', 'High'])
    const path = join(dir, 'talent-review.xlsx')
    await workbook.xlsx.writeFile(path)

    const preview = await client.call('import.preview', { path, kind: 'reviews' })
    expect(preview.sheet).toBe('Employee Data')
    expect(preview.issues.map((i) => [i.code, i.message])).toEqual([
      [
        'SHEET_CHOSEN',
        'Read the sheet "Employee Data", which holds the columns to import; passed over: Summary.',
      ],
    ])
    const result = await client.call('import.commit', { path, kind: 'reviews' })
    expect(result.outcome).toBe('stored')
    expect(reviewsOf('E1')).toEqual([{ cycle: '2025', overall: 3, potential: 1, min: 1, max: 3 }])
  })

  it('saves the words with the mapping profile and proposes them again for the next file of that shape', async () => {
    const file = csv('unknown.csv', ['Employee ID,Rating,Cycle', 'E1,Strong,2024', 'E2,Solid,2024'])
    const preview = await client.call('import.preview', { path: file, kind: 'reviews' })
    expect(preview.ratingWords[0]?.origin).toBe('unknown')
    await client.call('import.saveProfile', {
      name: 'Talent tool',
      kind: 'reviews',
      headers: preview.headers,
      mapping: { scale: { labels: { Solid: 1, Strong: 2, Leading: 3 } } },
    })
    const again = await client.call('import.preview', { path: file, kind: 'reviews' })
    expect(again.profile).toBe('Talent tool')
    expect(again.ratingWords[0]).toMatchObject({ origin: 'mapping', scale: { min: 1, max: 3 } })
    expect(again.issues).toEqual([])
    expect((await client.call('import.commit', { path: file, kind: 'reviews' })).outcome).toBe('stored')
  })
})

describe("a session's potential from managers' ratings in words", () => {
  let services: Services
  let client: Client
  const tempFile = tempDir
  afterEach(() => services.dispose())

  it('follows the words, however many people the manager rated High', async () => {
    const dir = tempFile()
    services = testServices(tempFile())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Skewed', passphrase: PASSPHRASE })
    const potentials = [
      'High',
      'High',
      'High',
      'High',
      'High',
      'High',
      'High',
      'High',
      'Medium',
      'Medium',
      'Low',
    ]
    const people = join(dir, 'people.csv')
    writeFileSync(people, ['Employee ID,Name', ...potentials.map((_, i) => `S${i},Person ${i}`)].join('\n'))
    const reviews = join(dir, 'reviews.csv')
    writeFileSync(
      reviews,
      ['Employee ID,Performance,Potential', ...potentials.map((p, i) => `S${i},Medium,${p}`)].join('\n'),
    )
    expect((await client.call('import.commit', { path: people, kind: 'people' })).outcome).toBe('stored')
    const stored = await client.call('import.commit', {
      path: reviews,
      kind: 'reviews',
      mapping: { constants: { cycle: 'FY2025' } },
    })
    expect(stored.outcome).toBe('stored')
    const { sessionId } = await client.call('calibration.create', {
      name: 'Skewed',
      cycle: 'FY2025',
      potentialFrom: 'manager',
    })
    const view = await client.call('calibration.show', { sessionId })
    // Eight "High" are eight high potentials (a percentile cut would have called some of them moderate).
    const boxes = potentials.map((_, i) => view.placements.find((p) => p.employeeId === `S${i}`)?.box)
    expect(boxes).toEqual([8, 8, 8, 8, 8, 8, 8, 8, 5, 5, 2])
    const detail = await client.call('calibration.person', { sessionId, employeeId: 'S0' })
    expect(detail.potential.explanation).toBe(
      "From the manager's potential rating 3 on 1–3 (100/100). High: a rating's place on its scale, as for performance (low up to 2, high from 4 on 1–5).",
    )
  })
})
