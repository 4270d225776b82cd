import type { CalibrationView } from '../../../shared/contract/calibration'
import { writeXlsx, type SheetSpec } from '../../export/xlsxWriter'
import { describeScope } from './calibrationService'
import { withoutRecords, type FlagRecords } from './flagRecords'
import type { MoveLogEntry } from './sessionMoves'

const AMBER = 'FFFFE699'
const RED = 'FFF4B6B6'
const BLUE = 'FFBDD7EE'

/**
 * The calibration results workbook: Summary (distribution before/after vs target), Placements, Changes (the full
 * move log, undone steps included) and Flags, plus the holding area. A pre-read is the same book before any move.
 */
export async function writeCalibrationWorkbook(
  path: string,
  view: CalibrationView,
  changes: readonly MoveLogEntry[],
  kind: 'results' | 'pre-read',
  records: FlagRecords,
): Promise<void> {
  const latestMove = new Map<string, MoveLogEntry>()
  for (const c of changes) if (c.state === 'active') latestMove.set(c.employeeId, c)
  const nameOf = new Map(view.placements.map((p) => [p.employeeId, p.name]))
  const summary: SheetSpec = {
    name: 'Summary',
    preamble: [
      [kind === 'pre-read' ? `Pre-read: ${view.name}` : `Calibration results: ${view.name}`],
      ['Review cycle', view.cycle],
      ['Scope', describeScope(view.scope)],
      ['Facilitator', view.facilitator],
      ['Status', view.status],
      ['As of', view.settings.asOf],
      ['People placed', view.placements.length],
      ['In the holding area', view.holding.length],
      ['Rounding', view.distributionRule],
      [],
    ],
    columns: [
      { header: 'Box', width: 6, kind: 'number' },
      { header: 'Label', width: 26 },
      { header: 'Computed (before)', width: 18, kind: 'number' },
      { header: 'Final (after)', width: 14, kind: 'number' },
      { header: 'Target %', width: 10, kind: 'number' },
      { header: 'Target count', width: 13, kind: 'number' },
      { header: 'Against target', width: 15 },
    ],
    rows: view.distribution.map((d) => [
      d.box,
      d.label,
      d.computed,
      d.actual,
      d.targetPercent,
      d.targetCount,
      d.deviation,
    ]),
    colours: [
      { formula: '$G12="over"', columns: { from: 7, to: 7 }, argb: RED },
      { formula: '$G12="under"', columns: { from: 7, to: 7 }, argb: BLUE },
    ],
  }
  const placements: SheetSpec = {
    name: 'Placements',
    columns: [
      { header: 'Employee ID', width: 14 },
      { header: 'Name', width: 24 },
      { header: 'Manager', width: 14 },
      { header: 'Department', width: 18 },
      { header: 'Computed box', width: 14, kind: 'number' },
      { header: 'Final box', width: 11, kind: 'number' },
      { header: 'Moved?', width: 9 },
      { header: 'Reason', width: 40 },
      { header: 'Performance', width: 13 },
      { header: 'Potential', width: 11 },
      { header: 'Learning agility', width: 16 },
      { header: 'Flags', width: 40 },
    ],
    rows: view.placements.map((p) => {
      const move = latestMove.get(p.employeeId)
      return [
        p.employeeId,
        p.name,
        p.managerId,
        p.department,
        p.computedBox,
        p.box,
        p.box !== p.computedBox ? 'yes' : 'no',
        p.box !== p.computedBox && move ? `${move.reasonCode}: ${move.reason}` : null,
        p.performance.level,
        p.potential.level,
        p.agility.index ?? 'insufficient evidence',
        p.flags.map((f) => f.code).join(', ') || null,
      ]
    }),
    colours: [{ formula: '$F2<>$E2', columns: { from: 1, to: 12 }, argb: AMBER }],
  }
  const changeSheet: SheetSpec = {
    name: 'Changes',
    columns: [
      { header: 'Step', width: 6, kind: 'number' },
      { header: 'When', width: 22 },
      { header: 'Who', width: 16 },
      { header: 'Employee ID', width: 14 },
      { header: 'Name', width: 24 },
      { header: 'From box', width: 10, kind: 'number' },
      { header: 'To box', width: 8, kind: 'number' },
      { header: 'Computed box', width: 14, kind: 'number' },
      { header: 'Reason code', width: 22 },
      { header: 'Reason', width: 40 },
      { header: 'State', width: 11 },
    ],
    rows: changes.map((c) => [
      c.step,
      c.at,
      c.actor,
      c.employeeId,
      nameOf.get(c.employeeId) ?? c.name,
      c.fromBox,
      c.toBox,
      c.computedBox,
      c.reasonCode,
      c.reason,
      c.state,
    ]),
    colours: [{ formula: '$K2<>"active"', columns: { from: 1, to: 11 }, argb: 'FFD9D9D9' }],
  }
  const flags: SheetSpec = {
    name: 'Flags',
    columns: [
      { header: 'Employee ID', width: 14 },
      { header: 'Name', width: 24 },
      { header: 'Code', width: 26 },
      { header: 'Severity', width: 10 },
      { header: 'Status', width: 13 },
      { header: 'Rationale', width: 60 },
      { header: 'Evidence', width: 60 },
      { header: 'Note', width: 30 },
    ],
    rows: [...view.placements, ...view.holding].flatMap((p) =>
      (records.get(p.employeeId) ?? withoutRecords(p.flags)).map((f) => [
        p.employeeId,
        p.name,
        f.code,
        f.severity,
        f.status,
        f.rationale,
        f.evidence.map((e) => `${e.date ?? ''} ${e.label}: ${e.value}`.trim()).join('\n') || null,
        f.note,
      ]),
    ),
    colours: [{ formula: '$D2="high"', columns: { from: 3, to: 4 }, argb: RED }],
  }
  const holding: SheetSpec = {
    name: 'Holding area',
    columns: [
      { header: 'Employee ID', width: 14 },
      { header: 'Name', width: 24 },
      { header: 'Department', width: 18 },
      { header: 'Reason', width: 22 },
      { header: 'Explanation', width: 60 },
    ],
    rows: view.holding.map((h) => [h.employeeId, h.name, h.department, h.reason, h.explanation]),
  }
  await writeXlsx(path, [summary, placements, changeSheet, flags, holding])
}
