import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('the skills ontology', () => {
  let services: Services
  let client: Client
  const ratingsOf = (skill: string): number =>
    (
      services.session.db
        .prepare(
          'SELECT count(*) AS n FROM competency_ratings r JOIN skills s ON s.id = r.skill_id WHERE s.name = ?',
        )
        .get(skill) as { n: number }
    ).n

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Ontology', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 200, seed: 8 })
  })
  afterEach(() => services.dispose())

  it('maps imported skill names through aliases and normalisation, and reports new ones with similar skills', async () => {
    const before = { cloud: ratingsOf('Cloud Architecture'), pm: ratingsOf('Project Management') }
    const file = join(tempDir(), 'ratings.csv')
    writeFileSync(
      file,
      [
        'Employee ID,Skill,Level,Source,Rated At',
        'E100001,cloud arch,4,assessment,2026-10-01',
        'E100002,Project-Management,3,assessment,2026-10-01',
        'E100003,Client Management,2,manager,2026-10-01',
      ].join('\n'),
    )
    const result = await client.call('import.commit', { path: file, kind: 'competencies' })
    expect(result).toMatchObject({ outcome: 'stored', rows: { inserted: 3 } })
    expect(ratingsOf('Cloud Architecture')).toBe(before.cloud + 1)
    expect(ratingsOf('Project Management')).toBe(before.pm + 1)
    const note = result.warnings.find((w) => w.code === 'NEW_SKILL')
    expect(note).toMatchObject({ value: 'Client Management' })
    expect(note?.message).toMatch(/similar ones already exist: .*Account Management/)
  })

  it('merges a skill into another (ratings, requirements, aliases), and undoes the merge exactly', async () => {
    const file = join(tempDir(), 'ratings.csv')
    writeFileSync(
      file,
      'Employee ID,Skill,Level,Source\nE100003,Client Management,2,manager\nE100004,Client Management,4,manager\n',
    )
    await client.call('import.commit', { path: file, kind: 'competencies' })
    const { roleId } = await client.call('succession.createRole', {
      title: 'Key accounts lead',
      risk: 'medium',
      impact: 'medium',
      requirements: [
        { skill: 'Client Management', minLevel: 4 },
        { skill: 'Account Management', minLevel: 3 },
      ],
    })
    const skills = await client.call('skills.list')
    const client_ = skills.find((s) => s.name === 'Client Management')
    const account = skills.find((s) => s.name === 'Account Management')
    if (!client_ || !account) throw new Error('skills missing')
    const accountRatings = ratingsOf('Account Management')
    expect(
      (await client.call('skills.suggestMerges')).some(
        (p) => [p.a, p.b].sort().join('|') === 'Account Management|Client Management',
      ),
    ).toBe(true)

    const merged = await client.call('skills.merge', { fromId: client_.skillId, intoId: account.skillId })
    expect(merged.moved).toEqual({ ratings: 2, items: 0, roles: 1 })
    expect(ratingsOf('Account Management')).toBe(accountRatings + 2)
    const after = await client.call('skills.list')
    expect(after.find((s) => s.skillId === client_.skillId)?.status).toBe('retired')
    expect(after.find((s) => s.skillId === account.skillId)?.aliases).toContain('Client Management')
    const role = (await client.call('succession.roles')).find((r) => r.roleId === roleId)
    expect(role?.requirements).toEqual([
      { skillId: account.skillId, skill: 'Account Management', minLevel: 4 },
    ])

    await client.call('skills.undoMerge', { mergeId: merged.mergeId })
    expect(ratingsOf('Client Management')).toBe(2)
    expect(ratingsOf('Account Management')).toBe(accountRatings)
    const restored = await client.call('skills.list')
    expect(restored.find((s) => s.skillId === client_.skillId)?.status).toBe('active')
    expect(restored.find((s) => s.skillId === account.skillId)?.aliases).not.toContain('Client Management')
    expect(
      (await client.call('succession.roles'))
        .find((r) => r.roleId === roleId)
        ?.requirements.map((r) => [r.skill, r.minLevel]),
    ).toEqual([
      ['Client Management', 4],
      ['Account Management', 3],
    ])
    expect((await client.call('skills.merges'))[0]).toMatchObject({
      from: 'Client Management',
      into: 'Account Management',
      undone: true,
    })
  })

  it('reads text levels through the declared conversions onto the shared 1–5 scale, and names the unknown ones', async () => {
    const scale = await client.call('skills.proficiency')
    expect(scale.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5])
    expect(scale.conversions[0]?.labels).toEqual({ beginner: 1, intermediate: 2, advanced: 4, expert: 5 })
    const file = join(tempDir(), 'levels.csv')
    writeFileSync(
      file,
      'Employee ID,Skill,Level,Source\nE100005,Negotiation,Advanced,assessment\nE100006,Negotiation,expert,assessment\n',
    )
    expect(await client.call('import.commit', { path: file, kind: 'competencies' })).toMatchObject({
      outcome: 'stored',
    })
    const levels = services.session.db
      .prepare(
        "SELECT p.employee_id AS id, r.level FROM competency_ratings r JOIN people p ON p.id = r.person_id WHERE p.employee_id IN ('E100005', 'E100006') AND r.source = 'assessment' ORDER BY r.id DESC LIMIT 2",
      )
      .all()
    expect(levels).toEqual(
      expect.arrayContaining([
        { id: 'E100005', level: 4 },
        { id: 'E100006', level: 5 },
      ]),
    )
    const bad = join(tempDir(), 'bad.csv')
    writeFileSync(bad, 'Employee ID,Skill,Level,Source\nE100005,Negotiation,Guru,assessment\n')
    const rejected = await client.call('import.commit', { path: bad, kind: 'competencies' })
    expect(rejected.errors[0]).toMatchObject({
      row: 2,
      column: 'Level',
      value: 'Guru',
      code: 'INVALID_LEVEL',
    })
  })

  it('exports the ontology as a workbook and reads one back as a single all-or-nothing change', async () => {
    const out = join(tempDir(), 'ontology.xlsx')
    await client.call('skills.exportOntology', { path: out })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const skills = book.getWorksheet('Skills')
    const cloud = skills
      ?.getRows(2, (skills?.rowCount ?? 1) - 1)
      ?.find((r) => r.getCell(1).value === 'Cloud Architecture')
    expect(cloud?.getCell(5).value).toBe('Cloud Arch; Solution Architecture')
    expect(book.getWorksheet('Learning items')?.getRow(1).values).toEqual([
      undefined,
      'Item ID',
      'Title',
      'Skill',
      'Level',
    ])

    // Edit it as a person would: a new skill with an alias, and an item mapped to it.
    skills?.addRow([
      'Stakeholder Management',
      'Core',
      'Aligning people with a stake in the work',
      'active',
      'Stakeholder Mgmt',
    ])
    book
      .getWorksheet('Learning items')
      ?.addRow(['CRS-NEGOTIATION', 'Negotiation Fundamentals', 'stakeholder mgmt', 2])
    const edited = join(tempDir(), 'edited.xlsx')
    await book.xlsx.writeFile(edited)
    const result = await client.call('skills.importOntology', { path: edited })
    expect(result).toMatchObject({ stored: true, skills: { created: 1 }, errors: [] })
    const stakeholder = (await client.call('skills.list')).find((s) => s.name === 'Stakeholder Management')
    expect(stakeholder).toMatchObject({ category: 'Core', aliases: ['Stakeholder Mgmt'], uses: { items: 1 } })

    // A bad level anywhere: nothing changes, and the problem is named by sheet, row and column.
    book
      .getWorksheet('Learning items')
      ?.addRow(['CRS-NEGOTIATION', 'Negotiation Fundamentals', 'Negotiation', 7])
    skills?.addRow(['Yet Another Skill', null, null, 'active', null])
    const bad = join(tempDir(), 'bad.xlsx')
    await book.xlsx.writeFile(bad)
    const refused = await client.call('skills.importOntology', { path: bad })
    expect(refused.stored).toBe(false)
    expect(refused.errors).toEqual([
      expect.objectContaining({
        sheet: 'Learning items',
        column: 'Level',
        value: '7',
        message: 'the level is a whole number 1–5',
      }),
    ])
    expect((await client.call('skills.list')).some((s) => s.name === 'Yet Another Skill')).toBe(false)

    await client.call('skills.mapItem', {
      activityId: 'CRS-NEGOTIATION',
      skill: 'Stakeholder Management',
      level: null,
    })
    expect(
      (await client.call('skills.list')).find((s) => s.name === 'Stakeholder Management')?.uses.items,
    ).toBe(0)
  })
})
