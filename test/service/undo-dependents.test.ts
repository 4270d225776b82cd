import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('undoing an import that later work depends on', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Undo', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('refuses with IMPORT_CONFLICT, naming why, and changes nothing', async () => {
    const people = join(tempDir(), 'people.csv')
    writeFileSync(people, 'Employee ID,Full Name,Hire Date\nE1,Ada,2020-01-01\nE2,Bo,2020-01-01\n')
    await client.call('import.commit', { path: people, kind: 'people' })
    const reviews = join(tempDir(), 'reviews.csv')
    writeFileSync(reviews, 'Employee ID,Cycle,Overall Rating\nE1,FY2026,4\nE2,FY2026,3\n')
    const batch = await client.call('import.commit', {
      path: reviews,
      kind: 'reviews',
      mapping: { scale: { min: 1, max: 5 } },
    })
    expect(batch.outcome).toBe('stored')
    await client.call('calibration.create', { name: 'On the imported cycle' })
    await expect(client.call('import.undo', { batchId: batch.batchId ?? '' })).rejects.toMatchObject({
      code: 'IMPORT_CONFLICT',
      message: expect.stringContaining('later work uses what it added'),
    })
    expect((await client.call('calibration.cycles')).map((c) => c.name)).toEqual(['FY2026'])
  })
})
