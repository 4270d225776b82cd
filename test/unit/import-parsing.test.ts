import { describe, expect, it } from 'vitest'
import { suggestMapping } from '../../src/core/import/autoMap'
import { detectHeaderRow } from '../../src/core/import/detectHeader'
import {
  detectDateFormat,
  excelSerialToIsoDate,
  expandTwoDigitYear,
  parseDate,
} from '../../src/core/import/parseDate'
import { parseFieldValue, parseMinutes, parseNumber } from '../../src/core/import/parseValue'
import { detectTextScale } from '../../src/core/import/ratingScales'

const ctx = { format: null, referenceYear: 2026, excelDate1904: null, decimalComma: false } as const

describe('dates', () => {
  it('reads ISO, and M/D or D/M when the values themselves decide', () => {
    expect(parseDate('2025-03-31', ctx)).toEqual({ ok: true, value: '2025-03-31' })
    expect(parseDate('2025-03-31T23:10:00+02:00', ctx)).toEqual({ ok: true, value: '2025-03-31' })
    expect(parseDate('3/30/2015', ctx)).toEqual({ ok: true, value: '2015-03-30' })
    expect(parseDate('30.03.2015', ctx)).toEqual({ ok: true, value: '2015-03-30' })
    expect(parseDate('3/4/2015', ctx)).toMatchObject({ ok: false, code: 'AMBIGUOUS_DATE' })
    expect(parseDate('3/4/2015', { ...ctx, format: 'DD/MM/YYYY' })).toEqual({ ok: true, value: '2015-04-03' })
    expect(parseDate('2/30/2015', { ...ctx, format: 'MM/DD/YYYY' })).toMatchObject({
      ok: false,
      code: 'INVALID_DATE',
    })
    expect(parseDate({ error: '#N/A' }, ctx)).toMatchObject({
      ok: false,
      code: 'EXCEL_ERROR',
      message: 'the cell holds the Excel error #N/A',
    })
  })

  it('expands two-digit years with a sliding window around the reference year', () => {
    expect(expandTwoDigitYear(83, 2026)).toBe(1983) // a date of birth
    expect(expandTwoDigitYear(15, 2026)).toBe(2015) // a hire date
    expect(expandTwoDigitYear(36, 2026)).toBe(2036)
    expect(expandTwoDigitYear(37, 2026)).toBe(1937)
    expect(parseDate('07/10/83', { ...ctx, format: 'MM/DD/YYYY' })).toEqual({ ok: true, value: '1983-07-10' })
  })

  it('converts Excel serials in both date systems, only for workbook cells', () => {
    expect(excelSerialToIsoDate(42795, false)).toBe('2017-03-01')
    expect(excelSerialToIsoDate(0, true)).toBe('1904-01-01')
    expect(parseDate(42795, { ...ctx, excelDate1904: false })).toEqual({ ok: true, value: '2017-03-01' })
    expect(parseDate(42795, ctx)).toMatchObject({ ok: false, message: 'a number where a date was expected' })
  })

  it('detects a column’s date order, tolerating a stray typo but not a real mix', () => {
    expect(detectDateFormat(['1/31/2020', '2/1/2020'])).toMatchObject({ format: 'MM/DD/YYYY' })
    expect(detectDateFormat(['31/1/2020', '1/2/2020'])).toMatchObject({ format: 'DD/MM/YYYY' })
    expect(detectDateFormat(['1/2/2020', '3/4/2020'])).toMatchObject({ format: null, ambiguous: true })
    expect(detectDateFormat(['31/1/2020', '1/31/2020', '30/1/2020', '1/30/2020'])).toMatchObject({
      contradictory: true,
    })
    const typo = [...Array.from({ length: 200 }, (_, i) => `1/${(i % 28) + 13}/2020`), '13/45/2020']
    expect(detectDateFormat(typo)).toMatchObject({ format: 'MM/DD/YYYY', contradictory: false })
  })
})

describe('numbers, durations and labels', () => {
  it('reads thousands separators, decimal commas and percentages', () => {
    expect(parseNumber('1,234.5', false)).toEqual({ ok: true, value: { value: 1234.5, percent: false } })
    expect(parseNumber('1,96', true)).toEqual({ ok: true, value: { value: 1.96, percent: false } })
    expect(parseNumber('1.234,5', true)).toEqual({ ok: true, value: { value: 1234.5, percent: false } })
    expect(parseNumber('85%', false)).toEqual({ ok: true, value: { value: 85, percent: true } })
    expect(parseNumber('1,96', false)).toMatchObject({
      ok: false,
      message: expect.stringContaining('decimal comma'),
    })
  })

  it('reads durations as minutes', () => {
    expect(parseMinutes('1:30:00', false)).toEqual({ ok: true, value: 90 })
    expect(parseMinutes('PT1H0M0S', false)).toEqual({ ok: true, value: 60 })
    expect(parseMinutes('P1DT30M', false)).toEqual({ ok: true, value: 1470 })
    expect(parseMinutes('45', false)).toEqual({ ok: true, value: 45 })
    expect(parseMinutes('soon', false)).toMatchObject({ ok: false, code: 'INVALID_DURATION' })
  })

  it('normalises LMS statuses, types and yes/no values, refusing unknown ones by name', () => {
    expect(parseFieldValue('In Progress', 'status', ctx)).toEqual({ ok: true, value: 'in_progress' })
    expect(parseFieldValue('No-Show', 'status', ctx)).toEqual({ ok: true, value: 'no_show' })
    expect(parseFieldValue('E-Learning', 'activityType', ctx)).toEqual({ ok: true, value: 'course' })
    expect(parseFieldValue('Y', 'boolean', ctx)).toEqual({ ok: true, value: true })
    expect(parseFieldValue('maybe', 'boolean', ctx)).toMatchObject({ ok: false, code: 'INVALID_BOOLEAN' })
    expect(parseFieldValue('constructor', 'status', ctx)).toMatchObject({ ok: false, code: 'UNKNOWN_STATUS' })
    expect(parseFieldValue('  Production    ', 'text', ctx)).toEqual({ ok: true, value: 'Production' })
  })

  it('recognises text rating scales from their labels', () => {
    expect(detectTextScale(['Exceeds', 'Fully Meets', 'PIP', 'Needs Improvement'])).toMatchObject({
      min: 1,
      max: 4,
    })
    expect(detectTextScale(['Top', 'Middle', 'Bottom'])).toMatchObject({ min: 1, max: 3 })
    expect(detectTextScale(['Great', 'Fine'])).toBeNull()
  })
})

describe('mapping and header detection', () => {
  it('maps the headers real exports use, each field once', () => {
    const headers = [
      'EmployeeNumber',
      'Emp #',
      'User - User ID',
      'Transcript Completed Date',
      'Training - Training Title',
      'Salary',
    ]
    const learning = suggestMapping(headers, 'learning')
    expect(learning.get(0)?.field).toBe('employeeId')
    expect(learning.get(3)).toEqual({ field: 'completedAt', confidence: 1 })
    expect(learning.get(4)?.field).toBe('activityTitle')
    expect(learning.has(5)).toBe(false)
    expect([...learning.values()].filter((s) => s.field === 'employeeId')).toHaveLength(1)
  })

  it('finds a header row under title rows and refuses a sheet of data', () => {
    const rows = [
      { row: 1, cells: [] },
      { row: 2, cells: ['Quarterly staff list — confidential'] },
      { row: 3, cells: [null, 'Employee ID', 'Name', 'Department'] },
      { row: 4, cells: [null, '1001', 'Ada', 'Engineering'] },
    ]
    expect(detectHeaderRow(rows, 'people')).toBe(3)
    expect(
      detectHeaderRow(
        [
          { row: 1, cells: [new Date(), 12] },
          { row: 2, cells: [new Date(), 13] },
        ],
        'people',
      ),
    ).toBeNull()
  })
})
