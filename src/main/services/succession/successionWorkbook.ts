import type { Candidate, CriticalRole } from '../../../shared/contract'
import { translator, type Locale } from '../../../shared/i18n/translate'
import { writeXlsx, type SheetSpec } from '../../export/xlsxWriter'
import { boxLabelText, excelText, flagCodeText } from '../calibration/calibrationWorkbook'

const GREEN = 'FFC6EFCE'
const AMBER = 'FFFFEB9C'
const RED = 'FFFFC7CE'

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique within the book. */
function sheetName(index: number, title: string): string {
  return `${index + 1} ${title.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31).trim()
}

export interface PoolMember {
  pool: string
  employeeId: string
  name: string
  department: string | null
  box: number | null
}

/**
 * The succession report: an Overview of every role with its bench, one sheet per role with the ranked candidates,
 * their gaps and the learning that closes them, the talent pools, and a Legend saying how each number is made.
 */
export async function writeSuccessionWorkbook(
  path: string,
  asOf: string,
  roles: readonly CriticalRole[],
  candidates: ReadonlyMap<number, readonly Candidate[]>,
  pools: readonly PoolMember[],
  locale: Locale = 'en',
): Promise<void> {
  await writeXlsx(path, successionSheets(asOf, roles, candidates, pools, locale))
}

/** The report's sheets as data (the benchmark writes the same cells bare to compare). */
export function successionSheets(
  asOf: string,
  roles: readonly CriticalRole[],
  candidates: ReadonlyMap<number, readonly Candidate[]>,
  pools: readonly PoolMember[],
  locale: Locale = 'en',
): SheetSpec[] {
  const tr = translator(locale)
  const t = tr.t
  const readinessText = (readiness: Candidate['readiness']): string => t(`succession.readiness.${readiness}`)
  const requirements = (role: CriticalRole): string =>
    role.requirements
      .map((q) => t('succession.screen.requirement', { skill: q.skill, level: String(q.minLevel) }))
      .join(', ')
  const incumbent = (role: CriticalRole): string | null =>
    role.incumbent
      ? t('succession.export.person', { name: role.incumbentName ?? role.incumbent, id: role.incumbent })
      : null
  const worstGap = (role: CriticalRole): string | null => {
    const missing = new Map<string, number>()
    for (const c of candidates.get(role.roleId) ?? [])
      for (const g of c.gaps) missing.set(g.skill, (missing.get(g.skill) ?? 0) + 1)
    const [skill, count] = [...missing].sort((a, b) => b[1] - a[1])[0] ?? []
    return skill === undefined
      ? null
      : t('succession.export.worstGap', {
          skill,
          // As text: the counts are written as they are, not formatted as numbers.
          count: String(count),
          total: String((candidates.get(role.roleId) ?? []).length),
        })
  }
  const overview: SheetSpec = {
    name: t('succession.export.sheet.overview'),
    landscape: true,
    preamble: [
      [t('succession.export.title')],
      [t('succession.export.asOf'), asOf],
      [t('succession.export.criticalRoles'), roles.length],
      [],
    ],
    columns: [
      { header: t('succession.export.col.role'), width: 30 },
      { header: t('succession.export.col.incumbent'), width: 24 },
      { header: t('succession.export.col.risk'), width: 12 },
      { header: t('succession.export.col.impact'), width: 14 },
      { header: t('succession.export.col.skills'), width: 44 },
      { header: readinessText('ready-now'), width: 11, kind: 'number' },
      { header: readinessText('ready-1-2'), width: 18, kind: 'number' },
      { header: readinessText('ready-3-plus'), width: 17, kind: 'number' },
      { header: t('succession.export.col.worstGap'), width: 40 },
    ],
    rows: roles.map((r) => [
      r.title,
      incumbent(r),
      t(`succession.level.${r.risk}`),
      t(`succession.level.${r.impact}`),
      requirements(r),
      r.bench.readyNow,
      r.bench.readySoon,
      r.bench.later,
      worstGap(r),
    ]),
    colours: [
      { formula: '$F6=0', columns: { from: 1, to: 1 }, argb: RED },
      { formula: '$F6=0', columns: { from: 6, to: 6 }, argb: RED },
      { formula: '$F6>0', columns: { from: 6, to: 6 }, argb: GREEN },
    ],
  }
  const roleSheets = roles.map((role, i): SheetSpec => ({
    name: sheetName(i, role.title),
    landscape: true,
    preamble: [
      [role.title],
      [t('succession.export.incumbent'), incumbent(role) ?? t('succession.screen.vacant')],
      [
        t('succession.export.riskImpact'),
        t('succession.export.riskImpactValue', {
          risk: t(`succession.level.${role.risk}`),
          impact: t(`succession.level.${role.impact}`),
        }),
      ],
      [t('succession.export.requiredSkills'), requirements(role)],
      [
        t('succession.export.bench'),
        t('succession.export.benchValue', {
          readyNow: String(role.bench.readyNow),
          readySoon: String(role.bench.readySoon),
        }),
      ],
      [],
    ],
    columns: [
      { header: t('succession.export.col.rank'), width: 6, kind: 'number' },
      { header: t('succession.export.col.employeeId'), width: 13 },
      { header: t('succession.export.col.name'), width: 24 },
      { header: t('succession.export.col.department'), width: 18 },
      { header: t('succession.export.col.readiness'), width: 18 },
      { header: t('succession.export.col.fit'), width: 7, kind: 'number' },
      { header: t('succession.export.col.box'), width: 7, kind: 'number' },
      { header: t('succession.export.col.boxLabel'), width: 22 },
      { header: t('succession.export.col.gaps'), width: 40 },
      { header: t('succession.export.col.learning'), width: 44 },
      { header: t('succession.export.col.flags'), width: 28 },
      { header: t('succession.export.col.why'), width: 48 },
    ],
    rows: (candidates.get(role.roleId) ?? []).map((c, rank) => [
      rank + 1,
      c.employeeId,
      c.name,
      c.department,
      readinessText(c.readiness),
      c.fitPercent,
      c.box,
      boxLabelText(tr, c.box, c.boxLabel),
      c.gaps.map((g) => `${g.skill} ${g.held}/${g.needed}`).join('; ') || null,
      c.gaps
        .map((g) => (g.closedBy.length ? `${g.skill}: ${g.closedBy.map((i) => i.title).join(', ')}` : null))
        .filter((t) => t !== null)
        .join('; ') || null,
      c.flags.map((f) => flagCodeText(tr, f)).join(', ') || null,
      c.override
        ? t('succession.candidates.setBy', { actor: c.override.actor, reason: c.override.reason })
        : c.readinessReasonText
          ? tr.m(c.readinessReasonText)
          : c.readinessReason,
    ]),
    colours: [
      { formula: `$E8=${excelText(readinessText('ready-now'))}`, columns: { from: 5, to: 5 }, argb: GREEN },
      { formula: `$E8=${excelText(readinessText('ready-1-2'))}`, columns: { from: 5, to: 5 }, argb: AMBER },
      { formula: `$E8=${excelText(readinessText('ready-3-plus'))}`, columns: { from: 5, to: 5 }, argb: RED },
    ],
  }))
  const poolSheet: SheetSpec = {
    name: t('succession.export.sheet.pools'),
    columns: [
      { header: t('succession.export.col.pool'), width: 26 },
      { header: t('succession.export.col.employeeId'), width: 13 },
      { header: t('succession.export.col.name'), width: 24 },
      { header: t('succession.export.col.department'), width: 18 },
      { header: t('succession.export.col.box'), width: 7, kind: 'number' },
    ],
    rows: pools.map((p) => [p.pool, p.employeeId, p.name, p.department, p.box]),
  }
  const legend: SheetSpec = {
    name: t('succession.export.sheet.legend'),
    columns: [
      { header: t('succession.export.col.term'), width: 24 },
      { header: t('succession.export.col.meaning'), width: 100 },
    ],
    rows: [
      [readinessText('ready-now'), t('succession.export.legend.readyNow')],
      [readinessText('ready-1-2'), t('succession.export.legend.readySoon')],
      [readinessText('ready-3-plus'), t('succession.export.legend.later')],
      [t('succession.export.legend.override'), t('succession.export.legend.overrideMeaning')],
      [t('succession.export.col.fit'), t('succession.export.legend.fitMeaning')],
      [t('succession.export.legend.skillLevel'), t('succession.export.legend.skillLevelMeaning')],
      [t('succession.export.col.box'), t('succession.export.legend.boxMeaning')],
      [t('succession.export.sheet.pools'), t('succession.export.legend.poolsMeaning')],
    ],
  }
  return [overview, ...roleSheets, poolSheet, legend]
}
