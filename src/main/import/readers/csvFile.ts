import Papa from 'papaparse'
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs'
import { Transform } from 'node:stream'
import type { Cell } from '../../../core/import/cells'
import { FileFormatError, type SourceRow, type TableFile } from './types'
import { EXCEL_MAX_CELL_CHARS } from './xlsx/sheetRows'
import { message } from '../../../shared/i18n/translate'

const SNIFF_BYTES = 64 * 1024
const DELIMITERS = [',', ';', '\t', '|'] as const

function sniff(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

/**
 * Byte-order marks decide; without one, text that is not valid UTF-8 is taken as Windows-1252, which is what
 * Excel on Windows writes for "CSV" and what every byte sequence decodes as.
 */
export function detectEncoding(head: Buffer): { encoding: string; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  const sample = head.subarray(0, 512)
  const zerosAtOdd = sample.filter((b, i) => i % 2 === 1 && b === 0).length
  if (sample.length > 16 && zerosAtOdd > sample.length / 4) return { encoding: 'utf-16le', bomLength: 0 }
  try {
    // A multi-byte character may be cut at the end of the sample; drop up to 3 trailing bytes before judging.
    let end = head.length
    while (end > head.length - 4 && end > 0 && ((head[end - 1] ?? 0) & 0xc0) === 0x80) end--
    if (end > 0 && (head[end - 1] ?? 0) >= 0xc0) end--
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end))
    return { encoding: 'utf-8', bomLength: 0 }
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 }
  }
}

/** Picks the delimiter that splits the first lines (outside quotes) into the same number of fields, most often. */
export function detectDelimiter(text: string): string {
  const lines: string[] = []
  let current = ''
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    if ((ch === '\n' || ch === '\r') && !quoted) {
      if (current.length > 0) lines.push(current)
      current = ''
      if (lines.length >= 20) break
      continue
    }
    current += ch
  }
  if (current.length > 0 && lines.length < 20) lines.push(current)
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 }
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => {
      let n = 0
      let inQuotes = false
      for (const ch of line) {
        if (ch === '"') inQuotes = !inQuotes
        else if (ch === delimiter && !inQuotes) n++
      }
      return n
    })
    const first = counts[0] ?? 0
    if (first === 0) continue
    const consistent = counts.filter((c) => c === first).length
    const score = consistent * 1000 + first
    if (score > best.score) best = { delimiter, score }
  }
  return best.delimiter
}

/**
 * Decodes the file as it streams. UTF-16 is decoded strictly: a broken surrogate pair means the file is not the
 * UTF-16 text it claims to be, and silently turning it into U+FFFD would store damaged names. (UTF-8 stays lenient:
 * a Windows-1252 accent after the sniffed head is more likely than a broken file.) Lines are counted so the refusal
 * names the row.
 */
function decoderStream(encoding: string, bomLength: number): Transform {
  const strict = encoding.startsWith('utf-16')
  const decoder = new TextDecoder(encoding === 'utf-16be' ? 'utf-16be' : encoding, { fatal: strict })
  let skip = bomLength
  let lines = 0
  const decode = (bytes?: Buffer): string => {
    try {
      const text = bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true })
      if (strict) for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++
      return text
    } catch {
      // Which line: the same bytes decoded leniently show where the broken character sits.
      const lenient = bytes === undefined ? '' : new TextDecoder(decoder.encoding).decode(bytes)
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')))
      const row = lines + 1 + (before.match(/\n/g)?.length ?? 0)
      throw new FileFormatError('NOT_TEXT', message('import.errors.badUtf16', { row }))
    }
  }
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let bytes = chunk
      if (skip > 0) {
        const cut = Math.min(skip, bytes.length)
        bytes = bytes.subarray(cut)
        skip -= cut
      }
      try {
        done(null, decode(bytes))
      } catch (error) {
        done(error as Error)
      }
    },
    flush(done) {
      try {
        done(null, decode())
      } catch (error) {
        done(error as Error)
      }
    },
  })
}

export interface CsvOptions {
  delimiter?: string | null
  encoding?: string | null
}

/** Opens a CSV/TSV file: sniffs encoding and delimiter from its first 64 KiB, then streams records. */
export function openCsvFile(path: string, options: CsvOptions = {}): TableFile {
  if (statSync(path).size === 0) throw new FileFormatError('EMPTY_FILE', message('import.errors.empty'))
  const head = sniff(path)
  const detected = detectEncoding(head)
  const encoding = options.encoding ?? detected.encoding
  const bomLength = options.encoding ? 0 : detected.bomLength
  const sample = new TextDecoder(encoding).decode(head.subarray(bomLength))
  // Text has no NUL bytes (outside UTF-16) and few control characters; images, zips and databases have many.
  const controls = [...sample].filter((c) => c.charCodeAt(0) < 0x20 && !'\t\r\n'.includes(c)).length
  if ((!encoding.startsWith('utf-16') && head.includes(0)) || controls > Math.max(2, sample.length * 0.01)) {
    throw new FileFormatError('NOT_TEXT', message('import.errors.notText'))
  }
  const delimiter = options.delimiter ?? detectDelimiter(sample)

  return {
    format: 'csv',
    sheets: [{ name: '', rowCount: null, hidden: false }],
    encoding,
    delimiter,
    date1904: null,
    async *rows(_sheet, signal): AsyncIterable<SourceRow> {
      // Papa's chunk callback hands over a few thousand records at a time; iterating its stream record by record
      // costs a promise per row, which was most of the time on a 1M-row file.
      const queue: string[][][] = []
      let finished = false
      let failure: unknown = null
      let wake: (() => void) | null = null
      let parser: Papa.Parser | null = null
      let paused = false
      const notify = (): void => {
        wake?.()
        wake = null
      }
      const source = createReadStream(path, { highWaterMark: 256 * 1024 })
      const decoded = source.pipe(decoderStream(encoding, bomLength))
      decoded.on('error', (error) => {
        failure = error
        notify()
      })
      Papa.parse(decoded as unknown as File, {
        delimiter,
        skipEmptyLines: false,
        header: false,
        chunk: (results: Papa.ParseResult<string[]>, chunkParser: Papa.Parser) => {
          parser = chunkParser
          queue.push(results.data)
          if (queue.length >= 8 && !paused) {
            paused = true
            chunkParser.pause()
          }
          notify()
        },
        complete: () => {
          finished = true
          notify()
        },
        error: (error: Error) => {
          failure = error
          notify()
        },
      })
      let row = 0
      let header: string[] = []
      try {
        for (;;) {
          signal?.throwIfAborted()
          const batch = queue.shift()
          if (batch) {
            if (paused && queue.length < 2) {
              paused = false
              ;(parser as Papa.Parser | null)?.resume()
            }
            // A trailing newline yields one empty record; blank lines stay (and are skipped as blank rows later).
            for (const record of batch) {
              row++
              // Excel's cell limit holds for CSV too: a longer cell could be stored but never exported again.
              for (let column = 0; column < record.length; column++)
                if ((record[column] ?? '').length > EXCEL_MAX_CELL_CHARS)
                  throw new FileFormatError(
                    'CELL_TOO_LONG',
                    message('import.errors.csvCellTooLong', {
                      row: String(row),
                      column: String(column + 1),
                      header: header[column] ?? '',
                      length: (record[column] ?? '').length,
                      max: EXCEL_MAX_CELL_CHARS,
                    }),
                  )
              if (row === 1) header = record
              yield { row, cells: record as Cell[] }
            }
            continue
          }
          if (failure) throw failure
          if (finished) return
          await new Promise<void>((resolve) => (wake = resolve))
        }
      } finally {
        source.destroy()
      }
    },
  }
}
