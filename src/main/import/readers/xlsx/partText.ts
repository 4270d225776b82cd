import { StringDecoder } from 'node:string_decoder'
import { inflateEntry, type ZipEntry } from '../zipInspector'

/**
 * A part's text, decoded from UTF-8 as it inflates (a character split between chunks is joined), without a BOM.
 * Inflation is counted against the size the zip directory declares (see inflateEntry).
 */
export async function* partText(path: string, entry: ZipEntry, signal?: AbortSignal): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  let first = true
  for await (const chunk of inflateEntry(path, entry, signal)) {
    let text = decoder.write(chunk)
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      first = false
    }
    if (text.length > 0) yield text
  }
  const rest = decoder.end()
  if (rest.length > 0) yield rest
}
