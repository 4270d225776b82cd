import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

interface Shown {
  status: string
  placements: { employeeId: string; box: number; fromSession: string | null }[]
  distribution: Record<string, number>
}

describe('ninefold calibration create --from: a roll-up', () => {
  it('rolls up finalized sessions and shows the session that placed each person in show --json', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'demo.ninefold'), '--key-file', join(dir, 'demo.key')]
    expect((await cli(['demo', '--people', '200', '--seed', '3', ...ws])).code).toBe(0)
    const run = async (args: string[]) => {
      const result = await cli([...args, ...ws, '--json'])
      expect(result.code, result.stderr).toBe(0)
      return JSON.parse(result.stdout) as unknown
    }
    const department = async (name: string) => {
      const { sessionId } = (await run([
        'calibration',
        'create',
        '--name',
        name,
        '--scope',
        `department=${name}`,
      ])) as { sessionId: string }
      await run(['calibration', 'finalize', sessionId])
      return { sessionId, shown: (await run(['calibration', 'show', sessionId])) as Shown }
    }
    const engineering = await department('Engineering')
    const sales = await department('Sales')
    // A plain session's placements say null: no session placed them.
    expect(engineering.shown.placements.every((p) => p.fromSession === null)).toBe(true)

    const created = (await run([
      'calibration',
      'create',
      '--name',
      'Division',
      '--from',
      engineering.sessionId,
      '--from',
      sales.sessionId,
    ])) as { sessionId: string; people: number }
    expect(created.people).toBe(engineering.shown.placements.length + sales.shown.placements.length)
    const parent = (await run(['calibration', 'show', created.sessionId])) as Shown
    const from = new Map(parent.placements.map((p) => [p.employeeId, p.fromSession]))
    for (const p of engineering.shown.placements) expect(from.get(p.employeeId)).toBe(engineering.sessionId)
    for (const p of sales.shown.placements) expect(from.get(p.employeeId)).toBe(sales.sessionId)
    // The distribution is over the union.
    expect(Object.values(parent.distribution).reduce((a, b) => a + b, 0)).toBe(created.people)

    // The text output says what the roll-up is made of.
    const text = await cli(['calibration', 'show', created.sessionId, ...ws])
    expect(text.stdout).toContain('Roll-up of Engineering, Sales.')

    // A move in a child is refused while the roll-up is open, naming it.
    const someone = engineering.shown.placements.find((p) => p.box !== 1)
    if (!someone) throw new Error('no one outside box 1')
    const refused = await cli([
      'calibration',
      'move',
      engineering.sessionId,
      '--person',
      someone.employeeId,
      '--box',
      '1',
      '--reason-code',
      'calibration-consensus',
      ...ws,
    ])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('part of the roll-up "Division"')
  })

  it('refuses --from with --scope before opening the workspace, and a session that is not finalized', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'demo.ninefold'), '--key-file', join(dir, 'demo.key')]
    const both = await cli([
      'calibration',
      'create',
      '--name',
      'X',
      '--from',
      'a',
      '--scope',
      'department=Sales',
      ...ws,
    ])
    expect(both.code).not.toBe(0)
    expect(both.stderr).toContain('give either the sessions or a scope, not both')

    expect((await cli(['demo', '--people', '120', '--seed', '4', ...ws])).code).toBe(0)
    const draft = await cli([
      'calibration',
      'create',
      '--name',
      'Open one',
      '--scope',
      'department=Sales',
      ...ws,
      '--json',
    ])
    const { sessionId } = JSON.parse(draft.stdout) as { sessionId: string }
    const refused = await cli(['calibration', 'create', '--name', 'Division', '--from', sessionId, ...ws])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('The session "Open one" is draft, not finalized')
  })
})
