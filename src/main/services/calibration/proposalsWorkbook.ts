import type { CalibrationView, Level } from '../../../shared/contract'
import { type Translator } from '../../../shared/i18n/translate'
import type { SheetSpec } from '../../export/xlsxWriter'

import { layoutFor } from './proposalsLayout'
import type { Member } from './proposalsReadBack'

/**
 * The pre-read's Proposals sheet: who is in the session and where the evidence puts them (protected), then the
 * columns a manager fills in (unlocked, tinted): a box, or performance and potential in words, who proposes and why.
 * Proposals already imported are filled in, so a workbook sent round again shows what was proposed before.
 */
export function proposalsSheet(
  view: CalibrationView,
  tr: Translator,
  labelOf: (box: number | null) => string | null,
  /** Held people's managers by employee ID (a held person carries no manager of their own). */
  heldManagers: ReadonlyMap<string, string | null> = new Map(),
): SheetSpec {
  const layout = layoutFor(tr.locale)
  const t = tr.t
  const level = (l: Level | null): string | null => (l === null ? null : layout.levels[l])
  const placed = view.placements.map((p) => [
    p.employeeId,
    p.name,
    p.managerName ?? p.managerId,
    p.department,
    p.computedBox,
    labelOf(p.computedBox),
    t(`calibration.level.${p.performance.level}`),
    t(`calibration.level.${p.potential.level}`),
    p.proposedBox ?? null,
    level(p.proposal?.performance ?? null),
    level(p.proposal?.potential ?? null),
    // The manager proposes unless the sheet says otherwise.
    p.proposal?.by ?? p.managerName ?? p.managerId,
    p.proposal?.comment ?? null,
  ])
  // Someone the data could not place can still get a proposal: the meeting then has something to start from.
  const held = view.holding.map((h) => [
    h.employeeId,
    h.name,
    heldManagers.get(h.employeeId) ?? null,
    h.department,
    null,
    t('calibration.proposals.held'),
    null,
    null,
    h.proposedBox ?? null,
    level(h.proposal?.performance ?? null),
    level(h.proposal?.potential ?? null),
    h.proposal?.by ?? heldManagers.get(h.employeeId) ?? null,
    h.proposal?.comment ?? null,
  ])
  const editable = { editable: true } as const
  return {
    name: layout.sheet,
    preamble: [
      [t('calibration.proposals.title', { name: view.name })],
      [
        t('calibration.proposals.instructions', {
          low: layout.levels.low,
          moderate: layout.levels.moderate,
          high: layout.levels.high,
        }),
      ],
      [t('calibration.proposals.protected')],
      [],
    ],
    columns: [
      { header: layout.employeeId, width: 14 },
      { header: layout.name, width: 24 },
      { header: layout.manager, width: 24 },
      { header: layout.department, width: 18 },
      { header: layout.evidenceBox, width: 13, kind: 'number' },
      { header: layout.evidenceLabel, width: 22 },
      { header: layout.performance, width: 13 },
      { header: layout.potential, width: 11 },
      { header: layout.proposedBox, width: 14, kind: 'number', ...editable, choices: 'box' },
      {
        header: layout.proposedPerformance,
        width: 22,
        ...editable,
        choices: [layout.levels.low, layout.levels.moderate, layout.levels.high],
      },
      {
        header: layout.proposedPotential,
        width: 20,
        ...editable,
        choices: [layout.levels.low, layout.levels.moderate, layout.levels.high],
      },
      { header: layout.proposedBy, width: 24, ...editable },
      { header: layout.comment, width: 50, ...editable },
    ],
    rows: [...placed, ...held],
    protect: true,
  }
}

/** The held people's managers by name, from the session's members. */
export function heldManagersOf(
  members: ReadonlyMap<string, Member>,
  holding: CalibrationView['holding'],
): Map<string, string | null> {
  return new Map(holding.map((h) => [h.employeeId, members.get(h.employeeId)?.managerName ?? null]))
}
