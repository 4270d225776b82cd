import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { english } from '../../src/shared/i18n/translate'
import { PASSPHRASE, testServices } from '../support/services'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** The mappings the acceptance case gives for managers.csv: one file read as people, reviews and learning. */
const MANAGERS_MAPPINGS = {
  people: { columns: { employee_id: 'employeeId', city: 'location' } },
  reviews: {
    columns: { employee_id: 'employeeId', performance_group: 'overallRating' },
    constants: { cycle: '2024' },
  },
  learning: {
    columns: { employee_id: 'employeeId', test_score: 'score' },
    constants: {
      activityId: 'Assessment test',
      activityTitle: 'Assessment test',
      activityType: 'assessment',
      status: 'completed',
    },
  },
} as const

describeWithSharedData('potential from assessment results on managers.csv', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Managers', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('places all 571 managers from their test scores, with an empty holding area', async () => {
    const file = sharedFile('hr/peopleanalytics/managers.csv')
    for (const kind of ['people', 'reviews', 'learning'] as const) {
      const result = await client.call('import.commit', {
        path: file,
        kind,
        mapping: MANAGERS_MAPPINGS[kind],
      })
      expect(result.errors, `${kind}: ${JSON.stringify(result.errors.slice(0, 3))}`).toEqual([])
      expect(result.outcome).toBe('stored')
      expect(result.rows.total).toBe(571)
    }
    // Agility needs two dated components; one undated score each is not enough, so nobody is placed.
    const agility = await client.call('calibration.create', { name: 'Agility' })
    const before = await client.call('calibration.show', { sessionId: agility.sessionId })
    expect(before.placements).toHaveLength(0)
    expect(before.holdingTodo?.map((g) => [g.reason, g.count])).toEqual([['insufficient-evidence', 571]])
    expect(before.holdingTodo?.[0]?.actions[0]).toEqual({ kind: 'source', source: 'assessment', places: 571 })

    const { sessionId, people } = await client.call('calibration.create', {
      name: 'Assessment',
      potentialFrom: 'assessment',
    })
    expect(people).toBe(571)
    const view = await client.call('calibration.show', { sessionId })
    expect(view.holding).toEqual([])
    expect(view.holdingTodo).toEqual([])
    expect(view.placements).toHaveLength(571)
    expect(view.placements.every((p) => p.potential.basis === 'assessment')).toBe(true)
    // Bottom/Middle/Top on the built-in text scale: 129 low, 376 moderate, 66 high.
    const byLevel = (level: string) => view.placements.filter((p) => p.performance.level === level).length
    expect([byLevel('low'), byLevel('moderate'), byLevel('high')]).toEqual([129, 376, 66])
    // The potential explanation names the record behind it: the title, the score, and that it is undated.
    const first = view.placements[0]
    if (!first) throw new Error('nobody placed')
    const detail = await client.call('calibration.person', { sessionId, employeeId: first.employeeId })
    expect(detail.potential.explanation).toMatch(
      /^From the assessment results in the session's \d+(st|nd|rd|th) percentile \(one result: Assessment test \d+ \(undated\)\)\./,
    )
    expect(detail.potential.explanationText && english(detail.potential.explanationText)).toBe(
      detail.potential.explanation,
    )
    expect(detail.potential.evidence).toMatchObject([
      { kind: 'learning', label: 'Assessment test (assessment)' },
    ])
  })
})

/**
 * A thin-evidence organisation, as real files bring it: one prior-year rating per person (blank for new joiners,
 * so those rows are skipped) and one average training score each, undated — agility has nothing to rank.
 */
function thinFiles(dir: string): { people: string; reviews: string; learning: string } {
  const ids = Array.from({ length: 40 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)
  // P01–P10 are all rated 5 by one lenient reviewer; the rest spread 2–4 by two others.
  const rating = (i: number): string => (i < 10 ? '5' : i >= 35 ? '' : String(2 + (i % 3)))
  const reviewer = (i: number): string => (i < 10 ? 'R1' : i % 2 ? 'R2' : 'R3')
  const score = (i: number): string => {
    if (i === 0) return '10' // rated 5, scored 10/100: the rating and the evidence disagree
    if (i === 19) return '99' // rated 3 (moderate), the top score: a hidden gem on one result
    if (i === 34) return '' // no score: nothing to place them by
    return String(40 + ((i * 7) % 50))
  }
  const files = {
    people: join(dir, 'people.csv'),
    reviews: join(dir, 'reviews.csv'),
    learning: join(dir, 'learning.csv'),
  }
  writeFileSync(
    files.people,
    [
      'Employee ID,Full Name,Department,Hire Date',
      ...ids.map((id) => `${id},Person ${id},Ops,2015-01-05`),
    ].join('\n'),
  )
  writeFileSync(
    files.reviews,
    ['Employee ID,Rating,Reviewer ID', ...ids.map((id, i) => `${id},${rating(i)},${reviewer(i)}`)].join('\n'),
  )
  writeFileSync(
    files.learning,
    [
      'Employee ID,Training score,Completion date',
      // P34's score is from 2019: outside the cycle's period, so it does not count.
      ...ids.map((id, i) => `${id},${score(i)},${i === 33 ? '2019-03-01' : ''}`),
    ].join('\n'),
  )
  return files
}

describe('the holding area as a to-do list, on thin evidence', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Thin', passphrase: PASSPHRASE })
    const files = thinFiles(tempDir())
    await client.call('import.commit', { path: files.people, kind: 'people' })
    const reviews = await client.call('import.commit', {
      path: files.reviews,
      kind: 'reviews',
      mapping: {
        columns: { 'Employee ID': 'employeeId', Rating: 'overallRating', 'Reviewer ID': 'reviewerId' },
        scale: { min: 1, max: 5 },
        constants: { cycle: 'FY2024' },
      },
    })
    // The new joiners' blank ratings are not ratings: nothing is stored for them, and the import says so.
    expect(reviews.rows).toMatchObject({ total: 35, inserted: 35, rejected: 0 })
    expect(reviews.warnings.map((w) => w.code)).toEqual(['NOT_RATED'])
    const learning = await client.call('import.commit', {
      path: files.learning,
      kind: 'learning',
      mapping: {
        columns: { 'Employee ID': 'employeeId', 'Training score': 'score', 'Completion date': 'completedAt' },
        // Typed constants are read like cells: "Exam" is an assessment, "Completed" a status, "100" a number.
        constants: {
          activityId: 'AVG-TRAINING',
          activityTitle: 'Average training score',
          activityType: 'Exam',
          status: 'Completed',
          scoreMax: '100',
        },
      },
    })
    expect(learning.errors).toEqual([])
    expect(learning.outcome).toBe('stored')
  }, 120_000) // three encrypted imports: on two busy cores they outlast the default hook limit
  afterEach(() => services.dispose())

  it('lists why people are held with counts, resolves with assessment scores in one undoable step, and places by hand', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'FY2024 review' })
    const held = await client.call('calibration.show', { sessionId })
    expect(held.placements).toHaveLength(0)
    expect(held.holdingTodo).toEqual([
      {
        reason: 'insufficient-evidence',
        count: 35,
        summary: '35 people have no potential evidence for FY2024',
        text: expect.any(Object),
        actions: [
          { kind: 'source', source: 'assessment', places: 33 },
          { kind: 'import', importKind: 'reviews', what: 'potential-ratings' },
          { kind: 'import', importKind: 'learning', what: 'assessments' },
          { kind: 'place-by-hand' },
        ],
      },
      {
        reason: 'not-rated',
        count: 5,
        summary: '5 people have no rating in FY2024',
        text: expect.any(Object),
        actions: [{ kind: 'import', importKind: 'reviews', what: 'ratings' }, { kind: 'place-by-hand' }],
      },
    ])

    // A blend needs two different sources; nothing changes when it is refused.
    await expect(
      client.call('calibration.setPotentialSource', {
        sessionId,
        source: 'blend',
        blendOf: ['assessment', 'assessment'],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect((await client.call('calibration.show', { sessionId })).canUndo).toBe(false)

    // One step re-places the session from the assessment scores.
    expect(await client.call('calibration.setPotentialSource', { sessionId, source: 'assessment' })).toEqual({
      step: 1,
      placed: 33,
      held: 7,
    })
    const placed = await client.call('calibration.show', { sessionId })
    expect(placed.settings.potential.source).toBe('assessment')
    expect(placed.placements).toHaveLength(33)
    expect(placed.canUndo).toBe(true)
    expect(placed.holdingTodo?.map((g) => [g.reason, g.count])).toEqual([
      ['insufficient-evidence', 2],
      ['not-rated', 5],
    ])
    // No other source would place the two left (one scored only in 2019, one not scored): none is offered.
    expect(placed.holdingTodo?.[0]?.actions.filter((a) => a.kind === 'source')).toEqual([])
    expect(placed.holding.find((h) => h.employeeId === 'P34')?.explanation).toBe(
      'No assessment result in the period of FY2024, and no manager potential rating to fall back on.',
    )
    const log = await client.call('calibration.log', { sessionId })
    expect(log[0]).toMatchObject({
      action: 'calibration.potentialSource',
      summary: 'Potential now from Assessment results (was Learning agility): 33 placed, 7 held (step 1)',
    })

    // Undo restores the previous source and placements; redo brings them back.
    expect(await client.call('calibration.undo', { sessionId })).toEqual({ step: 1 })
    const undone = await client.call('calibration.show', { sessionId })
    expect(undone.settings.potential.source).toBe('agility')
    expect(undone.placements).toHaveLength(0)
    expect(undone.holding).toHaveLength(40)
    await client.call('calibration.redo', { sessionId })
    expect((await client.call('calibration.show', { sessionId })).placements).toHaveLength(33)

    // A held person is placed by hand: a logged, undoable move from no box.
    expect(
      await client.call('calibration.move', {
        sessionId,
        employeeIds: ['P36'],
        box: 5,
        reasonCode: 'evidence-not-in-system',
        reason: 'Joined in spring; the panel agrees on a solid start',
      }),
    ).toEqual({ moved: 1, step: 2 })
    const byHand = await client.call('calibration.show', { sessionId })
    expect(byHand.placements.find((p) => p.employeeId === 'P36')).toMatchObject({
      box: 5,
      source: 'placed',
      heldFor: 'not-rated',
      potential: { level: 'moderate', value: null, basis: 'hand' },
    })
    expect(byHand.holding.map((h) => h.employeeId)).not.toContain('P36')
    expect(byHand.distribution.find((d) => d.box === 5)).toMatchObject({
      actual: (placed.distribution.find((d) => d.box === 5)?.actual ?? 0) + 1,
      computed: placed.distribution.find((d) => d.box === 5)?.computed,
    })
    const detail = await client.call('calibration.person', { sessionId, employeeId: 'P36' })
    expect(detail.potential.explanation).toContain('Placed by hand in box 5')
    expect(detail.moves).toMatchObject([{ step: 2, fromBox: null, toBox: 5, state: 'active' }])
    expect((await client.call('calibration.log', { sessionId }))[0]?.summary).toBe(
      // The log names the person as the grid does.
      'Person P36: placed by hand in box 5 (step 2)',
    )
    // The results workbook shows no computed box for them, and the move's reason.
    const out = join(tempDir(), 'results.xlsx')
    await client.call('calibration.export', { sessionId, path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const sheet = book.getWorksheet('Placements')
    const row = sheet?.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(1).value === 'P36')
    expect([
      row?.getCell(5).value,
      row?.getCell(6).value,
      row?.getCell(7).value,
      row?.getCell(8).value,
    ]).toEqual([
      null,
      5,
      'yes',
      'evidence not in the system: Joined in spring; the panel agrees on a solid start',
    ])
    // The pre-read is the grid before the meeting: P36 is still in its holding area there.
    const preRead = join(tempDir(), 'pre-read.xlsx')
    await client.call('calibration.export', { sessionId, kind: 'pre-read', path: preRead })
    const before = new ExcelJS.Workbook()
    await before.xlsx.readFile(preRead)
    const idsIn = (name: string): unknown[] => {
      const ws = before.getWorksheet(name)
      return (ws?.getRows(2, ws.rowCount - 1) ?? []).map((r) => r.getCell(1).value)
    }
    expect(idsIn('Placements')).not.toContain('P36')
    expect(idsIn('Holding area')).toContain('P36')
    await client.call('calibration.undo', { sessionId })
    expect((await client.call('calibration.show', { sessionId })).holding.map((h) => h.employeeId)).toContain(
      'P36',
    )
  })

  it('raises the hidden-gem, mismatch and leniency flags on what evidence there is, saying one result is evidence', async () => {
    const { sessionId } = await client.call('calibration.create', {
      name: 'FY2024 by assessment',
      potentialFrom: 'assessment',
    })
    const view = await client.call('calibration.show', { sessionId })
    const flagsOf = (id: string) => view.placements.find((p) => p.employeeId === id)?.flags ?? []
    // Rated 5 with one result of 10/100.
    expect(flagsOf('P01').find((f) => f.code === 'RATING_EVIDENCE_MISMATCH')?.rationale).toBe(
      'Ratings and independent evidence differ by 2+ levels: overall rating 5/5 vs one assessment result of 10% (1.4/5).',
    )
    // Rated 3, the top score of the session, and no agility index.
    const gem = flagsOf('P20').find((f) => f.code === 'HIDDEN_GEM')
    expect(gem?.rationale).toMatch(
      /^No learning agility index \(too little evidence\), but the one assessment result on record is in the session's top group \(\d+(st|nd|rd|th) percentile, top from the \d+(st|nd|rd|th)\) while performance is moderate/,
    )
    // The English and the message for the user's language say the same.
    for (const f of [...flagsOf('P01'), ...flagsOf('P20')])
      expect(f.text && english(f.text)).toBe(f.rationale)
    // R1 rated all ten of theirs 5.
    expect(flagsOf('P02').map((f) => f.code)).toContain('RATER_LENIENCY')
    // Nobody's flags are invented: a gem needs a result in the top group, a mismatch a scaled result 2+ levels off.
    const gems = view.placements.filter((p) => p.flags.some((f) => f.code === 'HIDDEN_GEM'))
    const cut = view.flagContext.assessmentTopCut ?? 101
    expect(gems.every((p) => (p.assessment?.percentile ?? 0) >= cut && p.performance.level !== 'high')).toBe(
      true,
    )
    const detail = await client.call('calibration.person', { sessionId, employeeId: 'P20' })
    expect(detail.flags.find((f) => f.code === 'HIDDEN_GEM')?.evidence.map((e) => e.kind)).toEqual([
      'review',
      'learning',
    ])
  })
})
