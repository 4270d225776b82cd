import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('ninefold calibration show --json: the previous box', () => {
  it('keeps the shape and adds previousBox to each placement (null before the first cycle)', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'demo.ninefold'), '--key-file', join(dir, 'demo.key')]
    expect((await cli(['demo', '--people', '200', '--seed', '3', ...ws])).code).toBe(0)
    const show = async (cycle?: string) => {
      const created = await cli([
        'calibration',
        'create',
        '--name',
        cycle ?? 'latest',
        ...(cycle === undefined ? [] : ['--cycle', cycle]),
        ...ws,
        '--json',
      ])
      expect(created.code, created.stderr).toBe(0)
      const { sessionId } = JSON.parse(created.stdout) as { sessionId: string }
      const shown = await cli(['calibration', 'show', sessionId, ...ws, '--json'])
      expect(shown.code).toBe(0)
      return JSON.parse(shown.stdout) as {
        placements: {
          employeeId: string
          box: number
          previousBox: number | null
          flags: { code: string }[]
        }[]
      }
    }
    const latest = await show()
    expect(Object.keys(latest)).toEqual(['sessionId', 'status', 'placements', 'holding', 'distribution'])
    expect(Object.keys(latest.placements[0] ?? {})).toEqual([
      'employeeId',
      'box',
      'computedBox',
      'performance',
      'potential',
      'agility',
      'source',
      'flags',
      'previousBox',
      'fromSession',
      'proposedBox',
    ])
    const withBox = latest.placements.filter((p) => p.previousBox !== null)
    expect(withBox.length).toBeGreaterThan(100)
    expect(withBox.every((p) => Number.isInteger(p.previousBox) && (p.previousBox as number) >= 1)).toBe(true)
    const movers = latest.placements.filter((p) => p.flags.some((f) => f.code === 'BIG_MOVER'))
    expect(movers.length).toBeGreaterThan(0)
    expect(movers.every((p) => p.previousBox !== null)).toBe(true)

    // The demo's two cycles are a year apart; the earlier one has none before it.
    const sessions = JSON.parse((await cli(['calibration', 'list', ...ws, '--json'])).stdout) as {
      cycle: string
    }[]
    const year = Number(/^(\d{4}) /.exec(sessions[0]?.cycle ?? '')?.[1])
    const earliest = await show(`${year - 1} Annual Review`)
    expect(earliest.placements.length).toBeGreaterThan(0)
    expect(earliest.placements.every((p) => p.previousBox === null)).toBe(true)
  })
})
