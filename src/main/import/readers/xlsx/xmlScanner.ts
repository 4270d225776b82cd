import { message } from '../../../../shared/i18n/translate'
import { FileFormatError } from '../types'

/**
 * What a scanner reports. `open` gets the element's local name (a prefix such as `x:` dropped) and the raw text of
 * its attributes, which `attribute()` reads only for the few elements that need them — a sheet has millions of
 * tags, and most are passed over without building anything.
 */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void
  close(name: string): void
  /** Decoded character data; only delivered while `capturing` is true. */
  text(text: string): void
  readonly capturing: boolean
}

/** A tag longer than this is not spreadsheet XML; holding it whole would let one tag take the worker's memory. */
const MAX_TAG_CHARS = 1024 * 1024
/** Spreadsheet XML nests a dozen levels; a stack of millions would only be an attack on the worker's memory. */
const MAX_DEPTH = 256
/** Captured text is handed over in pieces beyond this, so the handler can refuse an over-long cell early. */
const MAX_PENDING_TEXT = 64 * 1024

export function badXml(part: string, detail: string): FileFormatError {
  return new FileFormatError(
    'CORRUPT_FILE',
    message('import.errors.badXml', { detail: `${part}: ${detail}` }),
  )
}

/**
 * Character data as an XML parser reports it: line ends normalised to \n (XML 1.0 §2.11 — a literal CR LF in the
 * file is one line break, while &#13; or _x000D_ is a real carriage return), then the five predefined entities and
 * character references decoded; any other entity would need a DTD, which is refused.
 */
export function decodeEntities(raw: string, part: string): string {
  const text = raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n')
  let amp = text.indexOf('&')
  if (amp === -1) return text
  let out = ''
  let last = 0
  while (amp !== -1) {
    const semi = text.indexOf(';', amp)
    if (semi === -1 || semi - amp > 12) throw badXml(part, 'an unfinished entity reference')
    const name = text.slice(amp + 1, semi)
    let decoded: string
    switch (name) {
      case 'amp':
        decoded = '&'
        break
      case 'lt':
        decoded = '<'
        break
      case 'gt':
        decoded = '>'
        break
      case 'quot':
        decoded = '"'
        break
      case 'apos':
        decoded = "'"
        break
      default: {
        const code =
          name.charCodeAt(0) === 35 /* # */
            ? name.charCodeAt(1) === 120 /* x */
              ? /^#x[0-9a-fA-F]+$/.test(name)
                ? parseInt(name.slice(2), 16)
                : NaN
              : /^#[0-9]+$/.test(name)
                ? parseInt(name.slice(1), 10)
                : NaN
            : NaN
        if (!(code >= 0 && code <= 0x10ffff)) throw badXml(part, `the undeclared entity &${name};`)
        decoded = String.fromCodePoint(code)
      }
    }
    out += text.slice(last, amp) + decoded
    last = semi + 1
    amp = text.indexOf('&', last)
  }
  return out + text.slice(last)
}

/** The value of attribute `name` (qualified as written, e.g. `r` or `r:id`) in an element's attribute text. */
export function attribute(attributes: string, name: string, part: string): string | undefined {
  const n = attributes.length
  let i = 0
  while (i < n) {
    let c = attributes.charCodeAt(i)
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++
      continue
    }
    const eq = attributes.indexOf('=', i)
    if (eq === -1) return undefined
    let nameEnd = eq
    while (nameEnd > i && isSpace(attributes.charCodeAt(nameEnd - 1))) nameEnd--
    let q = eq + 1
    while (q < n && isSpace(attributes.charCodeAt(q))) q++
    c = attributes.charCodeAt(q)
    if (c !== 34 && c !== 39) throw badXml(part, 'an attribute value without quotes')
    const end = attributes.indexOf(c === 34 ? '"' : "'", q + 1)
    if (end === -1) throw badXml(part, 'an unterminated attribute value')
    if (nameEnd - i === name.length && attributes.startsWith(name, i)) {
      return decodeEntities(attributes.slice(q + 1, end), part)
    }
    i = end + 1
  }
  return undefined
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13

function isBlankText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false
  return true
}

/**
 * A streaming, non-validating XML scanner for the parts of a workbook: it checks what makes XML well-formed (tags
 * nest and close, one root, no text outside it, entities are the predefined ones) and refuses any DOCTYPE, so an
 * entity bomb or external entity never gets a parser to expand it. Feed it decoded text in chunks of any size.
 */
export class XmlScanner {
  private pending = ''
  private readonly stack: string[] = []
  private sawRoot = false

  constructor(
    private readonly part: string,
    private readonly handler: XmlHandler,
  ) {}

  feed(chunk: string): void {
    const s = this.pending.length > 0 ? this.pending + chunk : chunk
    this.pending = ''
    const n = s.length
    const handler = this.handler
    const stack = this.stack
    let i = 0
    while (i < n) {
      const lt = s.indexOf('<', i)
      if (lt === -1) {
        this.trailingText(s, i)
        return
      }
      if (lt > i) this.textBetween(s, i, lt)
      i = lt
      if (lt + 1 >= n) break
      const c1 = s.charCodeAt(lt + 1)
      if (c1 === 47 /* / */) {
        const gt = s.indexOf('>', lt + 2)
        if (gt === -1) break
        let nameEnd = gt
        while (isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--
        const name = s.slice(lt + 2, nameEnd)
        const open = stack.pop()
        if (open !== name) {
          throw badXml(
            this.part,
            open === undefined ? `a closing </${name}> with nothing open` : `</${name}> closes <${open}>`,
          )
        }
        const colon = name.indexOf(':')
        handler.close(colon === -1 ? name : name.slice(colon + 1))
        i = gt + 1
        continue
      }
      if (c1 === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2)
        if (end === -1) break
        i = end + 2
        continue
      }
      if (c1 === 33 /* ! */) {
        if (n - lt < 9) break
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4)
          if (end === -1) break
          i = end + 3
          continue
        }
        if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9)
          if (end === -1) break
          if (stack.length === 0) throw badXml(this.part, 'character data outside the root element')
          if (handler.capturing) {
            const data = s.slice(lt + 9, end)
            handler.text(data.indexOf('\r') === -1 ? data : data.replace(/\r\n?/g, '\n'))
          }
          i = end + 3
          continue
        }
        const declaration = s.slice(lt + 2, lt + 9).toUpperCase()
        if (declaration.startsWith('DOCTYPE') || declaration.startsWith('ENTITY')) {
          throw new FileFormatError('SUSPICIOUS_XML', message('import.errors.doctype', { part: this.part }))
        }
        throw badXml(this.part, `an unknown declaration <!${s.slice(lt + 2, lt + 9)}`)
      }
      // An opening tag: its name, then attributes up to a '>' outside quotes ('>' is legal inside a value).
      let j = lt + 1
      while (j < n) {
        const c = s.charCodeAt(j)
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break
        j++
      }
      let k = j
      let quote = 0
      for (; k < n; k++) {
        const c = s.charCodeAt(k)
        if (quote !== 0) {
          if (c === quote) quote = 0
        } else if (c === 62 /* > */) break
        else if (c === 34 || c === 39) quote = c
        else if (c === 60 /* < */) throw badXml(this.part, `a '<' inside the tag <${s.slice(lt + 1, j)}>`)
      }
      if (k >= n) break
      if (j === lt + 1) throw badXml(this.part, 'a tag without a name')
      const name = s.slice(lt + 1, j)
      const selfClosing = s.charCodeAt(k - 1) === 47 && k - 1 >= j
      if (stack.length === 0) {
        if (this.sawRoot) throw badXml(this.part, `a second root element <${name}>`)
        this.sawRoot = true
      }
      if (!selfClosing) {
        if (stack.length >= MAX_DEPTH) throw badXml(this.part, `elements nested more than ${MAX_DEPTH} deep`)
        stack.push(name)
      }
      const colon = name.indexOf(':')
      handler.open(
        colon === -1 ? name : name.slice(colon + 1),
        s.slice(j, selfClosing ? k - 1 : k),
        selfClosing,
      )
      i = k + 1
    }
    if (i < n) {
      if (n - i > MAX_TAG_CHARS) throw badXml(this.part, 'a tag longer than 1 MB')
      this.pending = s.slice(i)
    }
  }

  /** Text after the last tag of a chunk: captured text waits for the rest (up to a point), other text is checked. */
  private trailingText(s: string, from: number): void {
    if (!this.handler.capturing) {
      this.textBetween(s, from, s.length)
      return
    }
    if (s.length - from <= MAX_PENDING_TEXT) {
      this.pending = s.slice(from)
      return
    }
    // Hand over all but a possibly cut entity reference, so a huge cell is measured (and refused) as it streams.
    const amp = s.lastIndexOf('&')
    let cut = amp >= from && s.indexOf(';', amp) === -1 ? amp : s.length
    if (s.charCodeAt(cut - 1) === 13) cut-- // a CR whose LF may start the next chunk
    this.handler.text(decodeEntities(s.slice(from, cut), this.part))
    this.pending = s.slice(cut)
  }

  private textBetween(s: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      if (!isBlankText(s, from, to)) throw badXml(this.part, 'text outside the root element')
      return
    }
    if (this.handler.capturing) this.handler.text(decodeEntities(s.slice(from, to), this.part))
  }

  /** After the last chunk: everything opened must have closed. */
  end(): void {
    if (
      this.pending.length > 0 &&
      (this.stack.length > 0 || !isBlankText(this.pending, 0, this.pending.length))
    ) {
      throw badXml(this.part, 'the part ends inside a tag')
    }
    if (this.stack.length > 0) throw badXml(this.part, `the part ends before </${this.stack.at(-1) ?? ''}>`)
    if (!this.sawRoot) throw badXml(this.part, 'no root element')
  }
}
