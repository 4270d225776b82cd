import { describe, expect, it } from 'vitest'
import { isDateFormatCode } from '../../src/main/import/readers/xlsx/styles'
import { unescapeOoxml } from '../../src/main/import/readers/xlsx/ooxmlText'
import { serialToDate } from '../../src/main/import/readers/xlsx/sheetRows'

describe('number formats that show dates', () => {
  it('takes date and time tokens for dates, whatever their case', () => {
    for (const code of [
      'yyyy-mm-dd',
      'yyyy\\-mm\\-dd',
      'yyyy-MM-dd HH:mm',
      'mmmm d, yyyy',
      'h:mm AM/PM',
      '[h]:mm:ss',
      '[$-409]d-mmm-yy;@',
      'dd/mm/yyyy" r."',
    ]) {
      expect({ code, date: isDateFormatCode(code) }).toEqual({ code, date: true })
    }
  })

  it('ignores letters inside quotes, brackets, escapes and padding', () => {
    for (const code of [
      'General',
      '0.00',
      '#,##0 "zł"',
      '"days "0',
      '[Red]0.00',
      '[$USD-409]#,##0.00',
      '0\\h',
      '#,##0_);(#,##0)',
      '0.00E+00',
      '@',
      '0 "Mds"',
    ]) {
      expect({ code, date: isDateFormatCode(code) }).toEqual({ code, date: false })
    }
  })
})

describe('cell text and serials', () => {
  it('undoes OOXML _xHHHH_ escapes, and _x005F_ escapes the escape', () => {
    expect(unescapeOoxml('a_x000D__x000A_b')).toBe('a\r\nb')
    expect(unescapeOoxml('_x005F_x000D_')).toBe('_x000D_')
    expect(unescapeOoxml('no_escape_here')).toBe('no_escape_here')
  })

  it('counts serials from 1899-12-30, or 1904-01-01 in the 1904 system', () => {
    expect(serialToDate(45351, false)).toEqual(new Date(Date.UTC(2024, 1, 29)))
    expect(serialToDate(45351 - 1462, true)).toEqual(new Date(Date.UTC(2024, 1, 29)))
    expect(serialToDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)))
    expect(serialToDate(45352.57326388889, false)).toEqual(new Date(Date.UTC(2024, 2, 1, 13, 45, 30)))
  })
})
