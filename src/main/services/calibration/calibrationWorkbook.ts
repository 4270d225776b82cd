import { flagCode, moveReasonCode, type CalibrationView } from '../../../shared/contract/calibration'
import {
  translate,
  translator,
  type Locale,
  type MessageKey,
  type Translator,
} from '../../../shared/i18n/translate'
import { movement, movementText } from '../../../core/calibration/previousPlacement'
import { writeXlsx, type SheetSpec } from '../../export/xlsxWriter'
import { describeScope } from './calibrationService'
import { withoutRecords, type FlagRecords } from './flagRecords'
import type { MoveLogEntry } from './moveLog'
import { proposalOutcomes } from '../../../core/calibration/proposals'
import { proposalsSheet } from './proposalsWorkbook'

const AMBER = 'FFFFE699'
const RED = 'FFF4B6B6'
const BLUE = 'FFBDD7EE'

/** A text for a conditional-formatting formula: in double quotes, a quote inside doubled. */
export const excelText = (text: string): string => `"${text.replace(/"/g, '""')}"`

/**
 * A box's label as stored: a default label (still the English default name) in the workbook's language, a label
 * someone typed as typed (as the grid shows it).
 */
export function boxLabelText(t: Translator, box: number | null, label: string | null): string | null {
  if (box === null || label === null || !/^[1-9]$/.test(String(box))) return label
  const key = `calibration.boxLabels.${box}` as MessageKey
  return label === translate('en', key) ? t.t(key) : label
}

/** A flag as the session log names it, in words. */
export function flagCodeText(t: Translator, code: string): string {
  return (flagCode.options as readonly string[]).includes(code)
    ? t.t(`calibration.log.flagCode.${code}` as MessageKey)
    : code
}

/** How far a person moved since the previous cycle, in words ("up 2 boxes / down 1 box"); empty without a box then. */
function changeText(t: Translator, previousBox: number | null, box: number): string | null {
  if (previousBox === null) return null
  const text = movementText(movement(previousBox, box))
  return text ? t.m(text) : t.t('calibration.previous.noChange')
}

/** Where the meeting left a proposal, in words ("up 1 box", "as proposed"); empty without a proposal. */
function versusProposal(t: Translator, proposedBox: number | null | undefined, box: number): string | null {
  if (proposedBox === null || proposedBox === undefined) return null
  const text = movementText(movement(proposedBox, box))
  return text ? t.m(text) : t.t('calibration.proposals.asProposed')
}

/** A move reason as the move history names it, in words. */
function reasonCodeText(t: Translator, code: string): string {
  if (code === 'other') return t.t('calibration.panel.reasonCodeOther')
  return (moveReasonCode.options as readonly string[]).includes(code)
    ? t.t(`calibration.panel.reasonCode.${code}` as MessageKey)
    : code
}

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
  locale: Locale = 'en',
  /** The pre-read's: each held person's manager by name (a held person carries none), so managers find theirs. */
  heldManagers: ReadonlyMap<string, string | null> = new Map(),
): Promise<void> {
  const tr = translator(locale)
  const t = tr.t
  const latestMove = new Map<string, MoveLogEntry>()
  for (const c of changes) if (c.state === 'active') latestMove.set(c.employeeId, c)
  const nameOf = new Map(view.placements.map((p) => [p.employeeId, p.name]))
  const labelOf = (box: number | null): string | null =>
    box === null ? null : boxLabelText(tr, box, view.settings.labels[String(box)] ?? null)
  const summary: SheetSpec = {
    name: t('calibration.export.sheet.summary'),
    preamble: [
      [
        kind === 'pre-read'
          ? t('calibration.export.title.preRead', { name: view.name })
          : t('calibration.export.title.results', { name: view.name }),
      ],
      [t('calibration.export.cycle'), view.cycle],
      [
        t('calibration.export.scope'),
        Object.keys(view.scope).length === 0
          ? t('calibration.errors.wholeWorkspace')
          : describeScope(view.scope),
      ],
      [t('calibration.export.facilitator'), view.facilitator],
      [t('calibration.export.status'), t(`calibration.status.${view.status}`)],
      [t('calibration.export.asOf'), view.settings.asOf],
      [t('calibration.export.placed'), view.placements.length],
      [t('calibration.export.inHolding'), view.holding.length],
      [
        t('calibration.export.rounding'),
        // The rule as the core states it (in English), in the workbook's language when it is the known one.
        view.distributionRule === translate('en', 'calibration.distribution.rule')
          ? t('calibration.distribution.rule')
          : view.distributionRule,
      ],
      [],
    ],
    columns: [
      { header: t('calibration.export.col.box'), width: 6, kind: 'number' },
      { header: t('calibration.export.col.label'), width: 26 },
      { header: t('calibration.export.col.computedBefore'), width: 18, kind: 'number' },
      { header: t('calibration.export.col.finalAfter'), width: 14, kind: 'number' },
      { header: t('calibration.export.col.targetPercent'), width: 10, kind: 'number' },
      { header: t('calibration.export.col.targetCount'), width: 13, kind: 'number' },
      { header: t('calibration.export.col.againstTarget'), width: 15 },
    ],
    rows: view.distribution.map((d) => [
      d.box,
      boxLabelText(tr, d.box, d.label),
      d.computed,
      d.actual,
      d.targetPercent,
      d.targetCount,
      t(`calibration.export.deviation.${d.deviation}`),
    ]),
    colours: [
      {
        formula: `$G12=${excelText(t('calibration.export.deviation.over'))}`,
        columns: { from: 7, to: 7 },
        argb: RED,
      },
      {
        formula: `$G12=${excelText(t('calibration.export.deviation.under'))}`,
        columns: { from: 7, to: 7 },
        argb: BLUE,
      },
    ],
  }
  const placedIn = new Map((view.rollupOf ?? []).map((c) => [c.sessionId, c.name]))
  const placements: SheetSpec = {
    name: t('calibration.export.sheet.placements'),
    columns: [
      { header: t('calibration.export.col.employeeId'), width: 14 },
      { header: t('calibration.export.col.name'), width: 24 },
      { header: t('calibration.export.col.manager'), width: 24 },
      { header: t('calibration.export.col.department'), width: 18 },
      { header: t('calibration.export.col.computedBox'), width: 14, kind: 'number' },
      { header: t('calibration.export.col.finalBox'), width: 11, kind: 'number' },
      { header: t('calibration.export.col.moved'), width: 9 },
      { header: t('calibration.export.col.reason'), width: 40 },
      { header: t('calibration.export.col.performance'), width: 13 },
      { header: t('calibration.export.col.potential'), width: 11 },
      { header: t('calibration.export.col.agility'), width: 16 },
      { header: t('calibration.export.col.flags'), width: 40 },
      // Last, so the columns before keep their places for anyone reading the book by column.
      { header: t('calibration.export.col.finalBoxLabel'), width: 22 },
      // The previous cycle beside this one (empty when the person had no box then).
      { header: t('calibration.export.col.previousBox'), width: 13, kind: 'number' },
      { header: t('calibration.export.col.previousBoxLabel'), width: 22 },
      { header: t('calibration.export.col.changeSincePrevious'), width: 26 },
      // Managers' proposals: the proposed, evidence and final boxes side by side, as the meeting compares them
      // (the evidence box is the computed box, the final box is repeated so the three read together).
      { header: t('calibration.export.col.proposedBy'), width: 22 },
      { header: t('calibration.export.col.proposalComment'), width: 40 },
      { header: t('calibration.export.col.proposedBox'), width: 13, kind: 'number' },
      { header: t('calibration.export.col.evidenceBox'), width: 13, kind: 'number' },
      { header: t('calibration.export.col.finalBox'), width: 11, kind: 'number' },
      { header: t('calibration.export.col.finalVsProposal'), width: 22 },
      // A roll-up only: the child session whose final box each person started from.
      ...(placedIn.size > 0 ? [{ header: t('calibration.rollup.placedInColumn'), width: 24 }] : []),
    ],
    rows: view.placements.map((p) => {
      const move = latestMove.get(p.employeeId)
      // Someone placed by hand from the holding area has no computed box: the data could not place them.
      const byHand = p.source === 'placed'
      const moved = byHand || p.box !== p.computedBox
      return [
        p.employeeId,
        p.name,
        // The manager by name (their ID when nobody named them); the employee ID column identifies the person.
        p.managerName ?? p.managerId,
        p.department,
        byHand ? null : p.computedBox,
        p.box,
        moved ? t('calibration.export.yes') : t('calibration.export.no'),
        moved && move
          ? t('calibration.export.reason', { code: reasonCodeText(tr, move.reasonCode), reason: move.reason })
          : null,
        t(`calibration.level.${p.performance.level}`),
        t(`calibration.level.${p.potential.level}`),
        p.agility.index ?? t('calibration.panel.insufficient'),
        p.flags.map((f) => flagCodeText(tr, f.code)).join(', ') || null,
        labelOf(p.box),
        p.previousBox ?? null,
        labelOf(p.previousBox ?? null),
        changeText(tr, p.previousBox ?? null, p.box),
        p.proposal?.by ?? null,
        p.proposal?.comment ?? null,
        p.proposedBox ?? null,
        byHand ? null : p.computedBox,
        p.box,
        versusProposal(tr, p.proposedBox, p.box),
        ...(placedIn.size > 0 ? [placedIn.get(p.fromSession ?? '') ?? null] : []),
      ]
    }),
    colours: [{ formula: '$F2<>$E2', columns: { from: 1, to: 13 }, argb: AMBER }],
  }
  const changeSheet: SheetSpec = {
    name: t('calibration.export.sheet.changes'),
    columns: [
      { header: t('calibration.export.col.step'), width: 6, kind: 'number' },
      { header: t('calibration.export.col.when'), width: 22 },
      { header: t('calibration.export.col.who'), width: 16 },
      { header: t('calibration.export.col.employeeId'), width: 14 },
      { header: t('calibration.export.col.name'), width: 24 },
      { header: t('calibration.export.col.fromBox'), width: 10, kind: 'number' },
      { header: t('calibration.export.col.toBox'), width: 8, kind: 'number' },
      { header: t('calibration.export.col.computedBox'), width: 14, kind: 'number' },
      { header: t('calibration.export.col.reasonCode'), width: 22 },
      { header: t('calibration.export.col.reason'), width: 40 },
      { header: t('calibration.export.col.state'), width: 11 },
      { header: t('calibration.export.col.toBoxLabel'), width: 22 },
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
      reasonCodeText(tr, c.reasonCode),
      c.reason,
      t(`calibration.panel.moveState.${c.state}`),
      labelOf(c.toBox),
    ]),
    colours: [
      {
        formula: `$K2<>${excelText(t('calibration.panel.moveState.active'))}`,
        columns: { from: 1, to: 12 },
        argb: 'FFD9D9D9',
      },
    ],
  }
  const flags: SheetSpec = {
    name: t('calibration.export.sheet.flags'),
    columns: [
      { header: t('calibration.export.col.employeeId'), width: 14 },
      { header: t('calibration.export.col.name'), width: 24 },
      { header: t('calibration.export.col.code'), width: 26 },
      { header: t('calibration.export.col.severity'), width: 10 },
      { header: t('calibration.export.col.status'), width: 13 },
      { header: t('calibration.export.col.rationale'), width: 60 },
      { header: t('calibration.export.col.evidence'), width: 60 },
      { header: t('calibration.export.col.note'), width: 30 },
    ],
    rows: [...view.placements, ...view.holding].flatMap((p) =>
      (records.get(p.employeeId) ?? withoutRecords(p.flags)).map((f) => [
        p.employeeId,
        p.name,
        flagCodeText(tr, f.code),
        t(`calibration.export.severity.${f.severity}`),
        t(`calibration.flag.status.${f.status}`),
        f.text ? tr.m(f.text) : f.rationale,
        f.evidence
          .map((e) =>
            t('calibration.export.evidence', {
              date: e.date ?? '',
              label: e.labelText ? tr.m(e.labelText) : e.label,
              value: e.valueText ? tr.m(e.valueText) : e.value,
            }).trim(),
          )
          .join('\n') || null,
        f.note,
      ]),
    ),
    colours: [
      {
        formula: `$D2=${excelText(t('calibration.export.severity.high'))}`,
        columns: { from: 3, to: 4 },
        argb: RED,
      },
    ],
  }
  const holding: SheetSpec = {
    name: t('calibration.export.sheet.holding'),
    columns: [
      { header: t('calibration.export.col.employeeId'), width: 14 },
      { header: t('calibration.export.col.name'), width: 24 },
      { header: t('calibration.export.col.department'), width: 18 },
      { header: t('calibration.export.col.reason'), width: 22 },
      { header: t('calibration.export.col.explanation'), width: 60 },
    ],
    rows: view.holding.map((h) => [
      h.employeeId,
      h.name,
      h.department,
      t(`calibration.export.holdingReason.${h.reason}`),
      h.explanationText ? tr.m(h.explanationText) : h.explanation,
    ]),
  }
  const outcomes = proposalOutcomes(view.placements, view.raters)
  const byManager: SheetSpec = {
    name: t('calibration.export.sheet.byManager'),
    preamble: [
      [outcomes.length === 0 ? t('calibration.export.noProposals') : t('calibration.export.byManagerNote')],
      [],
    ],
    columns: [
      { header: t('calibration.export.col.manager'), width: 26 },
      { header: t('calibration.export.col.proposals'), width: 11, kind: 'number' },
      { header: t('calibration.export.col.kept'), width: 16, kind: 'number' },
      { header: t('calibration.export.col.changed'), width: 10, kind: 'number' },
      { header: t('calibration.export.col.changedUp'), width: 11, kind: 'number' },
      { header: t('calibration.export.col.changedDown'), width: 12, kind: 'number' },
      { header: t('calibration.export.col.raterFinding'), width: 26 },
    ],
    rows: outcomes.map((o) => [
      o.proposer || t('calibration.proposals.byManager.nobody'),
      o.proposals,
      o.kept,
      o.proposals - o.kept,
      o.up,
      o.down,
      o.rater === null ? null : flagCodeText(tr, o.rater),
    ]),
  }
  await writeXlsx(
    path,
    kind === 'pre-read'
      ? // Managers fill in the Proposals sheet: the workbook opens on it. It comes last, so the other sheets keep
        // their places for anyone reading the book by position.
        [
          summary,
          placements,
          changeSheet,
          flags,
          holding,
          { ...proposalsSheet(view, tr, labelOf, heldManagers), opensHere: true },
        ]
      : [summary, placements, changeSheet, flags, holding, byManager],
  )
}
