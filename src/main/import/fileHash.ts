import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/**
 * A file's sha256, read as a stream in 1 MiB chunks: what identifies an imported file (a repeat import, the
 * workbook a calibration is written back into).
 */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
    hash.update(chunk)
  return hash.digest('hex')
}
