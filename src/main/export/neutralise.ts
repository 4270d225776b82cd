/**
 * The one function every export (xlsx and CSV) passes user text through before it reaches a cell. A spreadsheet
 * runs a cell that starts with =, +, - or @ (or their full-width forms, which some IMEs type) as a formula, also after
 * leading blanks, tabs or line breaks; DDE payloads (`=cmd|' /C calc'!A0`) and `=HYPERLINK(…)` exfiltration start
 * that way (OWASP, CSV injection). Such text gets a leading apostrophe: it stays visible, and stays text.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/

export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text)

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Excel holds at most 32,767 characters in a cell; a longer one is cut by Excel on open, or makes the file unreadable. */
export const EXCEL_CELL_LIMIT = 32_767
const CUT_MARK = '…'

export const tooLongForExcel = (text: string): boolean => text.length > EXCEL_CELL_LIMIT

/**
 * User text as an export cell holds it: formula-safe (neutraliseFormula) and within Excel's cell limit — a longer
 * text (a free-text note, an imported comment) is cut with a visible mark rather than breaking the workbook.
 */
export function safeCellText(text: string): string {
  const safe = neutraliseFormula(text)
  return tooLongForExcel(safe) ? safe.slice(0, EXCEL_CELL_LIMIT - CUT_MARK.length) + CUT_MARK : safe
}
