import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JobFinished } from '../../src/shared/contract'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('the notice when a long job ends (the desktop shows it natively when its window is not in front)', () => {
  let services: Services
  let client: Client
  let dir: string
  const finished: JobFinished[] = []
  beforeEach(async () => {
    dir = tempDir()
    services = testServices(dir)
    client = createClient(createInProcessTransport(services))
    finished.length = 0
    services.events.subscribe((name, payload) => {
      if (name === 'jobs.finished') finished.push(payload as JobFinished)
    })
    await client.call('workspace.create', { name: 'Notices', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('names the demo fill that was cancelled and the import that finished', async () => {
    const fill = client.call('demo.populate', { people: 20_000, seed: 1, jobId: 'demo-1' }).then(
      () => null,
      (error: unknown) => error,
    )
    await new Promise((r) => setTimeout(r, 100))
    await client.call('jobs.cancel', { jobId: 'demo-1' })
    expect(await fill).toMatchObject({ code: 'CANCELLED' })
    expect(finished).toEqual([
      {
        jobId: 'demo-1',
        ok: false,
        message: 'The demo fill (20,000 people) was cancelled; nothing was kept.',
        seconds: expect.any(Number),
      },
    ])

    const file = join(dir, 'people.csv')
    writeFileSync(file, 'Employee ID,Full name\nE1,Ada One\nE2,Bo Two\n')
    await client.call('import.commit', { path: file, kind: 'people', jobId: 'import-1' })
    expect(finished[1]).toEqual({
      jobId: 'import-1',
      ok: true,
      message: 'The import of people.csv has finished.',
      seconds: expect.any(Number),
    })
  })
})
