/** A cell as a reader hands it over: text from CSV, typed values from xlsx, or an Excel error such as #REF!. */
export type Cell = string | number | boolean | Date | null | { readonly error: string }

export function isCellError(cell: Cell): cell is { readonly error: string } {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date)
}

/** How a cell is shown back to the person in an error message. */
export function displayCell(cell: Cell): string {
  if (cell === null) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  if (isCellError(cell)) return cell.error
  return String(cell)
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '')
}
