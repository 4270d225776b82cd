/**
 * JSON as LRS exports need reading it: objects without a prototype (so "__proto__" or "constructor" keys are just
 * data and can never reach Object.prototype), and duplicate keys found rather than silently resolved — JSON.parse
 * keeps the last of two "actor" keys, which hides a broken statement.
 */
export function parseJsonStrict(text: string): unknown {
  // A copy after a plain parse, not a reviver: the reviver is called for every value, strings and numbers too, and
  // made reading an LRS page six times slower than the parse itself.
  return withoutPrototypes(JSON.parse(text))
}

/**
 * A copy of a plain JSON.parse result whose objects have no prototype. The original is left as it was, so a caller
 * that parsed once can keep both: the plain objects for code that wants ordinary ones (the xAPI validator, hashing,
 * serialising) and the copy for everything else.
 */
export function withoutPrototypes(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(withoutPrototypes)
  const copy = Object.create(null) as Record<string, unknown>
  // JSON.parse defines "__proto__" as an own key; on an object without a prototype assigning it is data too.
  for (const key of Object.keys(value)) copy[key] = withoutPrototypes((value as Record<string, unknown>)[key])
  return copy
}

/**
 * Paths of keys that appear twice in the same object ("$[3].actor"), found with a small scanner over the text.
 * It assumes the text is valid JSON (JSON.parse runs first).
 */
export function findDuplicateKeys(text: string): string[] {
  const duplicates: string[] = []
  // Each open container: its path, its kind, the keys seen (objects) or the next index (arrays).
  const stack: {
    path: string
    keys: Set<string> | null
    index: number
    expectKey: boolean
    pendingKey: string | null
  }[] = []
  const childPath = (): string => {
    const top = stack[stack.length - 1]
    if (!top) return '$'
    return top.keys ? `${top.path}.${top.pendingKey ?? '?'}` : `${top.path}[${top.index}]`
  }
  let i = 0
  while (i < text.length) {
    const ch = text.charCodeAt(i)
    if (ch === QUOTE) {
      const end = closingQuote(text, i + 1)
      const top = stack[stack.length - 1]
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i + 1, end)
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
        if (top.keys.has(key)) duplicates.push(`${top.path}.${key}`)
        top.keys.add(key)
        top.pendingKey = key
        top.expectKey = false
      }
      i = end + 1
      continue
    }
    if (ch === OPEN_OBJECT || ch === OPEN_ARRAY) {
      stack.push({
        path: childPath(),
        keys: ch === OPEN_OBJECT ? new Set() : null,
        index: 0,
        expectKey: ch === OPEN_OBJECT,
        pendingKey: null,
      })
    } else if (ch === CLOSE_OBJECT || ch === CLOSE_ARRAY) {
      stack.pop()
    } else if (ch === COMMA) {
      const top = stack[stack.length - 1]
      if (top?.keys) top.expectKey = true
      else if (top) top.index++
    }
    i++
  }
  return duplicates
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

/**
 * Where the string that starts at `from` (after its opening quote) ends: the next quote not escaped, i.e. after
 * an even run of backslashes. Found with indexOf rather than a character at a time; the text's end if there is none.
 */
function closingQuote(text: string, from: number): number {
  for (let at = from; ;) {
    const quote = text.indexOf('"', at)
    if (quote === -1) return text.length
    let backslashes = 0
    while (quote - backslashes - 1 >= from && text.charCodeAt(quote - backslashes - 1) === BACKSLASH)
      backslashes++
    if (backslashes % 2 === 0) return quote
    at = quote + 1
  }
}
