import { afterEach, beforeEach, expect, it } from 'vitest'
import { describe } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { findManagerCycles, inconsistentLabels } from '../../src/core/quality/managerGraph'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('manager graph', () => {
  it('finds reporting loops, once each', () => {
    const graph = new Map<string, string | null>([
      ['ceo', null],
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'a'],
      ['e', 'e'],
    ])
    expect(findManagerCycles(graph).map((c) => [...c].sort().join(''))).toEqual(['abc', 'e'])
  })

  it('groups labels that differ only by case and spacing', () => {
    expect(
      inconsistentLabels([
        { value: 'Sales ', count: 3 },
        { value: 'sales', count: 1 },
        { value: 'Legal', count: 2 },
      ]),
    ).toEqual([
      {
        key: 'sales',
        variants: [
          { value: 'Sales ', count: 3 },
          { value: 'sales', count: 1 },
        ],
      },
    ])
  })
})

describeWithSharedData('data-quality report on real files', () => {
  let services: Services
  let client: Client
  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Quality', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('HRDataset_v14: managers are found by name; an ID from another numbering stays dangling only where the name is nobody in the file', async () => {
    await client.call('import.commit', { path: sharedFile('hr/HRDataset_v14.csv'), kind: 'people' })
    const report = await client.call('quality.report')
    expect(report.people).toBe(311)
    const byCode = new Map(report.findings.map((f) => [f.code, f]))
    // ManagerID holds 1–39, EmpID 10001–10311; ManagerName is auto-mapped and finds 236 managers in the file. The 75
    // who name Michael Albert, David Stanley, Webster Butler, Alex Sweetwater or the Board (none of them in the
    // file) keep their ManagerID where they have one (67, dangling) and are listed by name where they have none (8).
    expect(byCode.get('DANGLING_MANAGER')?.count).toBe(67)
    expect(byCode.get('DANGLING_MANAGER')?.examples[0]).toEqual({
      employeeId: '10004',
      fullName: expect.any(String),
      managerId: expect.any(String),
    })
    expect(byCode.get('DANGLING_MANAGER')?.examples).toHaveLength(20)
    expect(byCode.get('UNRESOLVED_MANAGER')?.count).toBe(8)
    // Nobody with a named manager counts as having none.
    expect(byCode.get('MISSING_MANAGER')).toBeUndefined()
  })

  it('IBM: only 3 and 4 used on a 1–4 scale is a compressed distribution', async () => {
    await client.call('import.commit', {
      path: sharedFile('hr/WA_Fn-UseC_-HR-Employee-Attrition.csv'),
      kind: 'people',
    })
    const mapping = {
      columns: { EmployeeNumber: 'employeeId', PerformanceRating: 'overallRating' },
      scale: { min: 1, max: 4 },
      constants: { cycle: 'IBM snapshot' },
    }
    await client.call('import.commit', {
      path: sharedFile('hr/WA_Fn-UseC_-HR-Employee-Attrition.csv'),
      kind: 'reviews',
      mapping,
    })
    const report = await client.call('quality.report')
    expect(report.findings.find((f) => f.code === 'COMPRESSED_RATINGS')).toMatchObject({
      count: 1,
      examples: [{ cycle: 'IBM snapshot', scale: '1–4', used: '3,4', reviews: 1470 }],
    })
  })

  it('a clean demo organisation has no errors', async () => {
    await client.call('demo.populate', { people: 300 })
    const report = await client.call('quality.report')
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([])
  })
})
