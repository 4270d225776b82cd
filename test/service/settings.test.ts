import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WorkspaceSettings } from '../../src/shared/contract'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('settings in one place', () => {
  let dir: string
  const open: Services[] = []
  const workspace = async (name: string): Promise<{ services: Services; client: Client }> => {
    const services = testServices(join(dir, name))
    open.push(services)
    const client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name, passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 200, seed: 3 })
    return { services, client }
  }
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => open.splice(0).forEach((s) => s.dispose()))

  it('exports a central team’s settings as a file that another workspace imports whole, and uses', async () => {
    const central = await workspace('central')
    const settings = await central.client.call('settings.get')
    expect(settings).toMatchObject({
      format: 'ninefold-settings',
      version: 1,
      idleLockMinutes: 10,
      backupsKept: 5,
    })
    const edited: WorkspaceSettings = {
      ...settings,
      calibration: {
        ...settings.calibration,
        performanceCuts: { lowMax: 2.5, highMin: 4.5 },
        agilityWeights: { skillGrowth: 0.4, assessment: 0.4, breadth: 0.1, stretch: 0.1 },
      },
      labels: { ...settings.labels, '9': 'Future leader' },
      idleLockMinutes: 5,
      backupsKept: 8,
      fieldPurposes: { ...settings.fieldPurposes, location: ['calibration'] },
    }
    await central.client.call('settings.apply', { settings: edited, reason: 'HR policy 2027' })
    const file = join(dir, 'settings.json')
    await central.client.call('settings.export', { path: file })
    const document = JSON.parse(readFileSync(file, 'utf8')) as WorkspaceSettings
    expect(document).toEqual(edited)

    // A business partner's workspace takes the file as it is.
    const partner = await workspace('partner')
    const applied = await partner.client.call('settings.apply', {
      settings: document,
      reason: 'from central HR',
    })
    expect(applied).toEqual(edited)
    // …and new sessions use it: cuts, weights and labels.
    const { sessionId } = await partner.client.call('calibration.create', { name: 'Q1' })
    const view = await partner.client.call('calibration.show', { sessionId })
    expect(view.settings.performanceCuts).toEqual({ lowMax: 2.5, highMin: 4.5 })
    expect(view.settings.agilityWeights).toEqual(edited.calibration.agilityWeights)
    expect(view.settings.labels['9']).toBe('Future leader')
    expect((await partner.client.call('workspace.activity')).idleLockMinutes).toBe(5)
    expect((await partner.client.call('workspace.backups')).keep).toBe(8)
    const purposes = await partner.client.call('privacy.fieldPurposes')
    expect(purposes.find((f) => f.field === 'location')?.purposes).toEqual(['calibration'])
    const log = partner.services.session.reader
      .prepare("SELECT reason FROM audit_log WHERE action = 'settings.apply'")
      .all()
    expect(log).toEqual([{ reason: 'from central HR' }])
  })

  it('refuses a bad file whole, naming what is wrong, and changes nothing', async () => {
    const { client } = await workspace('strict')
    const before = await client.call('settings.get')
    const bad = {
      ...before,
      calibration: { ...before.calibration, performanceCuts: { lowMax: 4, highMin: 3 } },
      labels: { ...before.labels, '3': '' },
      idleLockMinutes: 0,
    }
    await expect(
      client.call('settings.apply', { settings: bad, reason: 'broken file' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(
        /^These settings cannot be applied: .*calibration\.performanceCuts: highMin must exceed lowMax.*idleLockMinutes/,
      ),
    })
    await expect(
      client.call('settings.apply', {
        settings: { ...before, fieldPurposes: { ...before.fieldPurposes, gender: ['calibration'] } },
        reason: 'sneaky',
      }),
    ).rejects.toThrow('Gender is a sensitive attribute')
    await expect(
      client.call('settings.apply', { settings: { format: 'something else' }, reason: 'wrong file' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await client.call('settings.get')).toEqual(before)
  })
})
