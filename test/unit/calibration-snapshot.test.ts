import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../../src/main/services/calibration/flagRecords'

describe('finalized session snapshots', () => {
  it('reads a snapshot written before flags lost their inline evidence into the current shape', () => {
    const evidence = [
      { kind: 'learning', id: 7, date: '2026-03-01', label: 'Code of Conduct', value: 'failed' },
    ]
    const legacy = {
      sessionId: 's',
      placements: [
        {
          employeeId: 'E1',
          agility: {
            index: 81.5,
            components: [{ rank: 0.9 }, { rank: null }, { rank: 0.7 }, { rank: 0.5 }],
          },
          flags: [
            {
              code: 'COMPLIANCE_GAP',
              severity: 'high',
              rationale: 'r',
              status: 'open',
              note: null,
              evidence,
            },
          ],
        },
        { employeeId: 'E2', agility: { index: null, components: [] }, flags: [] },
      ],
    }
    const { view, records } = readSnapshot(JSON.stringify(legacy))
    expect(view.placements[0]?.agility).toEqual({ index: 81.5, ranks: [0.9, null, 0.7, 0.5] })
    expect(view.placements[0]?.flags[0]).not.toHaveProperty('evidence')
    expect(records.get('E1')?.[0]?.evidence).toEqual(evidence)
    expect(records.has('E2')).toBe(false)
    expect(view).not.toHaveProperty('flagRecords')
  })
})
