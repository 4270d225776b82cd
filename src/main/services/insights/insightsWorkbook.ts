import { SEGMENT_PLACEHOLDERS } from '../../../shared/contract'
import { JOURNEY_STATES, type MethodOutput, type SegmentDimension } from '../../../shared/contract'
import { en } from '../../../shared/i18n/catalogue'
import { translator, type Locale, type MessageKey, type Translator } from '../../../shared/i18n/translate'
import { writeXlsx, type CellValue, type SheetSpec } from '../../export/xlsxWriter'

/** The numbers behind each Insights view, as the sheets of its workbook: what the chart shows, as a table. */
export type InsightView =
  | { view: 'program'; data: MethodOutput<'insights.program'> }
  | { view: 'cohort'; data: MethodOutput<'insights.cohort'> }
  | { view: 'density'; data: MethodOutput<'insights.density'> }
  | { view: 'flightRisk'; data: MethodOutput<'insights.flightRisk'> }
  | { view: 'journey'; data: MethodOutput<'insights.journey'> }
  | { view: 'heatmap'; data: MethodOutput<'insights.teamHeatmap'> }

/** Which method each exported view repeats. */
export const INSIGHT_METHODS = {
  program: 'insights.program',
  cohort: 'insights.cohort',
  density: 'insights.density',
  flightRisk: 'insights.flightRisk',
  journey: 'insights.journey',
  heatmap: 'insights.teamHeatmap',
} as const

const col = (header: string, width = 16, kind: 'text' | 'number' = 'text') => ({ header, width, kind })

/** The segments the services make up for a missing field; a real department, location or manager is as it is. */
const PLACEHOLDERS: Record<string, MessageKey> = SEGMENT_PLACEHOLDERS
const STATUSES = Object.keys(en.insights.program.statusValue)

/** The words of a workbook in one language; the data (names, titles, periods, IDs) stays as it is. */
function wording(tr: Translator) {
  const { t } = tr
  return {
    t,
    m: tr.m,
    /** A count as English has always written it (no grouping), the locale's way elsewhere. */
    num: (value: number): string => (tr.locale === 'en' ? String(value) : tr.number(value)),
    segment: (segment: string, dimension: SegmentDimension): string => {
      const placeholder = PLACEHOLDERS[segment]
      if (placeholder) return t(placeholder)
      const level = dimension === 'jobLevel' ? /^Level (.+)$/.exec(segment) : null
      return level ? t('insights.segment.level', { level: level[1] ?? '' }) : segment
    },
    dimension: (dimension: SegmentDimension): string => t(`insights.export.dimension.${dimension}`),
    status: (status: string): string =>
      STATUSES.includes(status) ? t(`insights.program.statusValue.${status}` as MessageKey) : status,
    state: (state: string | null): string | null =>
      state !== null && JOURNEY_STATES.includes(state)
        ? t(`insights.journey.state.${state}` as MessageKey)
        : state,
  }
}

function sheets(v: InsightView, w: ReturnType<typeof wording>): SheetSpec[] {
  const { t, num } = w
  switch (v.view) {
    case 'program': {
      const d = v.data
      return [
        {
          name: t('insights.export.sheet.completion'),
          preamble: [
            [
              t('insights.export.reach', {
                item: d.item.title,
                within: d.within
                  .map((s) =>
                    t('insights.export.within', {
                      dimension: w.dimension(s.dimension),
                      segment: w.segment(s.segment, s.dimension),
                    }),
                  )
                  .join(''),
                count: d.reach,
                reach: num(d.reach),
              }),
            ],
            ...(d.drop ? [[w.m(d.drop.findingText)]] : []),
          ],
          columns: [col(t('insights.export.col.segment'), 28), ...d.periods.map((p) => col(p.period, 18))],
          rows: [
            ...d.segments.map((s): CellValue[] => [
              w.segment(s.segment, d.segmentBy),
              ...s.cells.map((c) => (c.assigned === 0 ? null : `${num(c.completed)}/${num(c.assigned)}`)),
            ]),
            [t('insights.export.all'), ...d.periods.map((p) => `${num(p.completed)}/${num(p.assigned)}`)],
          ],
        },
        ...(d.drop
          ? [
              {
                name: t('insights.export.sheet.fall'),
                columns: [
                  col(t('insights.export.col.dimension')),
                  col(t('insights.export.col.segment'), 28),
                  col(d.drop.from),
                  col(d.drop.to),
                  col(t('insights.export.col.shareOfFall'), 16, 'number'),
                  col(t('insights.export.col.shareOfPeople'), 16, 'number'),
                ],
                rows: d.drop.segments.map((s): CellValue[] => [
                  w.dimension(s.dimension),
                  w.segment(s.segment, s.dimension),
                  `${num(s.before.hits)}/${num(s.before.n)}`,
                  `${num(s.after.hits)}/${num(s.after.n)}`,
                  s.shareOfChange,
                  s.shareOfPeople,
                ]),
              },
            ]
          : []),
        ...(d.survey.length > 0
          ? [
              {
                name: t('insights.export.sheet.survey'),
                columns: [
                  col(t('insights.export.col.question'), 50),
                  col(t('insights.export.col.answers'), 10, 'number'),
                  col(t('insights.export.col.mean'), 10, 'number'),
                ],
                rows: d.survey.map((q): CellValue[] => [q.question, q.n, q.mean]),
              },
            ]
          : []),
        ...(d.within.length > 0
          ? [
              {
                name: t('insights.export.sheet.records'),
                preamble:
                  d.recordsTotal > d.records.length
                    ? [
                        [
                          t('insights.export.recordsFirst', {
                            shown: num(d.records.length),
                            total: num(d.recordsTotal),
                          }),
                        ],
                      ]
                    : [],
                columns: [
                  col(t('insights.export.col.employeeId')),
                  col(t('insights.export.col.name'), 28),
                  col(t('insights.export.col.period'), 10),
                  col(t('insights.export.col.status'), 14),
                  col(t('insights.export.col.assigned'), 12),
                  col(t('insights.export.col.due'), 12),
                  col(t('insights.export.col.completed'), 12),
                ],
                rows: d.records.map((r): CellValue[] => [
                  r.employeeId,
                  r.name,
                  r.period,
                  w.status(r.status),
                  r.assignedAt,
                  r.dueAt,
                  r.completedAt,
                ]),
              },
            ]
          : []),
      ]
    }
    case 'cohort': {
      const d = v.data
      return [
        {
          name: t('insights.export.sheet.comparison'),
          preamble: [[w.m(d.text.question)], [w.m(d.text.answer)], [w.m(d.text.caveat)]],
          columns: [
            col(t('insights.export.col.group'), 40),
            col(t('insights.export.col.measured'), 10, 'number'),
            col(t('insights.export.col.mean'), 10, 'number'),
            col(t('insights.export.col.sd'), 10, 'number'),
            col(t('insights.export.col.unmeasured'), 14, 'number'),
          ],
          rows: [d.completed, d.notCompleted].map((g): CellValue[] => [
            w.m(g.labelText),
            g.n,
            g.mean,
            g.sd,
            g.unmeasured,
          ]),
        },
        {
          name: t('insights.export.sheet.completers'),
          columns: [
            col(t('insights.export.col.employeeId')),
            col(t('insights.export.col.windowFrom')),
            col(t('insights.export.col.outcome'), 10, 'number'),
          ],
          rows: d.completed.sample.map((s): CellValue[] => [s.employeeId, s.from, s.value]),
        },
        {
          name: t('insights.export.sheet.method'),
          columns: [col(t('insights.export.col.howComputed'), 120)],
          rows: d.text.method.map((m) => [w.m(m)]),
        },
      ]
    }
    case 'density': {
      const d = v.data
      return [
        {
          name: t('insights.export.sheet.density'),
          preamble: [[w.m(d.definitionText)]],
          columns: [
            col(t(`insights.export.unit.${d.by}`), 28),
            ...d.cycles.flatMap((c) => [
              col(t('insights.export.col.cycleHigh', { cycle: c.cycle }), 14, 'number'),
              col(t('insights.export.col.cycleOf', { cycle: c.cycle }), 12, 'number'),
            ]),
          ],
          rows: [
            ...d.units.map((u): CellValue[] => [
              w.segment(u.unit, d.by),
              ...u.cells.flatMap((c) => [c.high, c.n]),
            ]),
            [t('insights.export.all'), ...d.cycles.flatMap((c) => [c.total.high, c.total.n])],
          ],
        },
      ]
    }
    case 'flightRisk': {
      const d = v.data
      return [
        {
          name: t('insights.export.sheet.signals'),
          preamble: [[w.m(d.noteText)], [w.m(d.ruleText)]],
          columns: [
            col(t('insights.export.col.employeeId')),
            col(t('insights.export.col.name'), 24),
            col(t('insights.export.col.department'), 20),
            col(t('insights.export.col.manager'), 24),
            col(t('insights.export.col.completions'), 12, 'number'),
            col(t('insights.export.col.activeMonths'), 12, 'number'),
            col(t('insights.export.col.lastCompletion')),
            col(t('insights.export.col.daysSince'), 10, 'number'),
          ],
          rows: d.people.map((p): CellValue[] => [
            p.employeeId,
            p.name,
            p.department,
            p.manager,
            p.completions,
            p.activeMonths,
            p.lastCompletion,
            p.daysSince,
          ]),
        },
      ]
    }
    case 'journey': {
      const d = v.data
      return [
        {
          name: t('insights.export.sheet.journey'),
          preamble: [[t('insights.export.person', { name: d.person.name, employeeId: d.person.employeeId })]],
          columns: [
            col(t('insights.export.col.date'), 12),
            col(t('insights.export.col.kind'), 14),
            col(t('insights.export.col.what'), 36),
            col(t('insights.export.col.detail'), 60),
            col(t('insights.export.col.state'), 12),
          ],
          rows: d.events.map((e): CellValue[] => [
            e.date,
            t(`insights.export.kind.${e.kind}`),
            w.m(e.titleText),
            w.m(e.detailText),
            w.state(e.state),
          ]),
        },
      ]
    }
    case 'heatmap': {
      const d = v.data
      return [
        {
          name: t('insights.export.sheet.heatmap'),
          preamble: [[t('insights.export.teamOf', { name: d.manager.name })], [w.m(d.requirementText)]],
          columns: [
            col(t('insights.export.col.person'), 24),
            ...d.skills.map((s) =>
              col(t('insights.export.col.skill', { skill: s.name, required: num(s.required) }), 18, 'number'),
            ),
          ],
          rows: d.people.map((p, i): CellValue[] => [
            p.name,
            ...d.skills.map((_, k) => d.cells[i]?.[k]?.level ?? null),
          ]),
        },
      ]
    }
  }
}

/** A view's workbook in the reader's language (English as the CLI has always written it). */
export async function writeInsightWorkbook(
  path: string,
  view: InsightView,
  locale: Locale = 'en',
): Promise<void> {
  await writeXlsx(path, sheets(view, wording(translator(locale))))
}
