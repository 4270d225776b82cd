/**
 * JSON as LRS exports need reading it: objects without a prototype (so "__proto__" or "constructor" keys are just
 * data and can never reach Object.prototype), and duplicate keys found rather than silently resolved — JSON.parse
 * keeps the last of two "actor" keys, which hides a broken statement.
 */
export function parseJsonStrict(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.assign(Object.create(null) as object, value)
      : value,
  )
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
    const ch = text[i]
    if (ch === '"') {
      let j = i + 1
      let value = ''
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          value += text.slice(j, j + 2)
          j += 2
        } else value += text[j++]
      }
      const top = stack[stack.length - 1]
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(`"${value}"`) as string
        if (top.keys.has(key)) duplicates.push(`${top.path}.${key}`)
        top.keys.add(key)
        top.pendingKey = key
        top.expectKey = false
      }
      i = j + 1
      continue
    }
    if (ch === '{' || ch === '[') {
      stack.push({
        path: childPath(),
        keys: ch === '{' ? new Set() : null,
        index: 0,
        expectKey: ch === '{',
        pendingKey: null,
      })
    } else if (ch === '}' || ch === ']') {
      stack.pop()
    } else if (ch === ',') {
      const top = stack[stack.length - 1]
      if (top?.keys) top.expectKey = true
      else if (top) top.index++
    }
    i++
  }
  return duplicates
}
