import { expect, it } from 'vitest'
import { RowValidator, type ValidatorOptions } from '../../src/core/import/validateRows'

const options: ValidatorOptions = {
  kind: 'learning',
  sheet: null,
  headers: ['Employee ID', 'Course ID', 'Status', 'Score', 'Completion Date'],
  mapping: new Map([
    [0, 'employeeId'],
    [1, 'activityId'],
    [2, 'status'],
    [3, 'score'],
    [4, 'completedAt'],
  ]),
  cycles: new Map(),
  dateFormat: null,
  decimalComma: false,
  referenceYear: 2026,
  excelDate1904: null,
  scale: null,
  ratingScales: { overallRating: null, potentialRating: null },
  blankRating: 'not-rated',
  constants: {},
  strictWidth: true,
}

it('reads a text repeated row after row the same way each time, and names each bad one by its own row', () => {
  const validator = new RowValidator(options)
  const good = ['E1', 'C-1', 'Completed', '80', '2026-03-01']
  const first = validator.accept(2, good)
  const again = validator.accept(3, [...good])
  expect(first?.values).toEqual({
    employeeId: 'E1',
    activityId: 'C-1',
    status: 'completed',
    score: 80,
    completedAt: '2026-03-01',
  })
  expect(again?.values).toEqual(first?.values)
  // The values are the row's own: changing one row's record leaves the next row's alone.
  if (first) first.values['score'] = 1
  expect(validator.accept(4, [...good])?.values['score']).toBe(80)

  expect(validator.accept(5, ['E1', 'C-1', 'Finished-ish', '80', '2026-03-01'])).toBeNull()
  expect(validator.accept(9, ['E2', 'C-2', 'Finished-ish', '80', '2026-03-01'])).toBeNull()
  expect(validator.issues.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
    [5, 'Status', 'Finished-ish', 'UNKNOWN_STATUS'],
    [9, 'Status', 'Finished-ish', 'UNKNOWN_STATUS'],
  ])
})
