import { writeFileSync } from 'node:fs'
import { crc32, deflateRawSync } from 'node:zlib'
import { inspectZip, readZipEntryHead } from '../../src/main/import/readers/zipInspector'

export interface ZipPart {
  name: string
  data: Buffer
  /** What the headers claim the part inflates to; a zip bomb claims less than it holds. */
  declaredSize?: number
}

/** The parts of a (small, all-XML) zip such as a workbook exceljs wrote. */
export function readZipParts(path: string): ZipPart[] {
  return inspectZip(path).map((entry) => ({
    name: entry.name,
    data: Buffer.from(readZipEntryHead(path, entry, entry.uncompressedSize), 'utf8'),
  }))
}

/** Writes a deflated zip from parts, with whatever sizes they declare: for crafting hostile archives in tests. */
export function writeZip(path: string, parts: readonly ZipPart[]): void {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8')
    const compressed = deflateRawSync(part.data)
    const declared = part.declaredSize ?? part.data.length
    const crc = crc32(part.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(declared, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(declared, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, compressed)
    centrals.push(central, name)
    offset += 30 + name.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  writeFileSync(path, Buffer.concat([...locals, directory, end]))
}
