import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe("a session's reporting chain (org filter and crowded-box table)", () => {
  let services: Services
  let client: Client

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Org', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 400, seed: 7 })
  })
  afterEach(() => services.dispose())

  it('names every manager up the chain, counts the members below each, and gives titles', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'All staff' })
    const view = await client.call('calibration.show', { sessionId })
    const org = view.org
    expect(org).toBeDefined()
    if (!org) return
    const people = await client.call('people.list', { limit: 1000, offset: 0 })
    const person = new Map(people.rows.map((p) => [p.employeeId, p]))
    const managers = new Map(org.managers.map((m) => [m.employeeId, m]))
    // Each member's manager is there by their real name, and so is the whole chain above them.
    for (const p of view.placements) {
      for (let up = p.managerId, depth = 0; up !== null && depth < 50; depth++) {
        const manager = managers.get(up)
        expect(manager, `${up} (above ${p.employeeId})`).toBeDefined()
        expect(manager?.name).toBe(person.get(up)?.fullName)
        up = manager?.managerId ?? null
      }
    }
    // The members below a manager are the placements whose chain passes through them; the top has everyone.
    const chainOf = (employeeId: string | null): string[] => {
      const chain: string[] = []
      for (let up = employeeId; up !== null; up = managers.get(up)?.managerId ?? null) chain.push(up)
      return chain
    }
    for (const m of org.managers) {
      expect(m.members).toBe(
        view.placements.filter((p) => chainOf(p.managerId).includes(m.employeeId)).length,
      )
    }
    // Whether a manager is in the session too: their team as the grid draws it is then one more.
    const members = new Set(view.placements.map((p) => p.employeeId))
    for (const m of org.managers) expect(m.inSession, m.employeeId).toBe(members.has(m.employeeId))
    expect(org.managers.some((m) => m.inSession)).toBe(true)
    const top = org.managers.filter((m) => m.managerId === null)
    expect(top.reduce((n, m) => n + m.members, 0)).toBe(view.placements.filter((p) => p.managerId).length)
    const titled = view.placements.find((p) => person.get(p.employeeId)?.jobTitle)
    expect(titled).toBeDefined()
    if (titled) expect(org.titles[titled.employeeId]).toBe(person.get(titled.employeeId)?.jobTitle)
  })

  it('in blind mode gives no titles and names managers only by their session pseudonym', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Blind' })
    await client.call('calibration.setBlind', { sessionId, blind: true })
    const view = await client.call('calibration.show', { sessionId })
    expect(view.org?.titles).toEqual({})
    const pseudonyms = new Map(view.placements.map((p) => [p.employeeId, p.pseudonym]))
    expect(view.org?.managers.length).toBeGreaterThan(0)
    for (const m of view.org?.managers ?? []) expect(m.name).toBe(pseudonyms.get(m.employeeId) ?? null)
  })
})
