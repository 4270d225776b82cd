import type { MethodOutput } from '../../../shared/contract'
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

function sheets(v: InsightView): SheetSpec[] {
  switch (v.view) {
    case 'program': {
      const d = v.data
      return [
        {
          name: 'Completion',
          preamble: [
            [
              `${d.item.title}${d.within.map((w) => ` in ${w.dimension} ${w.segment}`).join('')}: reach ${d.reach} people`,
            ],
            ...(d.drop ? [[d.drop.finding]] : []),
          ],
          columns: [col('Segment', 28), ...d.periods.map((p) => col(p.period, 18))],
          rows: [
            ...d.segments.map((s): CellValue[] => [
              s.segment,
              ...s.cells.map((c) => (c.assigned === 0 ? null : `${c.completed}/${c.assigned}`)),
            ]),
            ['All', ...d.periods.map((p) => `${p.completed}/${p.assigned}`)],
          ],
        },
        ...(d.drop
          ? [
              {
                name: 'Where the fall comes from',
                columns: [
                  col('Dimension'),
                  col('Segment', 28),
                  col(d.drop.from),
                  col(d.drop.to),
                  col('Share of the fall', 16, 'number'),
                  col('Share of the people', 16, 'number'),
                ],
                rows: d.drop.segments.map((s): CellValue[] => [
                  s.dimension,
                  s.segment,
                  `${s.before.hits}/${s.before.n}`,
                  `${s.after.hits}/${s.after.n}`,
                  s.shareOfChange,
                  s.shareOfPeople,
                ]),
              },
            ]
          : []),
        ...(d.survey.length > 0
          ? [
              {
                name: 'Reaction survey',
                columns: [col('Question', 50), col('Answers', 10, 'number'), col('Mean', 10, 'number')],
                rows: d.survey.map((q): CellValue[] => [q.question, q.n, q.mean]),
              },
            ]
          : []),
        ...(d.within.length > 0
          ? [
              {
                name: 'Records',
                preamble:
                  d.recordsTotal > d.records.length
                    ? [[`The first ${d.records.length} of ${d.recordsTotal} records.`]]
                    : [],
                columns: [
                  col('Employee ID'),
                  col('Name', 28),
                  col('Period', 10),
                  col('Status', 14),
                  col('Assigned', 12),
                  col('Due', 12),
                  col('Completed', 12),
                ],
                rows: d.records.map((r): CellValue[] => [
                  r.employeeId,
                  r.name,
                  r.period,
                  r.status,
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
          name: 'Comparison',
          preamble: [[d.question], [d.answer], [d.caveat]],
          columns: [
            col('Group', 40),
            col('Measured', 10, 'number'),
            col('Mean', 10, 'number'),
            col('SD', 10, 'number'),
            col('Not measurable', 14, 'number'),
          ],
          rows: [d.completed, d.notCompleted].map((g): CellValue[] => [
            g.label,
            g.n,
            g.mean,
            g.sd,
            g.unmeasured,
          ]),
        },
        {
          name: 'Completers',
          columns: [col('Employee ID'), col('Window from'), col('Outcome', 10, 'number')],
          rows: d.completed.sample.map((s): CellValue[] => [s.employeeId, s.from, s.value]),
        },
        { name: 'Method', columns: [col('How it is computed', 120)], rows: d.method.map((m) => [m]) },
      ]
    }
    case 'density': {
      const d = v.data
      return [
        {
          name: 'Talent density',
          preamble: [[d.definition]],
          columns: [
            col(d.unitLabel, 28),
            ...d.cycles.flatMap((c) => [
              col(`${c.cycle} high`, 14, 'number'),
              col(`${c.cycle} of`, 12, 'number'),
            ]),
          ],
          rows: [
            ...d.units.map((u): CellValue[] => [u.unit, ...u.cells.flatMap((c) => [c.high, c.n])]),
            ['All', ...d.cycles.flatMap((c) => [c.total.high, c.total.n])],
          ],
        },
      ]
    }
    case 'flightRisk': {
      const d = v.data
      return [
        {
          name: 'Signals',
          preamble: [[d.note], [d.rule]],
          columns: [
            col('Employee ID'),
            col('Name', 24),
            col('Department', 20),
            col('Manager', 24),
            col('Completions', 12, 'number'),
            col('Active months', 12, 'number'),
            col('Last completion'),
            col('Days since', 10, 'number'),
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
          name: 'Journey',
          preamble: [[`${d.person.name} (${d.person.employeeId})`]],
          columns: [col('Date', 12), col('Kind', 14), col('What', 36), col('Detail', 60), col('State', 12)],
          rows: d.events.map((e): CellValue[] => [e.date, e.kind, e.title, e.detail, e.state]),
        },
      ]
    }
    case 'heatmap': {
      const d = v.data
      return [
        {
          name: 'Team heatmap',
          preamble: [[`Team of ${d.manager.name}`], [d.requirement]],
          columns: [
            col('Person', 24),
            ...d.skills.map((s) => col(`${s.name} (≥${s.required})`, 18, 'number')),
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

export async function writeInsightWorkbook(path: string, view: InsightView): Promise<void> {
  await writeXlsx(path, sheets(view))
}
