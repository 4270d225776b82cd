import { expect, makeDemoWorkspace, test } from './fixtures'
import { PeoplePage } from './pages/PeoplePage'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PEOPLE = 5000
// One demo workspace for this file, opened by the host at start (--workspace/--key-file), as a script would.
const shared = mkdtempSync(join(tmpdir(), 'ninefold-e2e-people-'))
const demo = makeDemoWorkspace(shared, PEOPLE)

test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

test('shows every demo person in a virtualised grid and scrolls to the last one', async ({ page, host }) => {
  await page.goto(host.url)
  const people = new PeoplePage(page)
  await people.expectLoaded(PEOPLE)
  // Only a window of rows is in the DOM, not 5,000.
  expect(await people.grid.locator('.grid-body [role="row"]').count()).toBeLessThan(120)
  await people.scrollToBottom()
  await expect(people.grid.locator(`[aria-rowindex="${PEOPLE + 1}"]:not(.loading)`)).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/people-bottom.png' })
})

test('sorts in the database when a header is clicked', async ({ page, host }) => {
  await page.goto(host.url)
  const people = new PeoplePage(page)
  await people.expectLoaded(PEOPLE)
  await people.sortBy('Hired')
  await expect(people.grid.getByRole('columnheader', { name: 'Hired' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  const isAscending = (values: string[]): boolean =>
    values.every((v, i) => i === 0 || (values[i - 1] ?? '') <= v)
  await expect.poll(async () => isAscending(await people.columnValues(7))).toBe(true)
  const ascendingFirst = (await people.columnValues(7))[0] ?? ''
  await people.sortBy('Hired')
  await expect(people.grid.getByRole('columnheader', { name: 'Hired' })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  // Wait for the new order itself: while the pages reload, the first row is a loading row with no value.
  await expect
    .poll(async () => {
      const first = (await people.columnValues(7))[0] ?? ''
      return first !== '' && first !== ascendingFirst
    })
    .toBe(true)
  const descending = (await people.columnValues(7)).slice(0, 20)
  expect(descending).toEqual([...descending].sort().reverse())
  expect((descending[0] ?? '') > ascendingFirst).toBe(true)
})

test('filters by search text and department', async ({ page, host }) => {
  await page.goto(host.url)
  const people = new PeoplePage(page)
  await people.expectLoaded(PEOPLE)
  await people.search.fill('E100001')
  await people.expectLoaded(1)
  await expect(people.bodyRows()).toHaveCount(1)
  await expect(people.bodyRows().first()).toContainText('Chief Executive Officer')
  await people.search.fill('')
  await people.expectLoaded(PEOPLE)
  const legal = page.getByLabel('Department').locator('option', { hasText: /^Legal \(/ })
  const expected = Number(((await legal.textContent()) ?? '').replace(/\D/g, ''))
  expect(expected).toBeGreaterThan(0)
  await page.getByLabel('Department').selectOption('Legal')
  await people.expectLoaded(expected)
  await expect.poll(async () => new Set(await people.columnValues(4))).toEqual(new Set(['Legal']))
})
