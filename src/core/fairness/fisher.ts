/**
 * Fisher's exact test on a 2×2 table: is a group's selection rate different from everyone else's by more than
 * chance? Exact, so it stays honest for the small groups where a four-fifths ratio swings on one person.
 */
const logFactorials: number[] = [0]

function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++)
    logFactorials.push((logFactorials[i - 1] as number) + Math.log(i))
  return logFactorials[n] as number
}

/** log P(X = a) for the hypergeometric table [[a, b], [c, d]] with its margins fixed. */
function logTableProbability(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d
  return (
    logFactorial(a + b) +
    logFactorial(c + d) +
    logFactorial(a + c) +
    logFactorial(b + d) -
    logFactorial(n) -
    logFactorial(a) -
    logFactorial(b) -
    logFactorial(c) -
    logFactorial(d)
  )
}

/**
 * Two-sided p-value for the table: group selected `a` of `a + b`, the rest selected `c` of `c + d`. Sums every table
 * with the same margins that is no more likely than the one observed (the usual two-sided definition, as in R's
 * fisher.test), with a relative tolerance for floating-point ties.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  const row1 = a + b
  const col1 = a + c
  const n = a + b + c + d
  const observed = logTableProbability(a, b, c, d)
  const low = Math.max(0, col1 - (n - row1))
  const high = Math.min(row1, col1)
  let p = 0
  for (let x = low; x <= high; x++) {
    const lp = logTableProbability(x, row1 - x, col1 - x, n - row1 - col1 + x)
    if (lp <= observed + 1e-7) p += Math.exp(lp)
  }
  return Math.min(1, p)
}
