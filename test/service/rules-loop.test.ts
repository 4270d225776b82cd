import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('the gap-to-growth loop on the demo organisation', () => {
  let services: Services
  let client: Client

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Loop', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 300, seed: 6 })
  })
  afterEach(() => services.dispose())

  it('applies the remediation rule, exports the outbox, and a learning import closes the actions (undo reopens them)', async () => {
    const rules = await client.call('rules.list')
    expect(rules.map((r) => [r.template, r.enabled])).toEqual([
      ['remediation', false],
      ['acceleration', false],
    ])
    const remediation = rules[0]
    if (!remediation) throw new Error('no template')
    expect(remediation.stats).toMatchObject({ assigned: 5, open: 5, completed: 0 })

    // Preview: who and why, nothing written.
    const preview = await client.call('rules.apply', { ruleId: remediation.ruleId, dryRun: true })
    expect(preview.matched).toBeGreaterThan(10)
    expect(preview.matches[0]?.why[0]).toMatch(/^Project Management \d < 3 \(/)
    expect((await client.call('outbox.list', { status: 'open' })).length).toBe(5)

    const applied = await client.call('rules.apply', { ruleId: remediation.ruleId })
    expect(applied.created + applied.skipped).toBe(applied.matched)
    // Never two open assignments of the same item to the same person.
    const again = await client.call('rules.apply', { ruleId: remediation.ruleId })
    expect(again).toMatchObject({ created: 0, skipped: applied.matched })
    const open = await client.call('outbox.list', { status: 'open' })
    expect(open.length).toBe(applied.created + 5)
    expect(open[0]).toMatchObject({ kind: 'assign', activityId: 'CRS-PROJECT-MANAGEMENT', status: 'open' })

    const csv = join(tempDir(), 'enrolments.csv')
    const exported = await client.call('outbox.export', { format: 'csv', path: csv })
    expect(exported.rows).toBe(open.length)
    const lines = readFileSync(csv, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('Employee ID,Email,Item ID,Title,Due Date,Reason')
    expect(lines).toHaveLength(open.length + 1)

    // The LMS reports three of them completed: the import closes exactly those.
    const done = lines.slice(1, 4).map((l) => l.split(',')[0] ?? '')
    const completions = join(tempDir(), 'completions.csv')
    writeFileSync(
      completions,
      [
        'Employee ID,Course ID,Status,Completion Date',
        ...done.map((id) => `${id},CRS-PROJECT-MANAGEMENT,Completed,2026-11-15`),
      ].join('\n'),
    )
    const imported = await client.call('import.commit', { path: completions, kind: 'learning' })
    expect(imported.warnings.find((w) => w.code === 'ACTIONS_CLOSED')?.message).toMatch(
      /^3 outbox action\(s\)/,
    )
    const completed = await client.call('outbox.list', { status: 'completed' })
    expect(completed.map((a) => a.employeeId).sort()).toEqual([...done].sort())
    expect((await client.call('rules.list'))[0]?.stats.completed).toBe(
      completed.filter((a) => a.ruleId === remediation.ruleId).length,
    )

    await client.call('import.undo', { batchId: imported.batchId ?? '' })
    expect(await client.call('outbox.list', { status: 'completed' })).toEqual([])
  })

  it('refuses a rule that names an item the workspace does not have; imported rules arrive disabled', async () => {
    await expect(
      client.call('rules.save', {
        rule: {
          name: 'Typo',
          conditions: [{ type: 'inBox', box: 9 }],
          actions: [{ type: 'assign', activityId: 'CRS-NOPE', dueInDays: 10 }],
        },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('CRS-NOPE') })
    // A file with one bad rule imports nothing (a retry then makes no duplicates).
    const good = {
      name: 'Good',
      conditions: [{ type: 'inBox' as const, box: 9 }],
      actions: [{ type: 'notify' as const, message: 'hi' }],
    }
    const bad = { ...good, name: 'Bad', actions: [{ type: 'recommend' as const, activityId: 'PRG-NOPE' }] }
    await expect(client.call('rules.import', { rules: [good, bad] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(await client.call('rules.list')).toHaveLength(2)
    const exported = await client.call('rules.export')
    await client.call('rules.import', { rules: exported.map((r) => ({ ...r, enabled: true })) })
    const rules = await client.call('rules.list')
    expect(rules).toHaveLength(4)
    expect(rules.every((r) => !r.enabled)).toBe(true)
  })

  it('recommends, notifies and sets a succession readiness, each with the rule and its reasons as the why', async () => {
    const roles = await client.call('succession.roles')
    const role = roles[0]
    if (!role) throw new Error('no demo role')
    const { ruleId } = await client.call('rules.save', {
      rule: {
        name: 'Stars into the pipeline',
        enabled: true,
        conditions: [{ type: 'ratingAtLeast', rating: 5, minTenureYears: 1 }],
        actions: [
          { type: 'recommend', activityId: 'PRG-ELP' },
          { type: 'notify', message: 'Talent team: a star to meet' },
          { type: 'setReadiness', roleId: role.roleId, readiness: 'ready-1-2' },
        ],
      },
    })
    const applied = await client.call('rules.apply', { ruleId })
    expect(applied.matched).toBeGreaterThan(0)
    expect(applied.created).toBe(applied.matched * 3)
    const actions = (await client.call('outbox.list', { ruleId })).filter(
      (a) => a.employeeId === applied.matches[0]?.employeeId,
    )
    expect(actions.map((a) => a.kind).sort()).toEqual(['notify', 'recommend'])
    expect(actions.find((a) => a.kind === 'notify')?.reason).toMatch(
      /^Stars into the pipeline: rated 5 on 1–5 .* — Talent team: a star to meet$/,
    )
    const candidate = (await client.call('succession.candidates', { roleId: role.roleId, limit: 200 })).find(
      (c) => c.employeeId === applied.matches[0]?.employeeId,
    )
    if (candidate)
      expect(candidate).toMatchObject({
        readiness: 'ready-1-2',
        override: { reason: expect.stringContaining('Stars into the pipeline') },
      })
    await expect(
      client.call('rules.save', {
        rule: {
          name: 'Bad role',
          conditions: [{ type: 'inBox', box: 9 }],
          actions: [{ type: 'setReadiness', roleId: 999, readiness: 'ready-now' }],
        },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('critical role 999') })
  })
})
