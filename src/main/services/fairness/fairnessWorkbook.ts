import { groupText } from '../../../core/fairness/audit'
import { withNumbers } from '../../../core/fairness/text'
import type { FairnessAudit } from '../../../shared/contract/fairness'
import { translator, type Locale, type Message } from '../../../shared/i18n/translate'
import { sensitiveNotice } from '../../export/sensitiveNotice'
import { flagCodeText } from '../calibration/calibrationWorkbook'
import { writeXlsx, type CellValue, type SheetSpec } from '../../export/xlsxWriter'

const AMBER = 'FFFFE699'
const RED = 'FFF4B6B6'
const NOTICE_ATTRIBUTES = ['gender', 'age', 'workPattern', 'ethnicity', 'location'] as const
/** The first line of every sheet: this workbook holds special-category data and says so before anything else. */
const noticeIn = (locale: Locale): string => {
  const { t } = translator(locale)
  return sensitiveNotice(
    NOTICE_ATTRIBUTES.map((a) => t(`fairness.export.noticeAttributes.${a}`)),
    t('fairness.export.noticeUse'),
    locale,
  )
}
/** The notice in English, as the CLI's workbook writes it. */
export const SENSITIVE_NOTICE = noticeIn('en')

const shown = (value: number | null, suppressed: boolean): CellValue => (suppressed ? '<4' : value)

/**
 * The fairness audit for the works council: summary and warnings, adverse impact, distributions, metric audit, in
 * the reader's language (English as the CLI has always written it). Groups the workspace names are its own values.
 */
export async function writeFairnessWorkbook(
  path: string,
  audit: FairnessAudit,
  locale: Locale = 'en',
): Promise<void> {
  const tr = translator(locale)
  const { t } = tr
  // The audit's numbers as it has always written them in English, to four decimals in other languages.
  const four = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })
  const num = (value: number): string => (locale === 'en' ? String(value) : four.format(value))
  const say = (m: Message): string => tr.m(withNumbers(m, num))
  const group = (name: string): string => {
    const text = groupText(name)
    return typeof text === 'string' ? text : say(text)
  }
  const yes = t('fairness.export.yes')
  const yesNo = (value: boolean): string => (value ? yes : t('fairness.export.no'))
  const notice: CellValue[][] = [[noticeIn(locale)]]
  const summary: SheetSpec = {
    name: t('fairness.export.sheet.summary'),
    preamble: [
      ...notice,
      [t('fairness.export.title', { session: audit.sessionName })],
      [t('fairness.export.cycle'), audit.cycle],
      [t('fairness.export.asOf'), audit.asOf],
      [t('fairness.export.people'), audit.people],
      [t('fairness.export.topBoxes'), audit.topBoxes.join(', ')],
      ...audit.attributes.map((a): CellValue[] => [
        t('fairness.export.recordedFor', { attribute: t(`fairness.attribute.${a.attribute}`) }),
        a.recorded,
      ]),
      ...(audit.notUsed.length > 0
        ? [
            [
              t('fairness.export.notUsed'),
              audit.notUsed.map((a) => t(`fairness.attribute.${a.attribute}`)).join(', '),
            ],
          ]
        : []),
      [],
    ],
    columns: [{ header: t('fairness.export.col.finding'), width: 140 }],
    rows: (audit.findings.length > 0 ? audit.findings.map(say) : [t('fairness.export.noFinding')]).map(
      (w) => [w],
    ),
  }
  const impact: SheetSpec = {
    name: t('fairness.export.sheet.impact'),
    preamble: notice,
    columns: [
      { header: t('fairness.export.col.attribute'), width: 14 },
      { header: t('fairness.export.col.outcome'), width: 46 },
      { header: t('fairness.export.col.group'), width: 20 },
      { header: t('fairness.export.col.people'), width: 9, kind: 'number' },
      { header: t('fairness.export.col.selected'), width: 9, kind: 'number' },
      { header: t('fairness.export.col.rate'), width: 8, kind: 'number' },
      { header: t('fairness.export.col.ratioToBest'), width: 12, kind: 'number' },
      { header: t('fairness.export.col.belowFourFifths'), width: 10 },
      { header: t('fairness.export.col.fisher'), width: 10, kind: 'number' },
      { header: t('fairness.export.col.small'), width: 11 },
    ],
    rows: audit.impact.flatMap((s) =>
      s.rows.map((r): CellValue[] => [
        t(`fairness.export.attribute.${s.attribute}`),
        t(`fairness.outcome.${s.outcome}`),
        group(r.group),
        shown(r.n, r.suppressed),
        shown(r.selected, r.suppressed),
        r.rate,
        r.ratio,
        r.suppressed ? null : yesNo(r.belowFourFifths),
        r.pValue,
        r.suppressed ? null : yesNo(r.small),
      ]),
    ),
    colours: [{ formula: `$H3="${yes}"`, columns: { from: 3, to: 8 }, argb: RED }],
    landscape: true,
  }
  const boxes = Array.from({ length: 9 }, (_, i) => i + 1)
  const distribution: SheetSpec = {
    name: t('fairness.export.sheet.distribution'),
    preamble: notice,
    columns: [
      { header: t('fairness.export.col.attribute'), width: 14 },
      { header: t('fairness.export.col.group'), width: 20 },
      { header: t('fairness.export.col.people'), width: 9, kind: 'number' },
      ...boxes.map((b) => ({
        header: t('fairness.export.col.boxBefore', { box: b }),
        width: 8,
        kind: 'number' as const,
      })),
      ...boxes.map((b) => ({
        header: t('fairness.export.col.boxAfter', { box: b }),
        width: 8,
        kind: 'number' as const,
      })),
      { header: t('fairness.export.col.held'), width: 8, kind: 'number' },
      { header: t('fairness.export.col.meanRating'), width: 11, kind: 'number' },
      { header: t('fairness.export.col.meanAgility'), width: 11, kind: 'number' },
      { header: t('fairness.export.col.hiddenGems'), width: 11, kind: 'number' },
      { header: t('fairness.export.col.flags'), width: 50 },
    ],
    rows: audit.distribution.map((d): CellValue[] => [
      t(`fairness.export.attribute.${d.attribute}`),
      group(d.group),
      shown(d.n, d.suppressed),
      ...boxes.map((b) => shown(d.before?.[b - 1] ?? null, d.suppressed)),
      ...boxes.map((b) => shown(d.after?.[b - 1] ?? null, d.suppressed)),
      shown(d.held, d.suppressed),
      d.meanRating,
      d.meanAgility,
      shown(d.hiddenGems, d.suppressed),
      d.flags
        ? Object.entries(d.flags)
            // The flag in words, as the calibration workbook names it.
            .map(([code, n]) => t('fairness.export.flag', { code: flagCodeText(tr, code), n: num(n) }))
            .join(', ') || null
        : null,
    ]),
    landscape: true,
  }
  const metrics: SheetSpec = {
    name: t('fairness.export.sheet.metrics'),
    preamble: notice,
    columns: [
      { header: t('fairness.export.col.attribute'), width: 14 },
      { header: t('fairness.export.col.metric'), width: 48 },
      { header: t('fairness.export.col.groupMeans'), width: 60 },
      { header: t('fairness.export.col.eta2'), width: 8, kind: 'number' },
      { header: t('fairness.export.col.correlation'), width: 11, kind: 'number' },
      { header: t('fairness.export.col.strength'), width: 10 },
      { header: t('fairness.export.col.drives'), width: 12 },
      { header: t('fairness.export.col.warning'), width: 90 },
    ],
    rows: audit.metrics.map((m): CellValue[] => [
      t(`fairness.export.attribute.${m.attribute}`),
      t(`fairness.metric.${m.metric}`),
      m.groups
        .map((g) => t('fairness.export.groupMean', { group: group(g.group), mean: num(g.mean), n: num(g.n) }))
        .join('; ') || null,
      m.eta2,
      m.correlation,
      t(`fairness.strength.${m.strength}`),
      yesNo(m.drives),
      m.warningText === null ? null : say(m.warningText),
    ]),
    colours: [{ formula: `$G3="${yes}"`, columns: { from: 1, to: 8 }, argb: AMBER }],
    landscape: true,
  }
  const method: SheetSpec = {
    name: t('fairness.export.sheet.method'),
    preamble: notice,
    columns: [{ header: t('fairness.export.col.method'), width: 140 }],
    rows: audit.methodText.map((m) => [say(m)]),
  }
  await writeXlsx(path, [summary, impact, distribution, metrics, method])
}
