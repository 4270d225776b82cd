import type { FairnessAudit } from '../../../shared/contract/fairness'
import { sensitiveNotice } from '../../export/sensitiveNotice'
import { writeXlsx, type CellValue, type SheetSpec } from '../../export/xlsxWriter'

const AMBER = 'FFFFE699'
const RED = 'FFF4B6B6'
/** The first line of every sheet: this workbook holds special-category data and says so before anything else. */
export const SENSITIVE_NOTICE = sensitiveNotice(
  ['gender', 'age', 'work pattern', 'ethnicity', 'location'],
  'for the fairness audit only. Groups under 4 people are shown as "<4".',
)

const shown = (value: number | null, suppressed: boolean): CellValue => (suppressed ? '<4' : value)

/** The fairness audit for the works council: summary and warnings, adverse impact, distributions, metric audit. */
export async function writeFairnessWorkbook(path: string, audit: FairnessAudit): Promise<void> {
  const notice: CellValue[][] = [[SENSITIVE_NOTICE]]
  const summary: SheetSpec = {
    name: 'Summary',
    preamble: [
      ...notice,
      [`Fairness audit: ${audit.sessionName}`],
      ['Review cycle', audit.cycle],
      ['As of', audit.asOf],
      ['People in the session', audit.people],
      ['Top boxes', audit.topBoxes.join(', ')],
      ...audit.attributes.map((a): CellValue[] => [`${a.label} recorded for`, a.recorded]),
      ...(audit.notUsed.length > 0
        ? [['Not audited (not tagged for the fairness audit)', audit.notUsed.map((a) => a.label).join(', ')]]
        : []),
      [],
    ],
    columns: [{ header: 'Finding', width: 140 }],
    rows: (audit.warnings.length > 0 ? audit.warnings : ['No finding needs a look.']).map((w) => [w]),
  }
  const impact: SheetSpec = {
    name: 'Adverse impact',
    preamble: notice,
    columns: [
      { header: 'Attribute', width: 14 },
      { header: 'Outcome', width: 46 },
      { header: 'Group', width: 20 },
      { header: 'People', width: 9, kind: 'number' },
      { header: 'Selected', width: 9, kind: 'number' },
      { header: 'Rate', width: 8, kind: 'number' },
      { header: 'Ratio to best', width: 12, kind: 'number' },
      { header: 'Below 4/5?', width: 10 },
      { header: 'p (Fisher)', width: 10, kind: 'number' },
      { header: 'Small group?', width: 11 },
    ],
    rows: audit.impact.flatMap((s) =>
      s.rows.map((r): CellValue[] => [
        s.attribute,
        s.label,
        r.group,
        shown(r.n, r.suppressed),
        shown(r.selected, r.suppressed),
        r.rate,
        r.ratio,
        r.suppressed ? null : r.belowFourFifths ? 'yes' : 'no',
        r.pValue,
        r.suppressed ? null : r.small ? 'yes' : 'no',
      ]),
    ),
    colours: [{ formula: '$H3="yes"', columns: { from: 3, to: 8 }, argb: RED }],
    landscape: true,
  }
  const boxes = Array.from({ length: 9 }, (_, i) => i + 1)
  const distribution: SheetSpec = {
    name: 'Distribution',
    preamble: notice,
    columns: [
      { header: 'Attribute', width: 14 },
      { header: 'Group', width: 20 },
      { header: 'People', width: 9, kind: 'number' },
      ...boxes.map((b) => ({ header: `Box ${b} before`, width: 8, kind: 'number' as const })),
      ...boxes.map((b) => ({ header: `Box ${b} after`, width: 8, kind: 'number' as const })),
      { header: 'Held', width: 8, kind: 'number' },
      { header: 'Mean rating', width: 11, kind: 'number' },
      { header: 'Mean agility', width: 11, kind: 'number' },
      { header: 'Hidden gems', width: 11, kind: 'number' },
      { header: 'Flags', width: 50 },
    ],
    rows: audit.distribution.map((d): CellValue[] => [
      d.attribute,
      d.group,
      shown(d.n, d.suppressed),
      ...boxes.map((b) => shown(d.before?.[b - 1] ?? null, d.suppressed)),
      ...boxes.map((b) => shown(d.after?.[b - 1] ?? null, d.suppressed)),
      shown(d.held, d.suppressed),
      d.meanRating,
      d.meanAgility,
      shown(d.hiddenGems, d.suppressed),
      d.flags
        ? Object.entries(d.flags)
            .map(([code, n]) => `${code} ${n}`)
            .join(', ') || null
        : null,
    ]),
    landscape: true,
  }
  const metrics: SheetSpec = {
    name: 'Metric audit',
    preamble: notice,
    columns: [
      { header: 'Attribute', width: 14 },
      { header: 'Metric', width: 48 },
      { header: 'Group means', width: 60 },
      { header: 'η²', width: 8, kind: 'number' },
      { header: 'Correlation', width: 11, kind: 'number' },
      { header: 'Strength', width: 10 },
      { header: 'Drives agility gap?', width: 12 },
      { header: 'Warning', width: 90 },
    ],
    rows: audit.metrics.map((m): CellValue[] => [
      m.attribute,
      m.label,
      m.groups.map((g) => `${g.group} ${g.mean} (n ${g.n})`).join('; ') || null,
      m.eta2,
      m.correlation,
      m.strength,
      m.drives ? 'yes' : 'no',
      m.warning,
    ]),
    colours: [{ formula: '$G3="yes"', columns: { from: 1, to: 8 }, argb: AMBER }],
    landscape: true,
  }
  const method: SheetSpec = {
    name: 'Method',
    preamble: notice,
    columns: [{ header: 'How each number is computed', width: 140 }],
    rows: audit.method.map((m) => [m]),
  }
  await writeXlsx(path, [summary, impact, distribution, metrics, method])
}
