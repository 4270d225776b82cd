import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('ninefold calibration', () => {
  it('creates, shows, moves, undoes, finalizes and exports a session; bad input exits 2 and changes nothing', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'demo.ninefold'), '--key-file', join(dir, 'demo.key')]
    expect((await cli(['demo', '--people', '300', '--seed', '5', ...ws])).code).toBe(0)

    const created = await cli([
      'calibration',
      'create',
      '--name',
      'Sales Q4',
      '--scope',
      'department=Sales',
      ...ws,
      '--json',
    ])
    expect(created.code).toBe(0)
    const { sessionId, people } = JSON.parse(created.stdout) as { sessionId: string; people: number }
    expect(people).toBeGreaterThan(10)

    const show = async () => {
      const result = await cli(['calibration', 'show', sessionId, ...ws, '--json'])
      expect(result.code).toBe(0)
      return JSON.parse(result.stdout) as {
        sessionId: string
        status: string
        placements: {
          employeeId: string
          box: number
          performance: string
          potential: string
          agility: number | null
          source: string
          flags: { code: string; rationale: string }[]
        }[]
        holding: { employeeId: string; reason: string }[]
        distribution: Record<string, number>
      }
    }
    const before = await show()
    expect(Object.keys(before)).toEqual(['sessionId', 'status', 'placements', 'holding', 'distribution'])
    expect(Object.keys(before.distribution)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9'])
    expect(Object.values(before.distribution).reduce((a, b) => a + b, 0)).toBe(before.placements.length)
    const first = before.placements[0]
    if (!first) throw new Error('nobody placed')
    expect(first).toMatchObject({
      employeeId: expect.any(String),
      box: expect.any(Number),
      source: 'computed',
    })
    expect(['low', 'moderate', 'high']).toContain(first.performance)

    const target = first.box === 1 ? 2 : 1
    for (const [args, message] of [
      [['--person', 'NOBODY', '--box', '3', '--reason', 'new evidence'], 'not in this session'],
      [
        ['--person', first.employeeId, '--box', '10', '--reason', 'new evidence'],
        '--box must be a box number 1–9',
      ],
      [['--person', first.employeeId, '--box', '3'], 'A move needs a reason'],
    ] as const) {
      const refused = await cli(['calibration', 'move', sessionId, ...args, ...ws])
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain(message)
    }
    expect((await show()).placements[0]).toEqual(first)

    const moved = await cli([
      'calibration',
      'move',
      sessionId,
      '--person',
      first.employeeId,
      '--box',
      String(target),
      '--reason',
      'Peer feedback not in the system',
      ...ws,
      '--json',
    ])
    expect(JSON.parse(moved.stdout)).toEqual({ moved: 1, step: 1 })
    expect((await show()).placements.find((p) => p.employeeId === first.employeeId)).toMatchObject({
      box: target,
      source: 'moved',
    })
    expect((await cli(['calibration', 'undo', sessionId, ...ws])).code).toBe(0)
    expect((await show()).placements.find((p) => p.employeeId === first.employeeId)?.box).toBe(first.box)

    expect((await cli(['calibration', 'finalize', sessionId, ...ws])).code).toBe(0)
    const locked = await cli([
      'calibration',
      'move',
      sessionId,
      '--person',
      first.employeeId,
      '--box',
      String(target),
      '--reason',
      'after the meeting',
      ...ws,
    ])
    expect(locked.code).toBe(2)
    expect(locked.stderr).toContain('finalized and read-only')
    expect((await show()).status).toBe('finalized')

    const out = join(dir, 'results.xlsx')
    expect((await cli(['calibration', 'export', sessionId, '--out', out, ...ws])).code).toBe(0)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const changes = book.getWorksheet('Changes')
    expect(changes?.getRow(2).getCell(11).value).toBe('undone')
    expect(book.getWorksheet('Placements')?.rowCount).toBe(before.placements.length + 1)

    // A reason code is enough (in a second session: the first is finalized); "other" alone is refused.
    const second = await cli(['calibration', 'create', '--name', 'Sales moves', ...ws, '--json'])
    const moves = (JSON.parse(second.stdout) as { sessionId: string }).sessionId
    const byCode = ['--person', first.employeeId, '--box', String(target), '--reason-code']
    const other = await cli(['calibration', 'move', moves, ...byCode, 'other', ...ws])
    expect(other.code).toBe(2)
    expect(other.stderr).toContain('The reason "Other" needs words')
    const coded = await cli(['calibration', 'move', moves, ...byCode, 'rating-inflated', ...ws, '--json'])
    expect(coded.code).toBe(0)
    expect(JSON.parse(coded.stdout)).toEqual({ moved: 1, step: 1 })
  })
})
