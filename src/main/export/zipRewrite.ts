import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { dataStartOf, type ZipEntry } from '../import/readers/zipInspector'

const LOCAL_SIGNATURE = 0x04034b50
const CENTRAL_SIGNATURE = 0x02014b50
const END_SIGNATURE = 0x06054b50
/** Bit 3: sizes and CRC follow the data. A copy writes them in the header instead, so the bit is cleared. */
const DATA_DESCRIPTOR_FLAG = 0x0008
const COPY_CHUNK = 1024 * 1024

/** One entry inflated whole (never past the size the directory declares for it). */
export function readZipEntry(path: string, entry: ZipEntry): Buffer {
  const fd = openSync(path, 'r')
  try {
    const start = dataStartOf(fd, entry)
    const compressed = Buffer.alloc(entry.compressedSize)
    readSync(fd, compressed, 0, entry.compressedSize, start)
    if (entry.method === 0) return compressed
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) })
  } finally {
    closeSync(fd)
  }
}

interface Written {
  entry: ZipEntry
  flags: number
  method: number
  crc: number
  compressedSize: number
  uncompressedSize: number
  offset: number
}

/**
 * Writes a copy of a zip in which the named entries get new contents (deflated) and every other entry keeps its
 * compressed bytes exactly as they were: nothing is inflated or re-encoded that is not replaced, so parts this code
 * knows nothing about (drawings, pivot caches, VBA) survive untouched. Sizes and CRCs come from the source's central
 * directory, which is right also when the source put them in data descriptors.
 */
export function rewriteZip(
  sourcePath: string,
  entries: readonly ZipEntry[],
  outPath: string,
  replacements: ReadonlyMap<string, Buffer>,
): void {
  const source = openSync(sourcePath, 'r')
  const out = openSync(outPath, 'w', 0o600)
  let position = 0
  let complete = false
  const write = (buffer: Buffer): void => {
    let done = 0
    while (done < buffer.length) done += writeSync(out, buffer, done, buffer.length - done, position + done)
    position += buffer.length
  }
  try {
    const written: Written[] = []
    for (const entry of [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)) {
      const replacement = replacements.get(entry.name)
      const name = Buffer.from(entry.name, 'utf8')
      const flags = entry.flags & ~DATA_DESCRIPTOR_FLAG
      const record: Written = replacement
        ? {
            entry,
            flags,
            method: 8,
            crc: crc32(replacement),
            compressedSize: 0,
            uncompressedSize: replacement.length,
            offset: position,
          }
        : {
            entry,
            flags,
            method: entry.method,
            crc: entry.crc32,
            compressedSize: entry.compressedSize,
            uncompressedSize: entry.uncompressedSize,
            offset: position,
          }
      const data = replacement ? deflateRawSync(replacement) : null
      if (data) record.compressedSize = data.length
      const local = Buffer.alloc(30)
      local.writeUInt32LE(LOCAL_SIGNATURE, 0)
      local.writeUInt16LE(20, 4)
      local.writeUInt16LE(record.flags, 6)
      local.writeUInt16LE(record.method, 8)
      local.writeUInt16LE(entry.modTime, 10)
      local.writeUInt16LE(entry.modDate, 12)
      local.writeUInt32LE(record.crc, 14)
      local.writeUInt32LE(record.compressedSize, 18)
      local.writeUInt32LE(record.uncompressedSize, 22)
      local.writeUInt16LE(name.length, 26)
      write(local)
      write(name)
      if (data) write(data)
      else {
        const start = dataStartOf(source, entry)
        const chunk = Buffer.alloc(Math.min(COPY_CHUNK, Math.max(1, entry.compressedSize)))
        for (let done = 0; done < entry.compressedSize;) {
          const read = readSync(
            source,
            chunk,
            0,
            Math.min(chunk.length, entry.compressedSize - done),
            start + done,
          )
          if (read <= 0) throw new Error(`${entry.name} ends early`)
          write(chunk.subarray(0, read))
          done += read
        }
      }
      written.push(record)
    }
    const directoryOffset = position
    for (const record of written) {
      const name = Buffer.from(record.entry.name, 'utf8')
      const central = Buffer.alloc(46)
      central.writeUInt32LE(CENTRAL_SIGNATURE, 0)
      central.writeUInt16LE(20, 4)
      central.writeUInt16LE(20, 6)
      central.writeUInt16LE(record.flags, 8)
      central.writeUInt16LE(record.method, 10)
      central.writeUInt16LE(record.entry.modTime, 12)
      central.writeUInt16LE(record.entry.modDate, 14)
      central.writeUInt32LE(record.crc, 16)
      central.writeUInt32LE(record.compressedSize, 20)
      central.writeUInt32LE(record.uncompressedSize, 24)
      central.writeUInt16LE(name.length, 28)
      central.writeUInt32LE(record.offset, 42)
      write(central)
      write(name)
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(END_SIGNATURE, 0)
    end.writeUInt16LE(written.length, 8)
    end.writeUInt16LE(written.length, 10)
    end.writeUInt32LE(position - directoryOffset, 12)
    end.writeUInt32LE(directoryOffset, 16)
    write(end)
    complete = true
  } finally {
    closeSync(source)
    closeSync(out)
    // Half a workbook is no workbook: a failed copy leaves nothing behind.
    if (!complete) rmSync(outPath, { force: true })
  }
}
