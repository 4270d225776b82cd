import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe("a manager's team heatmap", () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Heatmap', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 300, seed: 14 })
  })
  afterEach(() => services.dispose())

  it("shows each report's level against the level required, and assigns the closing item once", async () => {
    const managers = await client.call('insights.managers')
    const manager = managers.find((m) => m.reports >= 4)
    if (!manager) throw new Error('no team of four in the demo')
    const map = await client.call('insights.teamHeatmap', { manager: manager.employeeId, targetLevel: 3 })
    expect(map.people).toHaveLength(manager.reports)
    expect(map.skills.length).toBeGreaterThan(0)
    expect(map.skills.every((s) => s.required === 3)).toBe(true)
    expect(map.cells).toHaveLength(map.people.length)
    for (const row of map.cells)
      for (const [k, cell] of row.entries())
        if (cell.level !== null) expect(cell.gap).toBe(cell.level - (map.skills[k]?.required ?? 0))

    // A gap with an item that closes it: assign it from the map, and a second click opens nothing new.
    let target: { person: number; skill: number } | null = null
    map.cells.forEach((row, p) =>
      row.forEach((cell, k) => {
        if (!target && cell.gap !== null && cell.gap < 0 && map.skills[k]?.closedBy)
          target = { person: p, skill: k }
      }),
    )
    if (!target) throw new Error('no closable gap in this team')
    const { person, skill } = target as { person: number; skill: number }
    const who = map.people[person]?.employeeId ?? ''
    const what = map.skills[skill]
    if (!what) throw new Error('unreachable')
    const first = await client.call('insights.assign', {
      employeeId: who,
      skillId: what.skillId,
      required: 4,
    })
    expect(first).toMatchObject({ created: true, item: { activityId: what.closedBy?.activityId } })
    const again = await client.call('insights.assign', {
      employeeId: who,
      skillId: what.skillId,
      required: 4,
    })
    expect(again.created).toBe(false)
    const open = await client.call('outbox.list', { status: 'open' })
    const mine = open.filter((a) => a.employeeId === who && a.activityId === what.closedBy?.activityId)
    expect(mine).toHaveLength(1)
    expect(mine[0]?.reason).toMatch(/^Team heatmap: /)
  })
})
