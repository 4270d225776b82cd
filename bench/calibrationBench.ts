// The calibration core on a large population: placements, agility ranks and every flag for 50k people, against a
// bare pass that reads each of the same records once (what any scoring has to do at least).
import { calibrate } from '../src/core/calibration/calibrate'
import { defaultSettings } from '../src/core/calibration/defaults'
import type { CalibrationPerson, CycleInfo } from '../src/core/calibration/evidenceModel'
import { assignPseudonyms } from '../src/core/calibration/pseudonyms'
import { createDemoOrganisation } from '../src/core/demo'

const AS_OF = '2026-11-01'

/** The demo organisation as the session loader would hand it to the core (ids made up in order). */
export function demoPopulation(people: number): { population: CalibrationPerson[]; cycle: CycleInfo } {
  const org = createDemoOrganisation({ people, seed: 1, asOf: AS_OF })
  const items = new Map(org.learningItems.map((i) => [i.activityId, i]))
  const cycles = org.cycles.map((c, i) => ({ id: i + 1, ...c }))
  let id = 1
  const population: CalibrationPerson[] = []
  for (const { person, records } of org.records()) {
    population.push({
      personId: id++,
      employeeId: person.employeeId,
      fullName: person.fullName,
      managerId: person.managerId,
      department: person.department,
      location: person.location,
      jobLevel: person.jobLevel,
      hireDate: person.hireDate,
      reviews: records.reviews.map((r) => {
        const cycle = cycles.find((c) => c.name === r.cycle) ?? (cycles[0] as (typeof cycles)[number])
        return { id: id++, cycleId: cycle.id, cycleName: cycle.name, scaleMin: 1, scaleMax: 5, ...r }
      }),
      competencies: records.competencyRatings.map((r) => ({
        id: id++,
        skill: r.skill,
        level: r.level,
        source: r.source,
        cycleName: r.cycle,
        ratedAt: r.ratedAt,
      })),
      learning: records.learningRecords.map((r) => {
        const item = items.get(r.activityId)
        return {
          id: id++,
          activityId: r.activityId,
          title: item?.title ?? r.activityId,
          activityType: item?.activityType ?? 'course',
          mandatory: item?.mandatory ?? false,
          status: r.status,
          score: r.score,
          scoreMin: r.scoreMin,
          scoreMax: r.scoreMax,
          assignedAt: r.assignedAt,
          dueAt: r.dueAt,
          completedAt: r.completedAt,
          validUntil: r.validUntil,
        }
      }),
    })
  }
  return { population, cycle: cycles[1] as CycleInfo }
}

export function calibrationCoreBench(people: number): {
  oursMs: number
  baselineMs: number
  placed: number
  flags: number
} {
  const { population, cycle } = demoPopulation(people)
  const input = {
    people: population,
    cycle,
    settings: defaultSettings(AS_OF),
    moves: [],
    flagStates: [],
    discussed: new Set<string>(),
    pseudonyms: assignPseudonyms(
      'bench',
      population.map((p) => p.employeeId),
    ),
    blind: false,
  }
  const median = (runs: number[]): number =>
    [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number
  const ours: number[] = []
  let result = calibrate(input) // warm-up: the first run also compiles
  for (let i = 0; i < 9; i++) {
    const start = performance.now()
    result = calibrate(input)
    ours.push(performance.now() - start)
  }
  const bare: number[] = []
  let sink = 0
  for (let i = 0; i < 6; i++) {
    const start = performance.now()
    for (const p of population) {
      for (const r of p.reviews) sink += r.overallRating
      for (const c of p.competencies) sink += c.level + (c.ratedAt?.length ?? 0)
      for (const l of p.learning)
        sink += (l.score ?? 0) + (l.completedAt?.length ?? 0) + (l.dueAt?.length ?? 0)
    }
    if (i > 0) bare.push(performance.now() - start)
  }
  if (sink === 0) throw new Error('unreachable')
  return {
    oursMs: median(ours),
    baselineMs: median(bare),
    placed: result.placements.length,
    flags: result.placements.reduce((n, p) => n + p.flags.length, 0),
  }
}
