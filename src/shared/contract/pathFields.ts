import type { z } from 'zod'

/**
 * Names of input fields that hold a file or folder location. Deliberately wide: a false hit only asks a method to
 * declare its `paths` policy, a miss would let a path through the browser host unchecked. `fileName` is a name,
 * not a location (the host keeps only its last segment), so it is not one of them.
 */
const PATH_LIKE =
  /^(path|paths|out|output|file|files|into|dir|directory|folder|dest|destination|target|backup)$|(Path|Paths|File|Dir|Directory|Folder)$/

export const isPathLikeName = (name: string): boolean => PATH_LIKE.test(name)

interface SchemaDef {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  options?: readonly z.ZodType[]
  element?: z.ZodType
  valueType?: z.ZodType
  left?: z.ZodType
  right?: z.ZodType
  getter?: () => z.ZodType
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { def: SchemaDef }).def

/** Whether a schema can hold a string (a path) somewhere, looking through optional, default, unions and the like. */
function holdsString(schema: z.ZodType, seen: Set<z.ZodType>): boolean {
  if (seen.has(schema)) return false
  seen.add(schema)
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
    case 'unknown':
    case 'any':
      return true
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? holdsString(def.innerType, seen) : false
    case 'pipe':
      return [def.in, def.out].some((s) => s !== undefined && holdsString(s, seen))
    case 'union':
      return (def.options ?? []).some((s) => holdsString(s, seen))
    case 'array':
      return def.element ? holdsString(def.element, seen) : false
    case 'lazy':
      return def.getter ? holdsString(def.getter(), seen) : false
    default:
      return false
  }
}

/**
 * Every path-like field of an input schema, as a list of keys from the top (`*` for an array element or record
 * value), e.g. `[['path']]` for `{ path?: string }`. The browser host checks exactly these fields, and a unit
 * test requires a `paths` policy on every method that has any.
 */
export function pathFields(schema: z.ZodType): string[][] {
  const found: string[][] = []
  const walk = (node: z.ZodType, at: string[], seen: Set<z.ZodType>): void => {
    if (seen.has(node)) return
    const next = new Set(seen).add(node)
    const def = defOf(node)
    switch (def.type) {
      case 'object':
        for (const [key, value] of Object.entries(def.shape ?? {})) {
          if (isPathLikeName(key) && holdsString(value, new Set())) found.push([...at, key])
          walk(value, [...at, key], next)
        }
        return
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        if (def.innerType) walk(def.innerType, at, next)
        return
      case 'pipe':
        if (def.in) walk(def.in, at, next)
        return
      case 'union':
        for (const option of def.options ?? []) walk(option, at, next)
        return
      case 'intersection':
        if (def.left) walk(def.left, at, next)
        if (def.right) walk(def.right, at, next)
        return
      case 'array':
        if (def.element) walk(def.element, [...at, '*'], next)
        return
      case 'record':
        if (def.valueType) walk(def.valueType, [...at, '*'], next)
        return
      case 'lazy':
        if (def.getter) walk(def.getter(), at, next)
        return
      default:
        return
    }
  }
  walk(schema, [], new Set())
  // A field reached through several union options is reported once.
  const unique = new Map(found.map((f) => [f.join('.'), f]))
  return [...unique.values()]
}
