import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { findDuplicateKeys, parseJsonStrict } from '../../src/core/xapi/strictJson'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const CONFORMANCE = 'xapi/lrs-conformance-v1_0_3-statements'

describe('strict JSON for statements', () => {
  it('finds duplicate keys where JSON.parse keeps the last silently', () => {
    expect(findDuplicateKeys('[{"actor": 1, "verb": {"id": 2, "id": 3}}, {"actor": 1, "actor": 2}]')).toEqual(
      ['$[0].verb.id', '$[1].actor'],
    )
    expect(findDuplicateKeys('{"a": "x\\",\\"a", "b": {"a": 1}}')).toEqual([])
  })

  it('reads keys with escapes and strings with escaped quotes and backslashes as JSON does', () => {
    expect(findDuplicateKeys('{"a\\u0062": 1, "ab": 2, "c": "\\\\", "c": "\\"}"}')).toEqual(['$.ab', '$.c'])
    expect(findDuplicateKeys('[{"x": ["}", {"y": 1, "y": 2}]}, "\\\\\\"{"]')).toEqual(['$[0].x[1].y'])
  })

  it('gives objects without a prototype at every depth, inside arrays too', () => {
    const parsed = parseJsonStrict('{"a": [{"b": {"c": [1, {"d": null}]}}], "constructor": "x"}') as {
      a: { b: { c: [number, object] } }[]
      constructor: unknown
    }
    const objects = [parsed, parsed.a[0], parsed.a[0]?.b, parsed.a[0]?.b.c[1]]
    expect(objects.map((o) => Object.getPrototypeOf(o) as unknown)).toEqual([null, null, null, null])
    expect(parsed.constructor).toBe('x')
    expect(JSON.stringify(parsed)).toBe('{"a":[{"b":{"c":[1,{"d":null}]}}],"constructor":"x"}')
  })

  it('keeps "__proto__" keys as data, never as a prototype', () => {
    const parsed = parseJsonStrict('{"extensions": {"__proto__": {"polluted": true}}}') as {
      extensions: Record<string, unknown>
    }
    expect(Object.keys(parsed.extensions)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describeWithSharedData('importing xAPI statements', () => {
  let services: Services
  let client: Client
  const count = (sql: string): number => (services.session.db.prepare(sql).get() as { n: number }).n

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'xAPI', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it.each([
    ['default.json'],
    ['unicode.json'],
    ['voiding.json'],
    ['object_statementref.json'],
    ['object_agent_default.json'],
    ['object_group_default.json'],
    ['object_substatement_default.json'],
    ['context.json'],
    ['context_sans_objectType.json'],
    ['result.json'],
    ['attachment.json'],
  ])('stores the valid conformance template %s', async (file) => {
    const result = await client.call('import.commit', {
      path: sharedFile(`${CONFORMANCE}/${file}`),
      kind: 'xapi',
    })
    expect(result).toMatchObject({
      outcome: 'stored',
      rows: { total: 1, inserted: 1, rejected: 0 },
      errors: [],
    })
  })

  it.each([
    ['no_actor.json', 'actor', 'actor is required'],
    ['no_verb.json', 'verb', 'verb is required'],
    ['no_object.json', 'object', 'object is required'],
    ['verb.json', 'verb.id', 'verb.id is required'],
    ['actor.json', 'actor', 'actor has no identifier (mbox, mbox_sha1sum, openid or account)'],
    ['object_actor.json', 'object', 'object has no identifier (mbox, mbox_sha1sum, openid or account)'],
    ['authority.json', 'authority', 'authority has no identifier (mbox, mbox_sha1sum, openid or account)'],
    ['object_activity.json', 'object.id', 'object.id is required'],
    ['object_statementref_no_id.json', 'object.id', 'object.id is required'],
    ['object_substatement.json', 'object.actor', 'object.actor is required'],
    ['multiple_actor.json', 'actor', 'the key actor appears twice in one object'],
  ])('rejects the invalid conformance template %s, saying why', async (file, column, reason) => {
    const result = await client.call('import.commit', {
      path: sharedFile(`${CONFORMANCE}/${file}`),
      kind: 'xapi',
    })
    expect(result.outcome).toBe('rejected')
    expect(result.errors[0]).toMatchObject({ row: 1, column, message: `statement 1: ${reason}` })
    expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(0)
  })

  it('DATASIM: 2,814 valid statements import with no errors; completions become learning records for known learners', async () => {
    const people = join(tempDir(), 'learners.csv')
    writeFileSync(
      people,
      [
        'Employee ID,Full Name,Email',
        ...['steve', 'alice', 'bob', 'sally', 'fred', 'phil'].map((n, i) => `L${i},${n},${n}@example.org`),
      ].join('\n'),
    )
    await client.call('import.commit', { path: people, kind: 'people' })
    const file = sharedFile('xapi/datasim/tccc_dev_statements_array.json')
    const result = await client.call('import.commit', { path: file, kind: 'xapi' })
    expect(result).toMatchObject({
      outcome: 'stored',
      rows: { total: 2814, inserted: 2814, rejected: 0 },
      errors: [],
      unmatched: 0,
    })
    // Only the 70 "completed" statements carry a learning outcome (played, paused, seeked … are kept as statements);
    // completions of the same activity by the same person on the same day are one learning record.
    const statements = JSON.parse(readFileSync(file, 'utf8')) as {
      actor: { mbox: string }
      verb: { id: string }
      object: { id: string }
      timestamp: string
    }[]
    const completions = statements.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/completed')
    expect(completions).toHaveLength(70)
    const distinct = new Set(
      completions.map((s) => `${s.actor.mbox} ${s.object.id} ${s.timestamp.slice(0, 10)}`),
    )
    expect(count('SELECT count(*) AS n FROM learning_records')).toBe(distinct.size)
    const again = await client.call('import.commit', { path: file, kind: 'xapi' })
    expect(again).toMatchObject({ outcome: 'already-imported', rows: { unchanged: 2814 } })
  })

  it('reports a known id with different content as a conflict, by position', async () => {
    const original = JSON.parse(readFileSync(sharedFile('xapi/datasim/simple.json'), 'utf8')) as Record<
      string,
      unknown
    >
    await client.call('import.commit', { path: sharedFile('xapi/datasim/simple.json'), kind: 'xapi' })
    const changed = join(tempDir(), 'changed.json')
    writeFileSync(changed, JSON.stringify([{ ...original, timestamp: '2016-01-01T00:00:00Z' }]))
    const result = await client.call('import.commit', { path: changed, kind: 'xapi' })
    expect(result.outcome).toBe('rejected')
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'id',
        code: 'CONFLICT',
        message: expect.stringContaining('already stored with different content'),
      }),
    ])
  })

  it('reads JSON Lines and reports problems by the file’s own line numbers', async () => {
    const good = {
      actor: { mbox: 'mailto:a@example.org' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
      object: { id: 'https://x.example/a' },
    }
    const file = join(tempDir(), 'statements.jsonl')
    writeFileSync(
      file,
      `\n${JSON.stringify(good)}\n{"verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}, "object": {"id": "https://x.example/b"}}\n`,
    )
    const result = await client.call('import.commit', { path: file, kind: 'xapi', skipInvalid: true })
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'actor', message: 'line 3: actor is required' }),
    ])
    expect(result.rows).toMatchObject({ total: 2, inserted: 1, rejected: 1 })
  })

  it('undoes a file that voids one of its own statements for a new course', async () => {
    writeFileSync(join(tempDir(), 'unused'), '')
    const people = join(tempDir(), 'p.csv')
    writeFileSync(people, 'Employee ID,Email\nE1,ada@example.org\n')
    await client.call('import.commit', { path: people, kind: 'people' })
    const id = '0a1b2c3d-0000-4000-8000-000000000002'
    const statements = [
      {
        id,
        actor: { mbox: 'mailto:ada@example.org' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { id: 'https://lms.example.com/courses/new' },
        timestamp: '2025-05-01T10:00:00Z',
      },
      {
        actor: { mbox: 'mailto:admin@example.org' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
        object: { objectType: 'StatementRef', id },
      },
    ]
    const file = join(tempDir(), 'self-voiding.json')
    writeFileSync(file, JSON.stringify(statements))
    const result = await client.call('import.commit', { path: file, kind: 'xapi' })
    expect(count('SELECT count(*) AS n FROM learning_records')).toBe(0)
    await client.call('import.undo', { batchId: result.batchId ?? '' })
    expect(count('SELECT count(*) AS n FROM learning_records')).toBe(0)
    expect(count('SELECT count(*) AS n FROM learning_items')).toBe(0)
    expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(0)
  })

  it('applies voiding after the batch: the voided completion leaves the learning records, and undo brings it back', async () => {
    const people = join(tempDir(), 'p.csv')
    writeFileSync(people, 'Employee ID,Email\nE1,ada@example.org\n')
    await client.call('import.commit', { path: people, kind: 'people' })
    const completed = {
      id: '0a1b2c3d-0000-4000-8000-000000000001',
      actor: { mbox: 'mailto:ada@example.org' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: {
        id: 'https://lms.example.com/courses/security',
        definition: { name: { 'en-US': 'Security basics' } },
      },
      result: { score: { scaled: 0.9 }, duration: 'PT45M' },
      timestamp: '2025-05-01T10:00:00Z',
    }
    const first = join(tempDir(), 'first.jsonl')
    writeFileSync(first, `${JSON.stringify(completed)}\n`)
    await client.call('import.commit', { path: first, kind: 'xapi' })
    expect(
      services.session.db
        .prepare('SELECT status, score, score_max, duration_minutes, completed_at FROM learning_records')
        .get(),
    ).toEqual({
      status: 'completed',
      score: 90,
      score_max: 100,
      duration_minutes: 45,
      completed_at: '2025-05-01',
    })
    const voiding = join(tempDir(), 'voiding.json')
    writeFileSync(
      voiding,
      JSON.stringify({
        more: '/xapi/statements?page=2',
        statements: [
          {
            actor: { mbox: 'mailto:admin@example.org' },
            verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
            object: { objectType: 'StatementRef', id: completed.id },
          },
        ],
      }),
    )
    const result = await client.call('import.commit', { path: voiding, kind: 'xapi' })
    expect(result.warnings.map((w) => w.code)).toEqual(['INCOMPLETE_EXPORT', 'VOIDED'])
    expect(count('SELECT count(*) AS n FROM learning_records')).toBe(0)
    expect(count('SELECT count(*) AS n FROM xapi_statements WHERE voided_by IS NOT NULL')).toBe(1)
    await client.call('import.undo', { batchId: result.batchId ?? '' })
    expect(count('SELECT count(*) AS n FROM learning_records')).toBe(1)
    expect(count('SELECT count(*) AS n FROM xapi_statements WHERE voided_by IS NOT NULL')).toBe(0)
  })
})
