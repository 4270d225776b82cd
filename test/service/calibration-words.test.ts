import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { finalizeSummary } from '../../src/core/calibration/finalizeSummary'
import type { Services } from '../../src/main/services/createServices'
import { english } from '../../src/shared/i18n/translate'
import type { Client } from '../../src/shared/rpc/client'
import { demoWorkspace } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('a session in names and words', () => {
  let services: Services
  let client: Client
  let dir: string
  beforeEach(async () => {
    dir = tempDir()
    ;({ services, client } = await demoWorkspace(dir, { name: 'Names', people: 300, seed: 11 }))
  })
  afterEach(() => services.dispose())

  const fullName = (employeeId: string): string | null =>
    (
      services.session.db
        .prepare('SELECT full_name AS n FROM people WHERE employee_id = ?')
        .get(employeeId) as { n: string | null } | undefined
    )?.n ?? null

  it('names every manager (a pseudonym in blind mode), and a manager outside the workspace by the name the file gave', async () => {
    // Someone whose manager is outside the workspace: only the name the people file gave.
    const outside = services.session.db
      .prepare(
        'SELECT employee_id AS id FROM people WHERE manager_id IS NOT NULL ORDER BY employee_id LIMIT 1',
      )
      .get() as { id: string }
    services.session.db
      .prepare(
        "UPDATE people SET manager_id = NULL, manager_name = 'Board of Directors' WHERE employee_id = ?",
      )
      .run(outside.id)
    const { sessionId } = await client.call('calibration.create', { name: 'Everyone' })
    const view = await client.call('calibration.show', { sessionId })
    const managed = view.placements.filter((p) => p.managerId !== null)
    expect(managed.length).toBeGreaterThan(100)
    for (const p of managed) expect(p.managerName).toBe(fullName(p.managerId as string))
    expect(view.placements.find((p) => p.employeeId === outside.id)?.managerName).toBe('Board of Directors')

    await client.call('calibration.setBlind', { sessionId, blind: true })
    const blind = await client.call('calibration.show', { sessionId })
    const pseudonymOf = new Map<string, string>()
    for (const p of blind.placements.filter((q) => q.managerId !== null)) {
      expect(p.managerName).toMatch(/^M-\d{4}$/)
      const before = pseudonymOf.get(p.managerId as string)
      if (before) expect(p.managerName).toBe(before)
      pseudonymOf.set(p.managerId as string, p.managerName as string)
    }
    // Each manager has their own pseudonym.
    expect(new Set(pseudonymOf.values()).size).toBe(pseudonymOf.size)
    expect(JSON.stringify(blind.placements)).not.toContain('Board of Directors')
  })

  it('says who moved and why in words in the log, and the panel says who the person is', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Everyone' })
    const view = await client.call('calibration.show', { sessionId })
    const person = view.placements.find((p) => p.managerId !== null)
    if (!person) throw new Error('nobody managed')
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [person.employeeId],
      box: person.box === 9 ? 8 : 9,
      reasonCode: 'calibration-consensus',
      reason: 'agreed in the meeting',
    })
    const [entry] = await client.call('calibration.log', { sessionId })
    expect(entry?.summary).toMatch(new RegExp(`^${person.name}: box \\d → \\d \\(step 1\\)$`))
    // The stored reason keeps its code (the CLI's JSON); the reason people read is in words.
    expect(entry?.reason).toBe('calibration-consensus: agreed in the meeting')
    expect(entry?.reasonText && english(entry.reasonText)).toBe(
      'consensus of the meeting: agreed in the meeting',
    )

    const detail = await client.call('calibration.person', { sessionId, employeeId: person.employeeId })
    const row = services.session.db
      .prepare('SELECT job_title AS jobTitle, hire_date AS hireDate FROM people WHERE employee_id = ?')
      .get(person.employeeId) as { jobTitle: string; hireDate: string }
    expect(detail.profile?.jobTitle).toBe(row.jobTitle)
    expect(detail.profile?.managerName).toBe(fullName(person.managerId as string))
    const [hy, hm, hd] = row.hireDate.split('-').map(Number) as [number, number, number]
    const [ay, am, ad] = view.settings.asOf.split('-').map(Number) as [number, number, number]
    expect(detail.profile?.tenureMonths).toBe((ay - hy) * 12 + am - hm - (ad < hd ? 1 : 0))

    // Reviewers by name in the ratings and the records; in blind mode not at all.
    const reviewed = detail.reviews.filter((r) => r.reviewerId !== null)
    expect(reviewed.length).toBeGreaterThan(0)
    for (const r of reviewed) expect(r.reviewerName).toBe(fullName(r.reviewerId as string) ?? r.reviewerId)
    const labels = (d: typeof detail): string[] =>
      [...d.performance.evidence, ...d.flags.flatMap((f) => f.evidence)].map((e) => e.label)
    const named = labels(detail).filter((l) => l.includes(' review by '))
    expect(named.length).toBeGreaterThan(0)
    for (const label of named) expect(label).not.toMatch(/ by E\d+$/)
    await client.call('calibration.setBlind', { sessionId, blind: true })
    const blind = await client.call('calibration.person', { sessionId, employeeId: person.employeeId })
    expect(labels(blind).filter((l) => l.includes(' review by '))).toEqual([])
    expect(blind.reviews.every((r) => r.reviewerName === null)).toBe(true)
    // Nor the job title or hire date (a title is often one person's); level and tenure stay.
    expect(blind.profile).toMatchObject({ jobTitle: null, hireDate: null })
    expect(blind.profile?.tenureMonths).toBe(detail.profile?.tenureMonths)
    expect(blind.profile?.jobLevel).toBe(detail.profile?.jobLevel)
    await client.call('calibration.setBlind', { sessionId, blind: false })

    // The workbook names the manager and labels the box.
    const out = join(dir, 'results.xlsx')
    await client.call('calibration.export', { sessionId, path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const sheet = book.getWorksheet('Placements')
    const header = (sheet?.getRow(1).values as unknown[]).slice(1)
    // The label after the columns that were there before it; the previous cycle's columns come after it, then the
    // managers' proposals beside the evidence and final boxes.
    const labelColumn = header.indexOf('Final box label') + 1
    expect(labelColumn).toBe(13)
    expect(header.slice(labelColumn)).toEqual([
      'Previous box',
      'Previous box label',
      'Change since previous',
      'Proposed by',
      'Proposal comment',
      'Proposed box',
      'Evidence box',
      'Final box',
      'Final vs proposal',
    ])
    const cells = sheet
      ?.getRows(2, (sheet?.rowCount ?? 1) - 1)
      ?.find((r) => r.getCell(1).value === person.employeeId)
    expect(cells?.getCell(3).value).toBe(fullName(person.managerId as string))
    expect(cells?.getCell(labelColumn).value).toBe(view.settings.labels[String(person.box === 9 ? 8 : 9)])
  })

  it('sums up what is left before finalizing, and says when the targets refuse it', async () => {
    const { sessionId } = await client.call('calibration.create', {
      name: 'Strict',
      settings: { enforceTargets: true },
    })
    const view = await client.call('calibration.show', { sessionId })
    const first = view.placements[0]
    if (!first) throw new Error('nobody placed')
    await client.call('calibration.markDiscussed', {
      sessionId,
      employeeId: first.employeeId,
      discussed: true,
    })
    const summary = finalizeSummary(await client.call('calibration.show', { sessionId }))
    expect(summary.notDiscussed).toBe(view.placements.length - 1)
    expect(summary.openFlags).toBe(
      [...view.placements, ...view.holding].flatMap((p) => p.flags).filter((f) => f.status === 'open').length,
    )
    expect(summary.holding).toBe(view.holding.length)
    expect(summary.offTarget.map((d) => d.box)).toEqual(
      view.distribution.filter((d) => d.deviation !== 'on-target').map((d) => d.box),
    )
    expect(summary.offTarget.length).toBeGreaterThan(0)
    expect(summary.refused).toBe(true)
    // The service refuses as the summary said.
    await expect(client.call('calibration.setStatus', { sessionId, status: 'finalized' })).rejects.toThrow(
      /target/,
    )
  })
})
