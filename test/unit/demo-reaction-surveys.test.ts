import { describe, expect, it } from 'vitest'
import { createDemoOrganisation } from '../../src/core/demo'
import { REACTION_QUESTIONS, reactionSurveysFor } from '../../src/core/demo/reactionSurveys'

describe('demo reaction surveys', () => {
  const org = createDemoOrganisation({ people: 600, seed: 5, asOf: '2026-06-30' })
  const all = [...org.records()]

  it('answers only for completed programmes and courses, every question once, on a 1–5 scale', () => {
    let responses = 0
    for (const { records, surveys } of all) {
      // The first completion of each item: no answer comes before it.
      const done = new Map<string, string>()
      for (const r of records.learningRecords) {
        if (r.status !== 'completed' && r.status !== 'passed') continue
        const first = done.get(r.activityId)
        if (first === undefined || (r.completedAt ?? '') < first) done.set(r.activityId, r.completedAt ?? '')
      }
      for (const s of surveys) {
        expect(done.has(s.activityId)).toBe(true)
        expect(s.answeredAt >= (done.get(s.activityId) ?? '')).toBe(true)
        expect(Number.isInteger(s.score) && s.score >= 1 && s.score <= 5).toBe(true)
        expect(s.activityId).toMatch(/^(PRG|COMP|CRS)-/)
      }
      const perItem = new Map<string, typeof surveys>()
      for (const s of surveys) perItem.set(s.activityId, [...(perItem.get(s.activityId) ?? []), s])
      // A course completed twice can be answered twice: whole surveys, every question as often as the others.
      for (const answers of perItem.values()) {
        const times = answers.length / REACTION_QUESTIONS.length
        expect(Number.isInteger(times)).toBe(true)
        for (const q of REACTION_QUESTIONS) expect(answers.filter((a) => a.question === q).length).toBe(times)
      }
      responses += surveys.length
    }
    expect(responses).toBeGreaterThan(600)
  })

  it('likes leadership programmes better than compliance courses, and is the same for the same seed', () => {
    const mean = (prefix: string): number => {
      const scores = all.flatMap((p) =>
        p.surveys.filter((s) => s.activityId.startsWith(prefix)).map((s) => s.score),
      )
      return scores.reduce((a, b) => a + b, 0) / scores.length
    }
    expect(mean('PRG-')).toBeGreaterThan(mean('COMP-') + 0.4)
    const again = [...createDemoOrganisation({ people: 600, seed: 5, asOf: '2026-06-30' }).records()]
    expect(again.map((p) => p.surveys)).toEqual(all.map((p) => p.surveys))
    const first = all.find((p) => p.surveys.length > 0)
    expect(reactionSurveysFor(first?.records.learningRecords ?? [], 1)).not.toEqual(first?.surveys)
  })
})
