/**
 * Where a fall in a rate comes from. With segment weights w (share of the population) and rates r in two periods,
 * segment s contributes c_s = w1·(r1 − R0) − w0·(r0 − R0), where R0 is the overall rate before. The contributions
 * add up exactly to the overall change R1 − R0, so each segment's share of the change can be read off directly, a
 * segment that grew or shrank included.
 */
export interface SegmentCounts {
  segment: string
  before: { n: number; hits: number }
  after: { n: number; hits: number }
}

export interface SegmentContribution extends SegmentCounts {
  rateBefore: number | null
  rateAfter: number | null
  /** Points of the overall rate this segment moved (negative: it pulled the rate down). */
  contribution: number
  /** Its share of the overall change (1 = all of it); null when the overall rate did not change. */
  shareOfChange: number | null
}

export function attributeChange(segments: readonly SegmentCounts[]): {
  before: number | null
  after: number | null
  change: number | null
  segments: SegmentContribution[]
} {
  const total = (pick: (s: SegmentCounts) => { n: number; hits: number }) =>
    segments.reduce((t, s) => ({ n: t.n + pick(s).n, hits: t.hits + pick(s).hits }), { n: 0, hits: 0 })
  const b = total((s) => s.before)
  const a = total((s) => s.after)
  const before = b.n === 0 ? null : b.hits / b.n
  const after = a.n === 0 ? null : a.hits / a.n
  const change = before === null || after === null ? null : after - before
  return {
    before,
    after,
    change,
    segments: segments
      .map((s) => {
        const rateBefore = s.before.n === 0 ? null : s.before.hits / s.before.n
        const rateAfter = s.after.n === 0 ? null : s.after.hits / s.after.n
        const w0 = b.n === 0 ? 0 : s.before.n / b.n
        const w1 = a.n === 0 ? 0 : s.after.n / a.n
        const contribution =
          before === null ? 0 : w1 * ((rateAfter ?? 0) - before) - w0 * ((rateBefore ?? 0) - before)
        return {
          ...s,
          rateBefore,
          rateAfter,
          contribution,
          shareOfChange: change === null || Math.abs(change) < 1e-12 ? null : contribution / change,
        }
      })
      .sort((x, y) => (y.shareOfChange ?? 0) - (x.shareOfChange ?? 0)),
  }
}
