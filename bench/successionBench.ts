// The succession report for 500 roles × 10 candidates against exceljs's streaming writer writing the same cells
// bare (no widths, frozen panes, filters, conditional formats or print setup), in the same run.
import ExcelJS from 'exceljs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Candidate, CriticalRole } from '../src/shared/contract'
import { successionSheets, writeSuccessionWorkbook } from '../src/main/services/succession/successionWorkbook'

function syntheticReport(
  roles: number,
  perRole: number,
): {
  roles: CriticalRole[]
  candidates: Map<number, Candidate[]>
} {
  const list: CriticalRole[] = Array.from({ length: roles }, (_, i) => ({
    roleId: i + 1,
    title: `Critical role ${i + 1}`,
    incumbent: `E${100000 + i}`,
    incumbentName: `Incumbent ${i + 1}`,
    risk: (['low', 'medium', 'high'] as const)[i % 3] ?? 'low',
    impact: (['high', 'medium', 'low'] as const)[i % 3] ?? 'low',
    requirements: [
      { skillId: 1, skill: 'Cloud Architecture', minLevel: 4 },
      { skillId: 2, skill: 'People Leadership', minLevel: 3 },
      { skillId: 3, skill: 'Budget Management', minLevel: 2 },
    ],
    bench: { readyNow: i % 4, readySoon: i % 5, later: 3 },
  }))
  const candidates = new Map(
    list.map((r) => [
      r.roleId,
      Array.from({ length: perRole }, (_, c): Candidate => ({
        employeeId: `E${200000 + r.roleId * perRole + c}`,
        name: `Candidate ${r.roleId}-${c}`,
        department: 'Engineering',
        jobTitle: 'Senior Engineer',
        fitPercent: 100 - c * 5,
        readiness: c < 2 ? 'ready-now' : c < 6 ? 'ready-1-2' : 'ready-3-plus',
        computedReadiness: 'ready-1-2',
        readinessReason:
          c < 2 ? 'Meets every required level.' : '2 level(s) short in total: Cloud Architecture 3/4.',
        override: null,
        box: (c % 9) + 1,
        boxLabel: 'Core Player',
        gaps:
          c < 2
            ? []
            : [
                {
                  skill: 'Cloud Architecture',
                  needed: 4,
                  held: 3,
                  basis: 'manager rating 3 on 2026-01-10',
                  closedBy: [
                    { activityId: 'CERT-AWS-SA', title: 'AWS Certified Solutions Architect', level: 4 },
                  ],
                },
              ],
        flags: c % 3 === 0 ? ['HIDDEN_GEM'] : [],
      })),
    ]),
  )
  return { roles: list, candidates }
}

export async function successionReportBench(
  roles: number,
  perRole: number,
): Promise<{ oursMs: number; baselineMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-bench-succession-'))
  try {
    const data = syntheticReport(roles, perRole)
    const time = async (fn: () => Promise<unknown>): Promise<number> => {
      const start = performance.now()
      await fn()
      return performance.now() - start
    }
    const bare = async (path: string): Promise<void> => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true })
      for (const spec of successionSheets('2026-11-01', data.roles, data.candidates, [])) {
        const sheet = workbook.addWorksheet(spec.name)
        for (const line of spec.preamble ?? []) sheet.addRow(line).commit()
        sheet.addRow(spec.columns.map((c) => c.header)).commit()
        for (const row of spec.rows) sheet.addRow(row).commit()
        sheet.commit()
      }
      await workbook.commit()
    }
    // Alternate, best of nine each, so neither side gets a warmer disk or JIT (single runs vary ±30% here, and
    // the best of five still moved by a quarter from one run to the next).
    const ours: number[] = []
    const baseline: number[] = []
    for (let i = 0; i < 9; i++) {
      baseline.push(await time(() => bare(join(dir, `bare-${i}.xlsx`))))
      ours.push(
        await time(() =>
          writeSuccessionWorkbook(join(dir, `ours-${i}.xlsx`), '2026-11-01', data.roles, data.candidates, []),
        ),
      )
    }
    return { oursMs: Math.min(...ours), baselineMs: Math.min(...baseline) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
