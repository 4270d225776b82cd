import xapiValidation from '@learninglocker/xapi-validation'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { isCommonValidStatement } from '../../src/main/import/xapi/commonStatement'
import { checkPlainStatement } from '../../src/main/import/xapi/readStatements'
import { describeWithSharedData, sharedFile } from '../support/sharedData'

type Validate = (statement: unknown) => { name?: string; constructor: { name: string } }[]
const validate: Validate =
  typeof xapiValidation === 'function'
    ? (xapiValidation as unknown as Validate)
    : (xapiValidation as unknown as { default: Validate }).default
const warningNames = (s: unknown): string[] => validate(s).map((w) => w.name ?? w.constructor.name)
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** What an LRS page holds by the thousand: the shape the quick check is for. */
const lrsStatement = {
  id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee',
  actor: { objectType: 'Agent', name: 'Ann Lee', mbox: 'mailto:ann.lee@example.com' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  object: {
    objectType: 'Activity',
    id: 'https://lms.example.com/courses/safety',
    definition: {
      name: { 'en-US': 'Safety' },
      description: { 'en-GB': 'Safety at work' },
      type: 'http://adlnet.gov/expapi/activities/course',
      moreInfo: 'https://lms.example.com/safety',
      extensions: { 'https://lms.example.com/x/level': 2 },
    },
  },
  result: {
    score: { scaled: 0.8, raw: 80, min: 0, max: 100 },
    success: true,
    completion: true,
    response: 'done',
    duration: 'PT1H30M',
    extensions: { 'https://lms.example.com/x/attempts': 1 },
  },
  timestamp: '2026-03-01T10:00:00.000Z',
  stored: '2026-03-01T10:00:01.000Z',
  authority: { objectType: 'Agent', account: { homePage: 'https://lrs.example.com', name: 'client' } },
  version: '1.0.0',
}

/** Values that break some rule somewhere: wrong types, empty, out of range, lookalikes. */
const HOSTILE: unknown[] = [
  null,
  '',
  'x',
  'mailto:nobody',
  'not-a-uuid',
  'Group',
  'Agent',
  'StatementRef',
  'SubStatement',
  'http://adlnet.gov/expapi/verbs/voided',
  '2026-13-01T00:00:00Z',
  '2.0.0',
  'P1X',
  0,
  -2,
  2,
  0.5,
  200,
  true,
  false,
  {},
  [],
  { constructor: 1 },
  { 'en-US': 5 },
  { 'not a language!': 'x' },
]

/** Every variant of `statement` with one value replaced, one key removed, or one unknown key added anywhere. */
function* mutations(statement: Record<string, unknown>): Generator<unknown> {
  const paths: string[][] = []
  const walk = (value: unknown, path: string[]): void => {
    paths.push(path)
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], [...path, key])
  }
  walk(statement, [])
  const at = (root: unknown, path: string[]): Record<string, unknown> =>
    path.reduce((o, k) => (o as Record<string, unknown>)[k], root) as Record<string, unknown>
  for (const path of paths) {
    if (path.length === 0) continue
    const parent = path.slice(0, -1)
    const key = path[path.length - 1] as string
    for (const value of HOSTILE) {
      const variant = copy(statement)
      at(variant, parent)[key] = copy(value)
      yield variant
    }
    const removed = copy(statement)
    delete at(removed, parent)[key]
    yield removed
    const target = at(statement, path)
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      for (const extra of [
        'unknown',
        'mbox',
        'account',
        'openid',
        'mbox_sha1sum',
        'context',
        'interactionType',
      ])
        if (!Object.hasOwn(target, extra)) {
          const added = copy(statement)
          at(added, path)[extra] = 'mailto:x@example.com'
          yield added
        }
  }
}

it('accepts the common LRS shape quickly, as the full validator does', () => {
  expect(warningNames(lrsStatement)).toEqual([])
  expect(isCommonValidStatement(copy(lrsStatement))).toBe(true)
  const bare = {
    actor: { mbox: 'mailto:a@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/launched' },
    object: { id: 'https://lms.example.com/a' },
  }
  expect(isCommonValidStatement(bare)).toBe(true)
})

it('never says yes where the full validator finds a problem, and the problems reported are the validator’s own', () => {
  let quick = 0
  let invalid = 0
  for (const variant of mutations(lrsStatement)) {
    const names = warningNames(copy(variant))
    if (names.length > 0) invalid++
    if (isCommonValidStatement(copy(variant))) {
      quick++
      expect(names, JSON.stringify(variant)).toEqual([])
    }
    expect(checkPlainStatement(copy(variant)).map((p) => p.code).length).toBe(names.length)
  }
  // The mutations really do reach both answers.
  expect(invalid).toBeGreaterThan(300)
  expect(quick).toBeGreaterThan(20)
})

it('leaves voids, groups, contexts and objects without a constructor of Object to the full validator', () => {
  const voiding = copy(lrsStatement) as Record<string, unknown>
  voiding['verb'] = { id: 'http://adlnet.gov/expapi/verbs/voided' }
  expect(isCommonValidStatement(voiding)).toBe(false)
  expect(warningNames(voiding)).toEqual(['VoidWarning'])
  expect(checkPlainStatement(voiding).map((p) => p.code)).toEqual(['VOID'])
  const withContext = { ...copy(lrsStatement), context: { platform: 'LMS' } }
  expect(isCommonValidStatement(withContext)).toBe(false)
  const group = { ...copy(lrsStatement), actor: { objectType: 'Group', member: [] } }
  expect(isCommonValidStatement(group)).toBe(false)
  const noPrototype = Object.assign(Object.create(null) as object, copy(lrsStatement))
  expect(isCommonValidStatement(noPrototype)).toBe(false)
})

describeWithSharedData('the real statement files', () => {
  it('agree with the full validator statement by statement, and their mutations do too', () => {
    const dirs = ['xapi/lrs-conformance-v1_0_3-statements', 'xapi/datasim', 'xapi/berrycloud-xapi-java']
    const statements: Record<string, unknown>[] = []
    for (const dir of dirs)
      for (const name of readdirSync(sharedFile(dir)).filter((n) => n.endsWith('.json'))) {
        const parsed = JSON.parse(readFileSync(join(sharedFile(dir), name), 'utf8')) as unknown
        const list = Array.isArray(parsed)
          ? parsed
          : ((parsed as { statements?: unknown[] }).statements ?? [parsed])
        statements.push(...(list as Record<string, unknown>[]))
      }
    expect(statements.length).toBeGreaterThan(25)
    let quick = 0
    for (const statement of statements) {
      if (!isCommonValidStatement(copy(statement))) continue
      // The near misses of a statement the quick check takes are where it could go wrong.
      for (const variant of [statement, ...mutations(statement)]) {
        if (!isCommonValidStatement(copy(variant))) continue
        quick++
        expect(warningNames(copy(variant)), JSON.stringify(variant)).toEqual([])
      }
    }
    expect(quick).toBeGreaterThan(10)
  })
})
