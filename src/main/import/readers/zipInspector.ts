import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs'
import { constants, createInflateRaw, inflateRawSync } from 'node:zlib'
import { message } from '../../../shared/i18n/translate'
import { FileFormatError } from './types'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
  /** As the central directory records them, so a copy can carry an entry over without inflating it. */
  crc32: number
  flags: number
  modTime: number
  modDate: number
}

export const ZIP_LIMITS = {
  maxEntries: 10_000,
  /** Sum of the declared uncompressed sizes: a 1M-row sheet is about 400 MB of XML. */
  maxTotalUncompressed: 2 * 1024 ** 3,
  /** Spreadsheet XML compresses 10–30×; a bomb compresses hundreds or thousands of times. */
  maxRatio: 250,
  ratioAppliesAbove: 1024 * 1024,
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length)
  const read = readSync(fd, buffer, 0, length, position)
  return buffer.subarray(0, read)
}

/**
 * Reads a zip's central directory (names and declared sizes) without inflating anything, so an archive that
 * claims absurd sizes or ratios is refused before a parser ever touches it.
 */
export function inspectZip(path: string, limits = ZIP_LIMITS): ZipEntry[] {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    if (size < 22) throw new FileFormatError('NOT_XLSX', message('import.errors.tooSmall'))
    const tailLength = Math.min(size, 65_557) // EOCD (22 bytes) + the longest possible comment
    const tail = readAt(fd, size - tailLength, tailLength)
    let eocd = -1
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i
        break
      }
    }
    if (eocd < 0) throw new FileFormatError('NOT_XLSX', message('import.errors.notZip'))
    const count = tail.readUInt16LE(eocd + 10)
    const directorySize = tail.readUInt32LE(eocd + 12)
    const directoryOffset = tail.readUInt32LE(eocd + 16)
    if (count === 0xffff || directoryOffset === 0xffffffff) {
      throw new FileFormatError('SUSPICIOUS_ARCHIVE', message('import.errors.zip64'))
    }
    if (count > limits.maxEntries) {
      throw new FileFormatError(
        'SUSPICIOUS_ARCHIVE',
        message('import.errors.tooManyParts', { count: String(count) }),
      )
    }
    if (directoryOffset + directorySize > size) {
      throw new FileFormatError('CORRUPT_FILE', message('import.errors.directoryPastEnd'))
    }
    const directory = readAt(fd, directoryOffset, directorySize)
    const entries: ZipEntry[] = []
    let total = 0
    for (let offset = 0, i = 0; i < count; i++) {
      if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_SIGNATURE) {
        throw new FileFormatError('CORRUPT_FILE', message('import.errors.directoryUnreadable'))
      }
      const compressedSize = directory.readUInt32LE(offset + 20)
      const uncompressedSize = directory.readUInt32LE(offset + 24)
      const nameLength = directory.readUInt16LE(offset + 28)
      const extraLength = directory.readUInt16LE(offset + 30)
      const commentLength = directory.readUInt16LE(offset + 32)
      const name = directory.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
      const method = directory.readUInt16LE(offset + 10)
      const localHeaderOffset = directory.readUInt32LE(offset + 42)
      entries.push({
        name,
        method,
        compressedSize,
        uncompressedSize,
        localHeaderOffset,
        crc32: directory.readUInt32LE(offset + 16),
        flags: directory.readUInt16LE(offset + 8),
        modTime: directory.readUInt16LE(offset + 12),
        modDate: directory.readUInt16LE(offset + 14),
      })
      total += uncompressedSize
      if (
        uncompressedSize > limits.ratioAppliesAbove &&
        uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio
      ) {
        throw new FileFormatError(
          'SUSPICIOUS_ARCHIVE',
          message('import.errors.ratio', {
            part: name,
            ratio: String(Math.round(uncompressedSize / Math.max(1, compressedSize))),
          }),
        )
      }
      offset += 46 + nameLength + extraLength + commentLength
    }
    if (total > limits.maxTotalUncompressed) {
      throw new FileFormatError(
        'FILE_TOO_LARGE',
        message('import.errors.inflatesTo', {
          size: String(Math.round(total / 1024 ** 2)),
          limit: String(limits.maxTotalUncompressed / 1024 ** 2),
        }),
      )
    }
    return entries
  } finally {
    closeSync(fd)
  }
}

/** Where an entry's compressed bytes begin: after its local header, whose name and extra field lengths vary. */
export function dataStartOf(fd: number, entry: ZipEntry): number {
  const local = readAt(fd, entry.localHeaderOffset, 30)
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) {
    throw new FileFormatError('CORRUPT_FILE', message('import.errors.partMissing', { part: entry.name }))
  }
  return entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
}

/**
 * Streams one part's inflated bytes, counting them: the moment a part inflates past the size the zip directory
 * declares for it, the workbook is refused. The directory is written by whoever made the file, so a zip bomb can
 * declare modest sizes and pass `inspectZip`; counting the real bytes while reading is what makes those checks hold,
 * without a separate pass over the file.
 */
export async function* inflateEntry(
  path: string,
  entry: ZipEntry,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  if (entry.method !== 0 && entry.method !== 8)
    throw new FileFormatError('CORRUPT_FILE', message('import.errors.compression', { part: entry.name }))
  if (entry.compressedSize === 0) return
  const fd = openSync(path, 'r')
  let start: number
  try {
    start = dataStartOf(fd, entry)
  } finally {
    closeSync(fd)
  }
  const file = createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 256 * 1024,
  })
  const source = entry.method === 0 ? file : file.pipe(createInflateRaw({ chunkSize: 256 * 1024 }))
  if (source !== file) file.on('error', (error) => source.destroy(error))
  let inflated = 0
  try {
    for await (const chunk of source) {
      signal?.throwIfAborted()
      inflated += (chunk as Buffer).length
      if (inflated > entry.uncompressedSize) {
        throw new FileFormatError(
          'SUSPICIOUS_ARCHIVE',
          message('import.errors.inflatesPast', { part: entry.name, size: entry.uncompressedSize }),
        )
      }
      yield chunk as Buffer
    }
  } catch (error) {
    if (error instanceof FileFormatError || signal?.aborted) throw error
    throw new FileFormatError('CORRUPT_FILE', message('import.errors.cannotInflate', { part: entry.name }))
  } finally {
    source.destroy()
    file.destroy()
  }
}

/**
 * Inflates the start (at most `maxBytes`) of one entry: enough for workbook.xml, its relationships, or the
 * <dimension> element at the top of a sheet, without inflating the sheet itself.
 */
export function readZipEntryHead(path: string, entry: ZipEntry, maxBytes: number): string {
  const fd = openSync(path, 'r')
  try {
    const dataStart = dataStartOf(fd, entry)
    const compressed = readAt(fd, dataStart, Math.min(entry.compressedSize, maxBytes))
    if (entry.method === 0) return compressed.toString('utf8')
    if (entry.method !== 8)
      throw new FileFormatError('CORRUPT_FILE', message('import.errors.compression', { part: entry.name }))
    let input = compressed
    try {
      for (;;) {
        try {
          return inflateRawSync(input, {
            finishFlush: constants.Z_SYNC_FLUSH,
            maxOutputLength: maxBytes * 64,
          })
            .subarray(0, maxBytes)
            .toString('utf8')
        } catch (error) {
          // A start that inflates past 64× is read from less input: the elements we look for come first, and a
          // part that really is a bomb is refused when its bytes are counted (inflateEntry).
          if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE' || input.length < 2) throw error
          input = input.subarray(0, input.length >> 1)
        }
      }
    } catch {
      throw new FileFormatError('CORRUPT_FILE', message('import.errors.cannotInflate', { part: entry.name }))
    }
  } finally {
    closeSync(fd)
  }
}
