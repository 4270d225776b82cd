import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { english, message, type Message } from '../../../shared/i18n/translate'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { readSnapshot } from '../calibration/flagRecords'

type Result = MethodOutput<'insights.density'>
type Cell = Result['cycles'][number]['total']

const UNIT_SQL = {
  department: "coalesce(p.department, '(no department)')",
  location: "coalesce(p.location, '(no location)')",
  // A level as the file gave it ("PT5 - Principal"); one stored as a number is "Level 3".
  jobLevel: "coalesce(p.job_level_label, 'Level ' || p.job_level, '(no level)')",
} as const
const UNIT_LABEL = { department: 'Department', location: 'Location', jobLevel: 'Job level' } as const

const cell = (n: number, high: number): Cell => ({
  n,
  high,
  share: n === 0 ? null : Math.round((1000 * high) / n) / 1000,
})

/**
 * The share of high performers per org unit and review cycle. By rating it is one grouped SQL query over the
 * reviews; by boxes it reads each cycle's latest finalized session, the grid the meeting agreed on.
 */
export function talentDensity(db: WorkspaceDb, input: ParsedInput<'insights.density'>): Result {
  const unit = UNIT_SQL[input.by]
  const cycles = db
    .prepare('SELECT id, name FROM review_cycles ORDER BY coalesce(ends_on, name), id')
    .all() as { id: number; name: string }[]
  const counts = new Map<string, Map<number, { n: number; high: number }>>()
  const add = (unitName: string, cycleId: number, high: boolean): void => {
    const byCycle = counts.get(unitName) ?? new Map<number, { n: number; high: number }>()
    counts.set(unitName, byCycle)
    const c = byCycle.get(cycleId) ?? { n: 0, high: 0 }
    byCycle.set(cycleId, c)
    c.n++
    if (high) c.high++
  }
  const sources = new Map<number, Message | null>()
  const { definition } = input
  if (definition.kind === 'rating') {
    const rows = db
      .prepare(
        `SELECT r.cycle_id AS cycleId, ${unit} AS unit, count(*) AS n,
                sum(1 + 4.0 * (r.overall_rating - rc.scale_min) / (rc.scale_max - rc.scale_min) >= @min - 1e-9) AS high
         FROM reviews r JOIN review_cycles rc ON rc.id = r.cycle_id JOIN people p ON p.id = r.person_id
         GROUP BY r.cycle_id, unit`,
      )
      .all({ min: definition.min }) as { cycleId: number; unit: string; n: number; high: number }[]
    for (const r of rows) {
      const byCycle = counts.get(r.unit) ?? new Map<number, { n: number; high: number }>()
      counts.set(r.unit, byCycle)
      byCycle.set(r.cycleId, { n: r.n, high: r.high })
    }
  } else {
    const boxes = new Set(definition.boxes)
    const unitOf = new Map(
      (
        db.prepare(`SELECT p.employee_id AS employeeId, ${unit} AS unit FROM people p`).all() as {
          employeeId: string
          unit: string
        }[]
      ).map((r) => [r.employeeId, r.unit]),
    )
    for (const cycle of cycles) {
      const session = db
        .prepare(
          `SELECT name, finalized_json FROM calibration_sessions
           WHERE cycle_id = ? AND status = 'finalized' AND finalized_json IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
        )
        .get(cycle.id) as { name: string; finalized_json: string } | undefined
      sources.set(cycle.id, session ? message('insights.density.source', { session: session.name }) : null)
      if (!session) continue
      for (const p of readSnapshot(session.finalized_json).view.placements)
        add(unitOf.get(p.employeeId) ?? '(left since)', cycle.id, boxes.has(p.box))
    }
  }
  const units = [...counts.keys()].sort((a, b) => a.localeCompare(b))
  const definitionText =
    definition.kind === 'rating'
      ? message('insights.density.byRating', { min: definition.min })
      : message('insights.density.byBoxes', { boxes: definition.boxes.join(', ') })
  return {
    definition: english(definitionText),
    definitionText,
    by: input.by,
    unitLabel: UNIT_LABEL[input.by],
    cycles: cycles.map((c) => {
      let n = 0
      let high = 0
      for (const byCycle of counts.values()) {
        const x = byCycle.get(c.id)
        n += x?.n ?? 0
        high += x?.high ?? 0
      }
      const source = sources.get(c.id) ?? null
      return {
        cycle: c.name,
        source: source && english(source),
        sourceText: source,
        total: cell(n, high),
      }
    }),
    units: units.map((u) => ({
      unit: u,
      cells: cycles.map((c) => {
        const x = counts.get(u)?.get(c.id)
        return cell(x?.n ?? 0, x?.high ?? 0)
      }),
    })),
  }
}
