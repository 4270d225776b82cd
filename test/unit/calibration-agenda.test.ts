import { describe, expect, it } from 'vitest'
import type { FlagSummary, Placement } from '../../src/shared/contract'
import { agendaOf } from '../../src/core/calibration/agenda'

const flag = (
  code: FlagSummary['code'],
  severity: FlagSummary['severity'],
  status: FlagSummary['status'] = 'open',
) => ({ code, severity, status, rationale: '', note: null }) as FlagSummary

const person = (
  name: string,
  flags: FlagSummary[],
  potential: { value: number | null; basis?: 'agility' | 'manager' } = { value: 50 },
  discussed = false,
): Placement =>
  ({
    employeeId: name,
    name,
    box: 5,
    discussed,
    flags,
    potential: { level: 'moderate', basis: 'agility', ...potential },
  }) as unknown as Placement

const cuts = { potentialCuts: { moderateFrom: 30, highFrom: 80 } }

describe('the meeting agenda', () => {
  it('puts open high flags first, then big moves, medium flags and potential on a box edge; nobody with nothing', () => {
    const agenda = agendaOf(
      [
        person('Quiet', []),
        person('Edge', [], { value: 79 }),
        person('Medium', [flag('STALE_EVIDENCE', 'medium')]),
        person('Mover', [flag('BIG_MOVER', 'info')]),
        person('Gap', [flag('COMPLIANCE_GAP', 'high'), flag('BIG_MOVER', 'info')]),
        person('Settled', [flag('COMPLIANCE_GAP', 'high', 'resolved')]),
        // A manager's rating is cut on its scale, not by the session's scores: never "on the edge" of them.
        person('Rated', [], { value: 79, basis: 'manager' }),
      ],
      cuts,
    )
    expect(agenda.map((a) => [a.name, a.weight])).toEqual([
      ['Gap', 5],
      ['Mover', 2],
      ['Edge', 1],
      ['Medium', 1],
    ])
    expect(agenda[0]?.reasons).toEqual([
      { kind: 'flag', code: 'COMPLIANCE_GAP', severity: 'high' },
      { kind: 'big-mover' },
    ])
  })

  it('sends whoever was discussed to the end, whatever they carry', () => {
    const agenda = agendaOf(
      [
        person('Done', [flag('COMPLIANCE_GAP', 'high')], { value: 50 }, true),
        person('Next', [flag('BIG_MOVER', 'info')]),
      ],
      cuts,
    )
    expect(agenda.map((a) => a.name)).toEqual(['Next', 'Done'])
  })

  it('lists a proposal far from the evidence (two boxes, or across the top or bottom edge) after a big move', () => {
    const proposed = (name: string, computedBox: number, proposedBox: number, flags: FlagSummary[] = []) =>
      ({ ...person(name, flags), computedBox, proposedBox, source: 'computed' }) as Placement
    const agenda = agendaOf(
      [
        proposed('Near', 5, 6),
        proposed('Far', 4, 9),
        proposed('Corner', 8, 9),
        proposed('Bottom', 2, 1, [flag('STALE_EVIDENCE', 'medium')]),
        proposed('Both', 5, 9, [flag('BIG_MOVER', 'info')]),
        { ...proposed('ByHand', 3, 9), source: 'placed' } as Placement,
      ],
      cuts,
    )
    expect(agenda.map((a) => [a.name, a.weight])).toEqual([
      ['Both', 4],
      ['Bottom', 3],
      ['Corner', 2],
      ['Far', 2],
    ])
    expect(agenda[0]?.reasons).toEqual([{ kind: 'big-mover' }, { kind: 'proposal-far' }])
    expect(agenda[1]?.reasons).toEqual([
      { kind: 'proposal-far' },
      { kind: 'flag', code: 'STALE_EVIDENCE', severity: 'medium' },
    ])
  })

  it('has no edge without cuts (a session computed before they were kept)', () => {
    expect(agendaOf([person('Edge', [], { value: 80 })], {})).toEqual([])
  })
})
