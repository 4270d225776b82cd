import { describe, expect, it } from 'vitest'
import { StatementShapeError, StatementSplitter } from '../../src/core/xapi/statementSplitter'

const split = (text: string, chunk = text.length) => {
  const splitter = new StatementSplitter()
  const pieces = []
  let held = 0
  for (let i = 0; i < text.length; i += chunk) {
    pieces.push(...splitter.push(text.slice(i, i + chunk)))
    held = Math.max(held, splitter.bufferedChars)
  }
  pieces.push(...splitter.end())
  return { pieces, layout: splitter.layout, skeleton: splitter.skeleton, held }
}

describe('StatementSplitter: one statement at a time from a file in chunks', () => {
  const statement = (n: number) =>
    JSON.stringify({ id: `s${n}`, verb: { id: 'v' }, text: `a "quoted" ]}, \\ ${'x'.repeat(n % 50)}` })

  it('cuts an array into its elements, the same whatever the chunk boundaries (inside strings and escapes too)', () => {
    const text = `[${[1, 2, 3].map(statement).join(',\n  ')}]`
    const whole = split(text)
    expect(whole.layout).toBe('array')
    expect(whole.pieces.map((p) => p.index)).toEqual([1, 2, 3])
    expect(whole.pieces.map((p) => JSON.parse(p.text) as unknown)).toEqual(JSON.parse(text))
    for (const chunk of [1, 2, 3, 7]) expect(split(text, chunk).pieces).toEqual(whole.pieces)
  })

  it('holds one statement at most, however long the file', () => {
    const text = `[${Array.from({ length: 20_000 }, (_, n) => statement(n)).join(',')}]`
    const { pieces, held } = split(text, 65_536)
    expect(pieces).toHaveLength(20_000)
    expect(text.length).toBeGreaterThan(1_500_000)
    expect(held).toBeLessThan(200)
  })

  it('streams the statements of a StatementResult wherever "more" stands, and keeps the rest as its skeleton', () => {
    for (const text of [
      `{"statements": [${statement(1)}, ${statement(2)}], "more": "/xapi/statements?page=2"}`,
      `{"more": "/xapi/statements?page=2", "statements": [${statement(1)}, ${statement(2)}]}`,
    ]) {
      const { pieces, layout, skeleton, held } = split(text, 5)
      expect(layout).toBe('statementResult')
      expect(pieces.map((p) => p.index)).toEqual([1, 2])
      expect(JSON.parse(skeleton ?? '')).toEqual({ statements: [], more: '/xapi/statements?page=2' })
      expect(held).toBeLessThan(200)
    }
  })

  it('reads one statement, and JSON Lines by the file’s own line numbers (blank lines counted)', () => {
    expect(split(`\n${statement(1)}\n`)).toMatchObject({ layout: 'single', pieces: [{ index: 1 }] })
    const lines = split(`\n${statement(1)}\n\n{"broken": \n${statement(2)}`, 4)
    expect(lines.layout).toBe('lines')
    expect(lines.pieces.map((p) => [p.index, p.text.slice(0, 10)])).toEqual([
      [2, '{"id":"s1"'],
      [4, '{"broken":'],
      [5, '{"id":"s2"'],
    ])
  })

  it('says where a file stops being one of these shapes', () => {
    expect(() => split(`[${statement(1)}, ${statement(2)}`)).toThrow(
      new StatementShapeError('the file ends inside a JSON value (line 1)'),
    )
    expect(() => split(`[${statement(1)},, ${statement(2)}]`)).toThrow(/a missing value/)
    expect(() => split(`[${statement(1)}]\n[]`)).toThrow('unexpected "[" after the JSON value, on line 2')
    expect(() => split(`${statement(1)}\n[1]`)).toThrow('unexpected "[" after the JSON value, on line 2')
    expect(() => split(`${statement(1)}\n${statement(2)}\n[1]`)).toThrow(
      'line 3 is not a JSON object, in a file of JSON Lines',
    )
    expect(() => split('  \n ')).toThrow('the file holds no JSON value')
  })
})
