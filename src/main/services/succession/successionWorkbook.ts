import type { Candidate, CriticalRole } from '../../../shared/contract'
import { writeXlsx, type SheetSpec } from '../../export/xlsxWriter'

const READINESS_TEXT: Record<Candidate['readiness'], string> = {
  'ready-now': 'Ready now',
  'ready-1-2': 'Ready in 1–2 years',
  'ready-3-plus': 'Ready in 3+ years',
}
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
): Promise<void> {
  await writeXlsx(path, successionSheets(asOf, roles, candidates, pools))
}

/** The report's sheets as data (the benchmark writes the same cells bare to compare). */
export function successionSheets(
  asOf: string,
  roles: readonly CriticalRole[],
  candidates: ReadonlyMap<number, readonly Candidate[]>,
  pools: readonly PoolMember[],
): SheetSpec[] {
  const worstGap = (role: CriticalRole): string | null => {
    const missing = new Map<string, number>()
    for (const c of candidates.get(role.roleId) ?? [])
      for (const g of c.gaps) missing.set(g.skill, (missing.get(g.skill) ?? 0) + 1)
    const [skill, count] = [...missing].sort((a, b) => b[1] - a[1])[0] ?? []
    return skill === undefined
      ? null
      : `${skill} (${count} of the top ${(candidates.get(role.roleId) ?? []).length} short)`
  }
  const overview: SheetSpec = {
    name: 'Overview',
    landscape: true,
    preamble: [['Succession report'], ['As of', asOf], ['Critical roles', roles.length], []],
    columns: [
      { header: 'Role', width: 30 },
      { header: 'Incumbent', width: 24 },
      { header: 'Risk of loss', width: 12 },
      { header: 'Impact of loss', width: 14 },
      { header: 'Required skills', width: 44 },
      { header: 'Ready now', width: 11, kind: 'number' },
      { header: 'Ready in 1–2 years', width: 18, kind: 'number' },
      { header: 'Ready in 3+ years', width: 17, kind: 'number' },
      { header: 'Worst gap among the top candidates', width: 40 },
    ],
    rows: roles.map((r) => [
      r.title,
      r.incumbent ? `${r.incumbentName ?? r.incumbent} (${r.incumbent})` : null,
      r.risk,
      r.impact,
      r.requirements.map((q) => `${q.skill} ≥ ${q.minLevel}`).join(', '),
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
      [
        'Incumbent',
        role.incumbent ? `${role.incumbentName ?? role.incumbent} (${role.incumbent})` : 'vacant',
      ],
      ['Risk / impact of loss', `${role.risk} / ${role.impact}`],
      ['Required skills', role.requirements.map((q) => `${q.skill} ≥ ${q.minLevel}`).join(', ')],
      ['Bench', `${role.bench.readyNow} ready now, ${role.bench.readySoon} ready in 1–2 years`],
      [],
    ],
    columns: [
      { header: 'Rank', width: 6, kind: 'number' },
      { header: 'Employee ID', width: 13 },
      { header: 'Name', width: 24 },
      { header: 'Department', width: 18 },
      { header: 'Readiness', width: 18 },
      { header: 'Fit %', width: 7, kind: 'number' },
      { header: '9-box', width: 7, kind: 'number' },
      { header: 'Box label', width: 22 },
      { header: 'Gaps (held / needed)', width: 40 },
      { header: 'Learning that closes them', width: 44 },
      { header: 'Flags', width: 28 },
      { header: 'Why this readiness', width: 48 },
    ],
    rows: (candidates.get(role.roleId) ?? []).map((c, rank) => [
      rank + 1,
      c.employeeId,
      c.name,
      c.department,
      READINESS_TEXT[c.readiness],
      c.fitPercent,
      c.box,
      c.boxLabel,
      c.gaps.map((g) => `${g.skill} ${g.held}/${g.needed}`).join('; ') || null,
      c.gaps
        .map((g) => (g.closedBy.length ? `${g.skill}: ${g.closedBy.map((i) => i.title).join(', ')}` : null))
        .filter((t) => t !== null)
        .join('; ') || null,
      c.flags.join(', ') || null,
      c.override ? `Set by ${c.override.actor}: ${c.override.reason}` : c.readinessReason,
    ]),
    colours: [
      { formula: '$E8="Ready now"', columns: { from: 5, to: 5 }, argb: GREEN },
      { formula: '$E8="Ready in 1–2 years"', columns: { from: 5, to: 5 }, argb: AMBER },
      { formula: '$E8="Ready in 3+ years"', columns: { from: 5, to: 5 }, argb: RED },
    ],
  }))
  const poolSheet: SheetSpec = {
    name: 'Pools',
    columns: [
      { header: 'Pool', width: 26 },
      { header: 'Employee ID', width: 13 },
      { header: 'Name', width: 24 },
      { header: 'Department', width: 18 },
      { header: '9-box', width: 7, kind: 'number' },
    ],
    rows: pools.map((p) => [p.pool, p.employeeId, p.name, p.department, p.box]),
  }
  const legend: SheetSpec = {
    name: 'Legend',
    columns: [
      { header: 'Term', width: 24 },
      { header: 'Meaning', width: 100 },
    ],
    rows: [
      [
        'Ready now',
        'Holds every required skill at its minimum level and is not in a low-performance box (1, 4, 7).',
      ],
      [
        'Ready in 1–2 years',
        'At most two levels short in total, or every level held but placed in a low-performance box.',
      ],
      ['Ready in 3+ years', 'More than two levels short in total.'],
      ['Override', 'Readiness set by hand, with the reason and who set it (in "Why this readiness").'],
      ['Fit %', 'Levels held up to the requirement, over the levels required, across the role’s skills.'],
      [
        'Skill level',
        'Newest assessment if at least as recent as the newest manager/360 rating, else that rating; raised by a valid certification or a completed course mapped to the skill; self-ratings never count.',
      ],
      ['9-box', 'The box in the most recent calibration session (finalized sessions first).'],
      ['Pools', 'Stars (box 9) and hidden gems (flagged in that session), then the named talent pools.'],
    ],
  }
  return [overview, ...roleSheets, poolSheet, legend]
}
