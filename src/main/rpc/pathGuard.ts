import { existsSync, realpathSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { contract, type MethodName } from '../../shared/contract'
import type { MethodSpec } from '../../shared/contract/define'
import { pathFields } from '../../shared/contract/pathFields'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'

export interface PathConfinement {
  /** The data directory: the one place `data-dir` methods may reach over HTTP. */
  dataDirectory: string
  /** Whether a path is a file the host staged from an upload and still holds. */
  isStaged(path: string): boolean
}

/**
 * Where a path really leads: symlinks resolved for the part that exists (a file not yet written, such as a new
 * backup, resolves through its folder). Paths with a `..` segment never get here, so the part that does not exist
 * yet cannot climb out either.
 */
function realLocation(path: string): string {
  let existing = path
  const rest: string[] = []
  while (!existsSync(existing)) {
    const parent = dirname(existing)
    if (parent === existing) break
    rest.unshift(basename(existing))
    existing = parent
  }
  return join(realpathSync(existing), ...rest)
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

function valuesAt(value: unknown, keys: readonly string[]): unknown[] {
  if (keys.length === 0) return [value]
  if (typeof value !== 'object' || value === null) return []
  const [head, ...tail] = keys
  const children = head === '*' ? Object.values(value) : [(value as Record<string, unknown>)[head!]]
  return children.flatMap((child) => valuesAt(child, tail))
}

const FIELDS = new Map(
  Object.entries(contract).map(([method, spec]) => [method, pathFields(spec.input)] as const),
)

/**
 * The browser host's rule for file paths (see `PathPolicy` in the contract): a method's path-like fields are checked
 * against the policy its contract entry declares, after the input has parsed. Throws `PATH_NOT_ALLOWED` naming the
 * field; a method without path-like fields passes untouched.
 */
export function confinePaths(method: MethodName, input: unknown, confinement: PathConfinement): void {
  const policy = (contract[method] as MethodSpec).paths
  for (const field of FIELDS.get(method) ?? []) {
    for (const value of valuesAt(input, field)) {
      if (typeof value !== 'string') continue
      const details = { method, field: field.join('.'), path: value, policy: policy ?? 'dialog-only' }
      if (policy === undefined || policy === 'dialog-only')
        throw new AppError('PATH_NOT_ALLOWED', message('common.paths.dialogOnly', { method }), details)
      const climbs = value.split(/[\\/]/).includes('..')
      if (policy === 'staged') {
        if (climbs || !confinement.isStaged(value))
          throw new AppError(
            'PATH_NOT_ALLOWED',
            message('common.paths.notStaged', { method, path: value }),
            details,
          )
        continue
      }
      const root = realpathSync(resolve(confinement.dataDirectory))
      if (climbs || !isAbsolute(value) || !inside(root, realLocation(value)))
        throw new AppError(
          'PATH_NOT_ALLOWED',
          message('common.paths.outsideDataDirectory', { method, path: value, directory: root }),
          details,
        )
    }
  }
}
