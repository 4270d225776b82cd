import type { Level } from '../../../shared/contract/calibration'
import { calibratedRating, type TierOf } from '../../../core/calibration/calibratedRating'
import { detectTextScale } from '../../../core/import/ratingScales'
import { safeCellText } from '../../export/neutralise'
import { cellAt, type CellPatch, type SheetRow } from '../../export/sheetXml'
import type { ImportScale } from './importLayout'

/** A rating column: its scale, the values a cell may take, and each value in the file's own words. */
export interface RatingColumn {
  column: number
  scale: ImportScale
  values: number[]
  /** Value → how the file spells it (text scales only). */
  words: Map<number, string> | null
  read: (row: SheetRow) => { value: number | null; isNumber: boolean }
}

const labelKey = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ')

/** How a word missing from the file is spelt: the way the file spells its other words (all caps, Title Case). */
function spell(label: string, known: readonly string[]): string {
  if (known.length > 0 && known.every((w) => w === w.toUpperCase())) return label.toUpperCase()
  if (known.length > 0 && known.every((w) => /^\p{Lu}/u.test(w)))
    return label.replace(/(^|\s)(\p{L})/gu, (_m, space: string, first: string) => space + first.toUpperCase())
  return label
}

export function ratingColumn(
  rows: readonly SheetRow[],
  column: number,
  recorded: ImportScale | null,
  fallback: { min: number; max: number } | null,
): RatingColumn | null {
  const texts = rows
    .map((r) => cellAt(r, column))
    .filter((c) => c !== null && c.text !== null && !c.isNumber && !/^[\d.,\s%-]+$/.test(c.text ?? ''))
    .map((c) => (c?.text ?? '').trim())
  const detected = recorded?.labels ? null : texts.length > 0 ? detectTextScale(texts) : null
  const scale: ImportScale | null =
    recorded && (recorded.labels || texts.length === 0)
      ? recorded
      : detected
        ? {
            min: detected.min,
            max: detected.max,
            ...(detected.labels ? { labels: { ...detected.labels } } : {}),
          }
        : (recorded ?? fallback)
  if (!scale || scale.max <= scale.min) return null
  const labels = scale.labels ? new Map(Object.entries(scale.labels).map(([k, v]) => [labelKey(k), v])) : null
  let words: Map<number, string> | null = null
  let values: number[]
  if (labels) {
    words = new Map()
    for (const text of texts) {
      const value = labels.get(labelKey(text))
      if (value !== undefined && !words.has(value)) words.set(value, text)
    }
    const spelt = [...words.values()]
    for (const [label, value] of Object.entries(scale.labels ?? {}))
      if (!words.has(value)) words.set(value, spell(label, spelt))
    values = [...new Set(labels.values())]
  } else {
    values = []
    for (let v = Math.ceil(scale.min); v <= scale.max; v++) values.push(v)
  }
  return {
    column,
    scale,
    values,
    words,
    read: (row) => {
      const cell = cellAt(row, column)
      if (cell === null || cell.text === null || cell.text.trim() === '')
        return { value: null, isNumber: !labels }
      const number = Number(cell.text.replace(',', '.'))
      if (cell.isNumber || /^[\d.,\s-]+$/.test(cell.text))
        return { value: Number.isFinite(number) ? number : null, isNumber: cell.isNumber }
      return { value: labels?.get(labelKey(cell.text)) ?? null, isNumber: false }
    },
  }
}

/** The cell to write for a calibrated value, or null when the cell already says it. */
export function ratingWrite(
  rating: RatingColumn,
  row: SheetRow,
  target: Level,
  tierOf: TierOf,
): CellPatch | null {
  const { value: original, isNumber } = rating.read(row)
  const value = calibratedRating(original, target, rating.values, tierOf)
  if (value === null || value === original) return null
  const word = rating.words?.get(value)
  if (word !== undefined && !isNumber) return { write: { kind: 'text', value: safeCellText(word) } }
  return { write: { kind: 'number', value } }
}
