import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readStatements, type ReadStatement } from '../../src/main/import/xapi/readStatements'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const statement = (n: number, extra: string = '') =>
  `{"id": "0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}", "actor": {"mbox": "mailto:a${n}@example.org"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"}, "object": {"id": "https://x.example/${n}"}${extra}}`

describe('xAPI files are read as a stream, statement by statement', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Stream', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('hands each statement on before the rest of the file is read: a file cut short fails after its whole statements', async () => {
    const file = join(tempDir(), 'cut.json')
    writeFileSync(file, `[${statement(1)},\n${statement(2)},\n${statement(3).slice(0, 40)}`)
    const seen: ReadStatement[] = []
    await expect(readStatements(file, (s) => void seen.push(s))).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: 'cut.json: not valid JSON (the file ends inside a JSON value (line 3)).',
    })
    expect(seen.map((s) => s.index)).toEqual([1, 2])
  })

  it('names the statement whose JSON is broken, not an offset in the whole file', async () => {
    const file = join(tempDir(), 'broken.json')
    writeFileSync(file, `[${statement(1)}, ${statement(2).replace('"verb"', '"verb" 1')}]`)
    await expect(client.call('import.commit', { path: file, kind: 'xapi' })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringMatching(
        /^broken\.json: not valid JSON \(statement 2: not valid JSON \(/,
      ) as unknown,
    })
  })

  it('keeps the duplicate-key check and "__proto__" as data in a StatementResult whose "more" comes last', async () => {
    const file = join(tempDir(), 'page.json')
    writeFileSync(
      file,
      `{"statements": [${statement(1)}, ${statement(2, ', "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}')}, ${statement(3, ', "result": {"extensions": {"https://x.example/ext": {"__proto__": {"polluted": true}}}}')}], "more": "/xapi/statements?page=2"}`,
    )
    const result = await client.call('import.commit', { path: file, kind: 'xapi', skipInvalid: true })
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'verb',
        code: 'DUPLICATE_KEY',
        message: 'statement 2: the key verb appears twice in one object',
      }),
    ])
    expect(result.rows).toMatchObject({ total: 3, inserted: 2, rejected: 1 })
    expect(result.warnings.map((w) => w.code)).toContain('INCOMPLETE_EXPORT')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    const stored = services.session.reader
      .prepare('SELECT statement_json FROM xapi_statements WHERE statement_id LIKE ?')
      .get('%000000000003') as { statement_json: string }
    expect(stored.statement_json).toContain('"__proto__":{"polluted":true}')
  })

  it('refuses the whole file when one statement is invalid, storing nothing, and counts the rest', async () => {
    const file = join(tempDir(), 'lines.jsonl')
    writeFileSync(
      file,
      `${statement(1)}\n\n{"actor": {"mbox": "mailto:b@example.org"}, "object": {"id": "https://x.example/b"}}\n${statement(4)}\n`,
    )
    const result = await client.call('import.commit', { path: file, kind: 'xapi' })
    expect(result).toMatchObject({
      outcome: 'rejected',
      rows: { total: 3, inserted: 0, rejected: 1 },
      errors: [expect.objectContaining({ row: 3, message: 'line 3: verb is required' })],
    })
    const stored = services.session.reader.prepare('SELECT count(*) AS n FROM xapi_statements').get()
    expect(stored).toEqual({ n: 0 })
  })
})
