import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('CSV dialects real exports come in', () => {
  let services: Services
  let client: Client
  const names = (): unknown[] =>
    services.session.db
      .prepare('SELECT full_name FROM people ORDER BY employee_id')
      .all()
      .map((r) => (r as { full_name: string }).full_name)

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'CSV', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  const write = (name: string, content: Buffer | string): string => {
    const path = join(tempDir(), name)
    writeFileSync(path, content)
    return path
  }

  it('reads UTF-16LE with a BOM (Excel’s "Unicode text") with tabs', async () => {
    const text = 'Employee ID\tFull Name\r\n1\tZoë Ørsted\r\n2\t王小明\r\n'
    const path = write(
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    )
    const preview = await client.call('import.preview', { path, kind: 'people' })
    expect(preview).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' })
    await expect(client.call('import.commit', { path, kind: 'people' })).resolves.toMatchObject({
      rows: { inserted: 2 },
    })
    expect(names()).toEqual(['Zoë Ørsted', '王小明'])
  })

  it('reads Windows-1252 (no BOM, not valid UTF-8)', async () => {
    const path = write('latin.csv', Buffer.from('Employee ID,Full Name\r\n1,Zo\xeb M\xfcller\r\n', 'latin1'))
    await expect(client.call('import.preview', { path, kind: 'people' })).resolves.toMatchObject({
      encoding: 'windows-1252',
    })
    await client.call('import.commit', { path, kind: 'people' })
    expect(names()).toEqual(['Zoë Müller'])
  })

  it('reads semicolon files with decimal commas and quoted newlines', async () => {
    await client.call('import.commit', {
      path: write('p.csv', 'Employee ID;Full Name\n1;Ada\n'),
      kind: 'people',
    })
    const path = write(
      'lms.csv',
      'Employee ID;Course ID;Course Title;Score;Completion Date\n1;C-1;"Safety,\nfirst";87,5;31/01/2025\n',
    )
    const preview = await client.call('import.preview', { path, kind: 'learning' })
    expect(preview.delimiter).toBe(';')
    expect(preview.rows[0]?.values).toMatchObject({
      activityTitle: 'Safety, first',
      score: 87.5,
      completedAt: '2025-01-31',
    })
    await expect(client.call('import.commit', { path, kind: 'learning' })).resolves.toMatchObject({
      rows: { inserted: 1 },
    })
  })

  it('reports ragged rows by row number and stores nothing', async () => {
    const path = write(
      'ragged.csv',
      'Employee ID,Full Name,Department\n1,Ada,Eng\n2,"Grace, Hopper",Eng,extra\n3,Katherine\n',
    )
    const result = await client.call('import.commit', { path, kind: 'people' })
    expect(result.outcome).toBe('rejected')
    expect(result.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [3, 'RAGGED_ROW', 'the row has 4 fields; the header has 3'],
      [4, 'RAGGED_ROW', 'the row has 2 fields; the header has 3'],
    ])
    expect(names()).toEqual([])
  })

  it('undoes a batch that added children before their new parents (a known cycle first, then a new one)', async () => {
    await client.call('import.commit', {
      path: write('p.csv', 'Employee ID,Full Name\n1,Ada\n2,Grace\n'),
      kind: 'people',
    })
    const mapping = { scale: { min: 1, max: 5 } }
    await client.call('import.commit', {
      path: write('r1.csv', 'Employee ID,Cycle,Rating\n1,2024,4\n'),
      kind: 'reviews',
      mapping,
    })
    const second = await client.call('import.commit', {
      path: write('r2.csv', 'Employee ID,Cycle,Rating\n2,2024,3\n1,2025,5\n'),
      kind: 'reviews',
      mapping,
    })
    expect(second.rows.inserted).toBe(2)
    await expect(client.call('import.undo', { batchId: second.batchId ?? '' })).resolves.toMatchObject({
      removed: 3,
    })
    expect(services.session.db.prepare('SELECT name FROM review_cycles').all()).toEqual([{ name: '2024' }])
    expect(services.session.db.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 1 })
  })

  it('recognises learning records it already holds, from another file or earlier in the same one', async () => {
    await client.call('import.commit', {
      path: write('p.csv', 'Employee ID,Full Name\n1,Ada\n2,Grace\n'),
      kind: 'people',
    })
    const rows = [
      'Employee ID,Course ID,Status,Completion Date',
      '1,C-1,Completed,2025-01-10',
      '2,C-1,Completed,2025-01-11',
      '1,C-1,Completed,2025-01-10',
    ]
    const first = await client.call('import.commit', {
      path: write('l1.csv', rows.join('\n')),
      kind: 'learning',
    })
    expect(first.rows).toMatchObject({ total: 3, inserted: 2, unchanged: 1 })
    const second = await client.call('import.commit', {
      path: write('l2.csv', [...rows, '2,C-2,Passed,2025-02-01'].join('\n')),
      kind: 'learning',
    })
    expect(second.rows).toMatchObject({ total: 4, inserted: 1, unchanged: 3 })
    expect(services.session.db.prepare('SELECT count(*) AS n FROM learning_records').get()).toEqual({ n: 3 })
  })

  it('refuses binary files masquerading as CSV', async () => {
    const path = write(
      'photo.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    )
    await expect(client.call('import.commit', { path, kind: 'people' })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      details: { reason: 'NOT_TEXT' },
    })
  })
})
