// Every Insights view and the fairness audit on a 50k-person workspace, against a bare scan of the learning
// records (what any question about learning has to touch at most once), in the same run.
import type { MethodName } from '../src/shared/contract'
import type { Services } from '../src/main/services/createServices'

export interface InsightTiming {
  view: string
  ms: number
}

async function call(svc: Services, method: MethodName, input: unknown): Promise<unknown> {
  const result = await svc.dispatcher.dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value
}

const median = (runs: number[]): number =>
  [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number

export async function insightTimings(svc: Services): Promise<{ views: InsightTiming[]; baselineMs: number }> {
  const { sessionId } = (await call(svc, 'calibration.create', { name: 'Bench' })) as { sessionId: string }
  await call(svc, 'calibration.show', { sessionId }) // the audit reads the session's cached view, as in the app
  const managers = (await call(svc, 'insights.managers', {})) as { employeeId: string; reports: number }[]
  const biggestTeam = [...managers].sort((a, b) => b.reports - a.reports)[0]?.employeeId ?? ''
  const someone = (
    svc.session.reader.prepare('SELECT employee_id AS id FROM people LIMIT 1 OFFSET 2500').get() as {
      id: string
    }
  ).id
  const views: [string, MethodName, unknown][] = [
    [
      'program trend (Advanced Leadership, by department)',
      'insights.program',
      { item: 'Advanced Leadership' },
    ],
    [
      'leading indicator (Advanced Leadership → Team Management, 6 months)',
      'insights.cohort',
      {
        item: 'Advanced Leadership',
        outcome: { kind: 'skill-rating', skill: 'Team Management', withinMonths: 6 },
      },
    ],
    [
      'leading indicator (Emerging Leaders Program → promoted, 12 months)',
      'insights.cohort',
      { item: 'Emerging Leaders Program', outcome: { kind: 'promoted', months: 12 } },
    ],
    [
      'program trend (Code of Conduct, drilled into Engineering, by location)',
      'insights.program',
      {
        item: 'Code of Conduct',
        segmentBy: 'location',
        within: [{ dimension: 'department', segment: 'Engineering' }],
      },
    ],
    ['talent density (rating, by department)', 'insights.density', {}],
    ['team heatmap (the largest team)', 'insights.teamHeatmap', { manager: biggestTeam }],
    ['person journey', 'insights.journey', { employeeId: someone }],
    ['learning-goal map', 'insights.goals', {}],
    ['flight-risk signals', 'insights.flightRisk', {}],
    ['learning items list', 'insights.items', {}],
    ['fairness audit of the whole-company session', 'fairness.audit', { sessionId }],
  ]
  const timings: InsightTiming[] = []
  for (const [view, method, input] of views) {
    const runs: number[] = []
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      await call(svc, method, input)
      runs.push(performance.now() - start)
    }
    timings.push({ view, ms: median(runs) })
  }
  const db = svc.session.reader
  const bare: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    db.prepare('SELECT count(*), sum(length(completed_at)) FROM learning_records').get()
    bare.push(performance.now() - start)
  }
  return { views: timings, baselineMs: median(bare) }
}
