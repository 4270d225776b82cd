import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { cli } from '../support/cli'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

const MAPPINGS = {
  people: { columns: { employee_id: 'employeeId', city: 'location' } },
  reviews: {
    columns: { employee_id: 'employeeId', performance_group: 'overallRating' },
    constants: { cycle: '2024' },
  },
  learning: {
    columns: { employee_id: 'employeeId', test_score: 'score' },
    constants: {
      activityId: 'Assessment test',
      activityTitle: 'Assessment test',
      activityType: 'assessment',
      status: 'completed',
    },
  },
}

interface Shown {
  placements: { employeeId: string; potential: string; agility: number | null }[]
  holding: { employeeId: string; reason: string }[]
}

describeWithSharedData('ninefold calibration --potential-from assessment on managers.csv', () => {
  it('imports the file three ways and places all 571 from their test scores; an agility session resolves in one undoable step', async () => {
    const dir = tempDir()
    const ws = ['--workspace', join(dir, 'm.ninefold'), '--key-file', join(dir, 'm.key')]
    expect((await cli(['workspace', 'create', ...ws])).code).toBe(0)
    const file = sharedFile('hr/peopleanalytics/managers.csv')
    for (const kind of ['people', 'reviews', 'learning'] as const) {
      const mapping = join(dir, `${kind}.json`)
      writeFileSync(mapping, JSON.stringify(MAPPINGS[kind]))
      const imported = await cli(['import', file, '--as', kind, '--mapping', mapping, ...ws, '--json'])
      expect(imported.code, imported.stderr).toBe(0)
      expect(JSON.parse(imported.stdout)).toMatchObject({ rows: { total: 571, rejected: 0 }, errors: [] })
    }

    const show = async (sessionId: string): Promise<Shown> => {
      const shown = await cli(['calibration', 'show', sessionId, ...ws, '--json'])
      expect(shown.code).toBe(0)
      return JSON.parse(shown.stdout) as Shown
    }
    const created = await cli([
      'calibration',
      'create',
      '--name',
      'Managers 2024',
      '--cycle',
      '2024',
      '--potential-from',
      'assessment',
      ...ws,
      '--json',
    ])
    expect(created.code, created.stderr).toBe(0)
    const { sessionId, people } = JSON.parse(created.stdout) as { sessionId: string; people: number }
    expect(people).toBe(571)
    const view = await show(sessionId)
    expect(Object.keys(view)).toEqual(['sessionId', 'status', 'placements', 'holding', 'distribution'])
    expect(view.holding).toEqual([])
    expect(view.placements).toHaveLength(571)
    expect(new Set(view.placements.map((p) => p.potential))).toEqual(new Set(['low', 'moderate', 'high']))

    // The default source holds everyone; the to-do says what would place them, and resolve does it.
    const agility = JSON.parse(
      (await cli(['calibration', 'create', '--name', 'Agility', ...ws, '--json'])).stdout,
    ) as { sessionId: string }
    expect((await show(agility.sessionId)).holding).toHaveLength(571)
    const todo = await cli(['calibration', 'todo', agility.sessionId, ...ws])
    expect(todo.stdout).toBe(
      '571 people have no potential evidence for 2024 — use their assessment scores (places 571 people; calibration resolve --potential-from assessment) · import potential ratings (ninefold import FILE --as reviews) · import assessment results (ninefold import FILE --as learning) · place by hand (calibration move --person ID --box N --reason "…")',
    )
    const resolved = await cli([
      'calibration',
      'resolve',
      agility.sessionId,
      '--potential-from',
      'assessment',
      ...ws,
      '--json',
    ])
    expect(JSON.parse(resolved.stdout)).toEqual({ step: 1, placed: 571, held: 0 })
    expect((await show(agility.sessionId)).holding).toEqual([])
    expect(
      JSON.parse((await cli(['calibration', 'todo', agility.sessionId, ...ws, '--json'])).stdout),
    ).toEqual([])
    expect((await cli(['calibration', 'undo', agility.sessionId, ...ws])).code).toBe(0)
    expect((await show(agility.sessionId)).holding).toHaveLength(571)

    const bad = await cli(['calibration', 'create', '--name', 'X', '--potential-from', 'tea-leaves', ...ws])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--potential-from is one of agility, manager, blend, assessment')
    const pair = await cli([
      'calibration',
      'create',
      '--name',
      'X',
      '--potential-from',
      'blend',
      '--blend-of',
      'manager',
      ...ws,
    ])
    expect(pair.code).toBe(2)
    expect(pair.stderr).toContain('--blend-of takes two different sources')
    // A blend of the test scores and nothing else on record falls back to the scores: everyone is placed.
    const blend = await cli([
      'calibration',
      'create',
      '--name',
      'Blend',
      '--potential-from',
      'blend',
      '--blend-of',
      'assessment,manager',
      ...ws,
      '--json',
    ])
    expect(blend.code, blend.stderr).toBe(0)
    expect((await show((JSON.parse(blend.stdout) as { sessionId: string }).sessionId)).holding).toEqual([])
  })
})
