import type { FlagCode, FlagContext, Placement } from '../../shared/contract/calibration'
import { farFromEvidence } from './proposals'

/** Why someone is on the agenda, most pressing first. */
export type AgendaReason =
  | { kind: 'flag'; code: FlagCode; severity: 'high' | 'medium' }
  | { kind: 'big-mover' }
  | { kind: 'proposal-far' }
  | { kind: 'edge' }

export interface AgendaItem {
  employeeId: string
  name: string
  box: number
  discussed: boolean
  /**
   * Higher first: open high flags 3 each, a big move 2, a proposal far from the evidence 2, open medium flags 1 each,
   * potential on a box edge 1.
   */
  weight: number
  reasons: AgendaReason[]
}

/**
 * A potential score this close to where a level begins (agility index, percentile or blend, 0–100) could as well
 * sit in the next box: worth a word in the meeting.
 */
const EDGE = 2.5

/**
 * The discussion queue: everyone the meeting should talk about, ordered by what most needs it — open high flags
 * (each), a big move since the last cycle, a manager's proposal far from the evidence, open medium flags, a potential score right by the cut between two
 * boxes (ratings are points of a scale, so a rating is never "nearly" in the next box). Someone already discussed goes to the end, whatever they carry; nobody with nothing to discuss is listed.
 * Ties keep the grid's order by name.
 */
export function agendaOf(
  placements: readonly Placement[],
  context: Pick<FlagContext, 'potentialCuts'>,
): AgendaItem[] {
  return inAgendaOrder(agendaItems(placements, context))
}

/** One collator for the agenda's ties: localeCompare builds one per call, which a company-wide agenda feels. */
const byName = new Intl.Collator()

/** The agenda's order (see agendaOf), for items already found. */
export function inAgendaOrder(items: readonly AgendaItem[]): AgendaItem[] {
  return [...items].sort(
    (a, b) =>
      Number(a.discussed) - Number(b.discussed) || b.weight - a.weight || byName.compare(a.name, b.name),
  )
}

/** Everyone with something to discuss, in the grid's order: a single pass, for counts that need no order. */
export function agendaItems(
  placements: readonly Placement[],
  context: Pick<FlagContext, 'potentialCuts'>,
  /** Items already found per placement object under the same context (a move keeps every other placement as it was). */
  found?: WeakMap<Placement, AgendaItem | null>,
): AgendaItem[] {
  const cuts = [context.potentialCuts?.moderateFrom, context.potentialCuts?.highFrom].filter(
    (c): c is number => c !== undefined,
  )
  const items: AgendaItem[] = []
  for (const p of placements) {
    let item = found?.get(p)
    if (item === undefined) {
      item = agendaItem(p, cuts)
      found?.set(p, item)
    }
    if (item) items.push(item)
  }
  return items
}

function agendaItem(p: Placement, cuts: readonly number[]): AgendaItem | null {
  const reasons: AgendaReason[] = []
  let weight = 0
  for (const f of p.flags) {
    if (f.status !== 'open') continue
    if (f.code === 'BIG_MOVER') {
      reasons.push({ kind: 'big-mover' })
      weight += 2
    } else if (f.severity === 'high' || f.severity === 'medium') {
      reasons.push({ kind: 'flag', code: f.code, severity: f.severity })
      weight += f.severity === 'high' ? 3 : 1
    }
  }
  // The manager's proposal against the box the records give (someone placed by hand has no such box).
  if (
    p.proposedBox !== null &&
    p.proposedBox !== undefined &&
    p.source !== 'placed' &&
    farFromEvidence(p.proposedBox, p.computedBox)
  ) {
    reasons.push({ kind: 'proposal-far' })
    weight += 2
  }
  const score = p.potential.value
  if (p.potential.basis !== 'manager' && score !== null && cuts.some((c) => Math.abs(score - c) <= EDGE)) {
    reasons.push({ kind: 'edge' })
    weight += 1
  }
  if (weight === 0) return null
  // High flags first, then the big move, the far proposal, medium flags, the edge.
  const rank = (r: AgendaReason): number =>
    r.kind === 'flag'
      ? r.severity === 'high'
        ? 0
        : 3
      : r.kind === 'big-mover'
        ? 1
        : r.kind === 'proposal-far'
          ? 2
          : 4
  reasons.sort((a, b) => rank(a) - rank(b))
  return { employeeId: p.employeeId, name: p.name, box: p.box, discussed: p.discussed, weight, reasons }
}
