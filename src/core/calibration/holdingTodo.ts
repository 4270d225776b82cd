import type {
  CalibrationSettings,
  HeldPerson,
  HoldingAction,
  HoldingGroup,
  PotentialSourceKey,
} from '../../shared/contract/calibration'
import { english } from '../../shared/i18n/translate'
import { message, type Message } from './messages'
import { resolvePotential } from './potential'

/** What a person held for insufficient evidence has on record, for counting what another source would place. */
export interface HeldEvidence {
  agilityIndex: number | null
  potentialRating: number | null
  assessmentPercentile: number | null
}

const SOURCES: readonly PotentialSourceKey[] = ['assessment', 'manager', 'agility']
const REASONS: readonly HeldPerson['reason'][] = ['insufficient-evidence', 'not-rated', 'too-new']

/**
 * The holding area as a to-do list: one group per reason, with its count and the actions that would resolve it.
 * Another potential source is offered only when it would place at least one of the group, with how many; a
 * group is never told to use what it does not have.
 */
export function holdingTodo(
  holding: readonly HeldPerson[],
  insufficient: readonly HeldEvidence[],
  settings: CalibrationSettings,
  cycleName: string,
): HoldingGroup[] {
  const counts = new Map<HeldPerson['reason'], number>()
  for (const h of holding) counts.set(h.reason, (counts.get(h.reason) ?? 0) + 1)
  const groups: HoldingGroup[] = []
  for (const reason of REASONS) {
    const count = counts.get(reason) ?? 0
    if (count === 0) continue
    const actions: HoldingAction[] = []
    let text: Message
    if (reason === 'insufficient-evidence') {
      text = message('calibration.todo.insufficient', { count, cycle: cycleName })
      for (const source of SOURCES) {
        if (source === settings.potential.source) continue
        const other = { ...settings.potential, source, blendOf: undefined }
        const places = insufficient.filter(
          (e) => resolvePotential(e.agilityIndex, e.potentialRating, e.assessmentPercentile, other) !== null,
        ).length
        if (places > 0) actions.push({ kind: 'source', source, places })
      }
      actions.push({ kind: 'import', importKind: 'reviews', what: 'potential-ratings' })
      actions.push({ kind: 'import', importKind: 'learning', what: 'assessments' })
    } else if (reason === 'not-rated') {
      text = message('calibration.todo.notRated', { count, cycle: cycleName })
      actions.push({ kind: 'import', importKind: 'reviews', what: 'ratings' })
    } else {
      text = message('calibration.todo.tooNew', { count, months: settings.minTenureMonths })
    }
    actions.push({ kind: 'place-by-hand' })
    groups.push({ reason, count, summary: english(text), text, actions })
  }
  return groups
}
