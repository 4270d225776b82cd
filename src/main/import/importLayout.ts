import type { ImportIssueShape } from '../../shared/contract'
import { message } from '../../shared/i18n/translate'
import { scaleInFileWords } from '../../core/import/ratingColumns'
import { issueText } from '../../core/import/validateRows'
import type { PreparedImport } from './prepareImport'

/** Says which sheet was read when title sheets before it were passed over. */
export function sheetNotes(prepared: PreparedImport): ImportIssueShape[] {
  if (prepared.passedOver.length === 0 || prepared.sheet === null) return []
  return [
    {
      sheet: prepared.sheet,
      row: 0,
      column: null,
      value: null,
      code: 'SHEET_CHOSEN',
      ...issueText(
        message('import.warnings.sheetChosen', {
          sheet: prepared.sheet,
          skipped: prepared.passedOver.join(', '),
        }),
      ),
    },
  ]
}

/**
 * Where each imported field sits in the file, and the scales read with the file's own words: what writing a
 * calibrated result back into the same workbook needs (`calibration export --into`).
 */
export function layoutOf(prepared: PreparedImport): Record<string, unknown> {
  const scale = (field: 'overallRating' | 'potentialRating'): unknown => {
    const reading = prepared.ratings.find((r) => r.field === field)
    return reading ? scaleInFileWords(reading) : null
  }
  return {
    sheet: prepared.sheet,
    headerRow: prepared.headerRow,
    headers: prepared.headers,
    columns: [...prepared.mapping]
      .sort((a, b) => a[0] - b[0])
      .map(([column, m]) => ({
        column,
        header: prepared.headers[column] ?? '',
        field: m.field,
        cycle: m.cycle ?? null,
      })),
    scales: { overallRating: scale('overallRating'), potentialRating: scale('potentialRating') },
  }
}
