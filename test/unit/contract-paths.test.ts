import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { contract } from '../../src/shared/contract'
import type { MethodSpec } from '../../src/shared/contract/define'
import { pathFields } from '../../src/shared/contract/pathFields'

describe('file paths in the contract', () => {
  it('every method whose input names a file declares where its paths may point over HTTP', () => {
    const undeclared = Object.entries(contract)
      .filter(([, spec]) => pathFields(spec.input).length > 0 && (spec as MethodSpec).paths === undefined)
      .map(
        ([method, spec]) =>
          `${method} (${pathFields(spec.input)
            .map((f) => f.join('.'))
            .join(', ')})`,
      )
    expect(undeclared).toEqual([])
  })

  it('finds path-like fields however they are wrapped, and leaves names and other strings alone', () => {
    const schema = z
      .object({
        path: z.string().min(1).optional(),
        out: z.string().default('x'),
        into: z.string().nullable(),
        backup: z.string(),
        keepBackup: z.boolean(),
        fileName: z.string(),
        name: z.string(),
        count: z.number(),
        target: z.number(),
        nested: z.object({ reportFile: z.string(), directory: z.string().optional() }).default({
          reportFile: 'a',
        }),
        many: z.array(z.object({ folder: z.string() })),
        either: z.union([z.object({ destination: z.string() }), z.object({ other: z.string() })]),
      })
      .strict()
    expect(pathFields(schema).map((f) => f.join('.'))).toEqual([
      'path',
      'out',
      'into',
      'backup',
      'nested.reportFile',
      'nested.directory',
      'many.*.folder',
      'either.destination',
    ])
  })

  it('knows the methods that name files today, each with its policy', () => {
    const declared = Object.fromEntries(
      Object.entries(contract)
        .filter(([, spec]) => pathFields(spec.input).length > 0)
        .map(([method, spec]) => [method, (spec as MethodSpec).paths]),
    )
    expect(declared).toMatchObject({
      'import.preview': 'staged',
      'import.commit': 'staged',
      'skills.importOntology': 'staged',
      'settings.export': 'dialog-only',
      'calibration.export': 'dialog-only',
      'workspace.open': 'data-dir',
      'workspace.backup': 'data-dir',
    })
  })
})
