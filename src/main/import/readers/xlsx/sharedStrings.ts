import type { ZipEntry } from '../zipInspector'
import { partText } from './partText'
import { unescapeOoxml } from './ooxmlText'
import { XmlScanner, type XmlHandler } from './xmlScanner'

/**
 * xl/sharedStrings.xml: one string per <si>, its rich-text runs (<r><t>) joined; phonetic guides (<rPh>, the
 * furigana Excel keeps over Japanese text) are not part of the cell's text and are left out.
 */
class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = []
  capturing = false
  private current = ''
  private inItem = false
  private phoneticDepth = 0

  open(name: string, _attributes: string, selfClosing: boolean): void {
    if (selfClosing) {
      if (name === 'si') this.strings.push('')
      return
    }
    if (name === 'si') {
      this.inItem = true
      this.current = ''
    } else if (name === 'rPh') this.phoneticDepth++
    else if (name === 't' && this.inItem && this.phoneticDepth === 0) this.capturing = true
  }

  close(name: string): void {
    if (name === 't') this.capturing = false
    else if (name === 'rPh') this.phoneticDepth--
    else if (name === 'si') {
      this.strings.push(unescapeOoxml(this.current))
      this.inItem = false
    }
  }

  text(text: string): void {
    this.current += text
  }
}

export async function readSharedStrings(
  path: string,
  entry: ZipEntry,
  signal?: AbortSignal,
): Promise<string[]> {
  const handler = new SharedStringsHandler()
  const scanner = new XmlScanner(entry.name, handler)
  for await (const text of partText(path, entry, signal)) scanner.feed(text)
  scanner.end()
  return handler.strings
}
