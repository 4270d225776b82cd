import ExcelJS from 'exceljs'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, importIntoDemo, makeDemoWorkspace, test } from './fixtures'

test.describe('insights', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-insights-')), 1500)
  // A safety course whose completion fell in one quarter, in London only.
  const safety = join(mkdtempSync(join(tmpdir(), 'ninefold-e2e-safety-')), 'safety.csv')
  writeFileSync(
    safety,
    [
      'Employee ID,Location,Course ID,Course title,Status,Assigned',
      ...Array.from({ length: 600 }, (_, i) => {
        const id = `E${100001 + i}`
        const q2 = i % 2 === 1
        // The location column is informational here: the fall is made in the rows of every 3rd person below.
        const done = q2 ? i % 6 !== 1 : i % 20 !== 0
        return `${id},,SAFE-1,Safety Basics,${done ? 'Completed' : 'Enrolled'},${q2 ? '2026-04-15' : '2026-01-15'}`
      }),
    ].join('\n'),
  )
  importIntoDemo(demo, safety, 'learning')
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('answers the leading-indicator question with both groups, an interval and the caveat', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Insights' }).click()
    const card = page.getByRole('region', { name: 'Leading indicator' })
    await expect(card.getByLabel('Learning item')).toContainText('Advanced Leadership')
    await card.getByRole('button', { name: 'Compare' }).click()
    await expect(card).toContainText(
      'Did people who completed “Advanced Leadership” get higher “Team Management” ratings within 6 months?',
    )
    await expect(card.getByTestId('cohort-answer')).toHaveText(/^(Yes|No)/)
    await expect(card.getByRole('img')).toBeVisible()
    const rows = card.getByRole('table', { name: 'Cohort comparison' }).locator('tbody tr')
    await expect(rows).toHaveCount(2)
    await expect(rows.first()).toContainText('Completed Advanced Leadership')
    await expect(card).toContainText('correlation, not what the learning caused')
    const download = page.waitForEvent('download')
    await card.getByRole('button', { name: 'Export xlsx' }).click()
    const file = join(mkdtempSync(join(tmpdir(), 'ninefold-e2e-insight-export-')), 'cohort.xlsx')
    await (await download).saveAs(file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    expect(String(book.getWorksheet('Comparison')?.getRow(1).getCell(1).value)).toMatch(
      /^Did people who completed/,
    )
    await page.screenshot({ path: 'test-results/screens/insights-leading-indicator.png', fullPage: true })

    // Another question from the same form: retention after the Emerging Leaders Program, as a share.
    await card.getByLabel('Learning item').selectOption('Emerging Leaders Program')
    await card.getByLabel('Outcome', { exact: true }).selectOption('retained')
    await card.getByRole('button', { name: 'Compare' }).click()
    await expect(card).toContainText(
      'Did people who completed “Emerging Leaders Program” more often stay employed 6 months later?',
    )
    // …and promotion within a year, from the job-level history the HRIS files gave.
    await card.getByLabel('Outcome', { exact: true }).selectOption('promoted')
    await card.getByLabel('Within months', { exact: true }).fill('12')
    await card.getByRole('button', { name: 'Compare' }).click()
    await expect(card).toContainText(
      'Did people who completed “Emerging Leaders Program” get promoted more often within 12 months?',
    )
    await expect(card).toContainText('Outcome: promoted (a recorded rise in job level)')
    await expect(card.getByRole('table', { name: 'Cohort comparison' }).locator('tbody tr')).toHaveCount(2)
    await card.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/insights-promotion.png', fullPage: true })

    // A program's trend: the fall is named, and every segmentation shows its share of it.
    const program = page.getByRole('region', { name: 'Program trend' })
    await program.getByLabel('Program').selectOption('Safety Basics')
    await expect(program.getByTestId('drop-finding')).toContainText(
      /fell .* points .* from 2026-Q1 to 2026-Q2/,
    )
    await program.getByLabel('Segment by').selectOption('location')
    await expect(program.getByRole('table', { name: 'Completion by segment' })).toContainText('London')
    await expect(
      program.getByRole('table', { name: 'Drop attribution' }).locator('tbody tr').first(),
    ).toBeVisible()
    await program.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/insights-program.png', fullPage: true })

    // Drill into London: its own trend by department, the fall inside it, and the records behind it.
    await program
      .getByRole('table', { name: 'Completion by segment' })
      .getByRole('button', { name: 'Drill into Location London' })
      .click()
    await expect(program.getByRole('navigation', { name: 'Drill-down' })).toContainText('Location: London')
    await expect(program.getByLabel('Segment by')).toHaveValue('department')
    await expect(program.getByTestId('drop-finding')).toContainText(
      /^In location London: The completion rate fell/,
    )
    const segmentRecords = program.getByRole('table', { name: 'Segment records' }).locator('tbody tr')
    await expect(segmentRecords.first()).toContainText(/2026-Q2/)
    await expect(program.getByRole('table', { name: 'Drop attribution' })).not.toContainText('Location:')
    await program.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/insights-program-drilled.png', fullPage: true })
    // …and one level deeper, a department inside London; the path leads back out.
    const byDepartment = program.getByRole('table', { name: 'Completion by segment' })
    const firstDepartment = (await byDepartment.locator('tbody tr td button').first().textContent()) ?? ''
    await byDepartment.getByRole('button', { name: `Drill into Department ${firstDepartment}` }).click()
    await expect(program.getByRole('navigation', { name: 'Drill-down' })).toContainText(
      `Location: London › Department: ${firstDepartment}`,
    )
    await expect(program.getByLabel('Segment by')).toHaveValue('jobLevel')
    await program
      .getByRole('navigation', { name: 'Drill-down' })
      .getByRole('button', { name: 'Location: London' })
      .click()
    await expect(program.getByRole('navigation', { name: 'Drill-down' })).not.toContainText('Department:')
    await program.getByRole('button', { name: 'Everyone' }).click()
    await expect(program.getByRole('navigation', { name: 'Drill-down' })).toHaveCount(0)

    // Reaction surveys sit next to completion.
    await program.getByLabel('Program').selectOption('Advanced Leadership')
    const reaction = program.getByRole('table', { name: /Reaction survey/ })
    await expect(reaction.locator('tbody tr')).toHaveCount(3)
    await expect(reaction).toContainText('I would recommend it to a colleague')

    // A manager's team heatmap: assign the learning that closes a gap, and see it in the outbox.
    const heatmap = page.getByRole('region', { name: 'Team heatmap' })
    // Measured against a critical role's requirements: its skills are the columns.
    const requirements = heatmap.getByLabel('Requirements')
    const roleOption = requirements.locator('option', { hasText: 'Critical role:' }).first()
    const roleTitle = /Critical role: (.*) \(\d+ skills\)/.exec((await roleOption.textContent()) ?? '')?.[1]
    await requirements.selectOption({ label: (await roleOption.textContent()) ?? '' })
    await expect(heatmap).toContainText(`The levels “${roleTitle}” requires.`)
    await expect(heatmap.getByLabel('Required level')).toHaveCount(0)
    await heatmap.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/insights-heatmap-role.png', fullPage: true })
    await requirements.selectOption({ label: 'One level for every skill' })
    // The role's table stays until the new one arrives: read the button from the new one.
    await expect(heatmap).toContainText('the team has most evidence for')
    await expect(heatmap).not.toContainText(`The levels “${roleTitle}” requires.`)
    const assign = heatmap.getByRole('button', { name: /^Assign .* to / }).first()
    const label = (await assign.getAttribute('aria-label')) ?? ''
    const [, title, person] = /^Assign (.*) to (.*)$/.exec(label) ?? []
    await assign.click()
    await expect(heatmap.getByText(`Assigned ${title}, due`)).toBeVisible()
    await heatmap.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/insights-heatmap.png', fullPage: true })
    await page.getByRole('button', { name: 'Succession' }).click()
    await page.getByRole('tab', { name: /Rules and outbox/ }).click()
    await expect(
      page
        .getByRole('table')
        .filter({ hasText: person ?? '' })
        .filter({ hasText: title ?? '' })
        .first(),
    ).toBeVisible()
    await page.getByRole('button', { name: 'Insights' }).click()

    // Talent density: the share of high performers by department and cycle, as bars and as a table.
    const density = page.getByRole('region', { name: 'Talent density' })
    const table = density.getByRole('table', { name: 'Talent density by cycle' })
    await expect(table.locator('thead th')).toHaveCount(3)
    await expect(table.locator('tr.total')).toContainText(/All\s*\d+(\.\d)?% \(\d+ of \d+\)/)
    await density.getByLabel('Group by').selectOption('location')
    await expect(table).toContainText('London')
    // What counts as a high performer is the organisation's call: a stricter rating threshold…
    const everyone = (await table.locator('tr.total').textContent()) ?? ''
    await density.getByLabel('Minimum rating (1–5)').fill('5')
    await expect(density).toContainText('High performer: a rating of 5 or more on 1–5')
    await expect(table.locator('tr.total')).not.toHaveText(everyone)
    // …or the boxes of a finalized calibration that count.
    await density.getByLabel('High performer means').selectOption('boxes')
    const boxes = density.getByRole('group', { name: 'Boxes that count' })
    await expect(boxes.getByRole('checkbox', { checked: true })).toHaveCount(3)
    await boxes.getByLabel('6', { exact: true }).uncheck()
    await expect(density).toContainText('High performer: in box 8, 9 of the cycle')
    await density.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/insights-density-boxes.png', fullPage: true })
    await boxes.getByLabel('8', { exact: true }).uncheck()
    await boxes.getByLabel('9', { exact: true }).uncheck()
    await expect(density).toContainText('Tick at least one box.')
    await boxes.getByLabel('9', { exact: true }).check()
    await expect(density).toContainText('High performer: in box 9 of the cycle')
    await density.getByLabel('High performer means').selectOption('rating')
    await density.getByRole('img').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/insights-density.png', fullPage: true })

    // One person's journey: a timeline and the same events as a table.
    const journey = page.getByRole('region', { name: 'Person journey' })
    await journey.getByLabel('Journey employee ID').fill('E100010')
    await journey.getByRole('button', { name: 'Show' }).click()
    await expect(journey.getByRole('img', { name: /^Timeline of / })).toBeVisible()
    await expect(journey.getByRole('table', { name: 'Journey events' })).toContainText('Annual Review review')
    await journey.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/insights-journey.png', fullPage: true })

    // The learning-goal map: the onboarding example with its values today, and a goal added by hand.
    const goals = page.getByRole('region', { name: 'Learning-goal map' })
    const goalRows = goals.getByRole('table', { name: 'Learning goals' }).locator('tbody tr')
    await expect(goalRows).toHaveCount(2)
    await expect(goalRows.nth(1)).toContainText(/\d+(\.\d)?%/)
    await goals.getByRole('button', { name: 'Add a goal' }).click()
    await goalRows.nth(2).getByLabel('Goal').fill('Compliance culture')
    await goalRows.nth(2).getByLabel('Metric').selectOption('mandatory-compliance')
    await goalRows.nth(2).getByRole('button', { name: 'Save' }).click()
    await expect(goalRows).toHaveCount(3)
    await expect(goalRows.nth(2)).toContainText(
      /Done \(completed, passed or waived\), of \d+ mandatory learning records/,
    )
    await goals.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/insights-goals.png', fullPage: true })

    // Flight-risk signals are labelled as prompts for a conversation, with the records behind each.
    const signals = page.getByRole('region', { name: 'Flight-risk signals' })
    await expect(signals.getByRole('note')).toContainText('A prompt for a conversation, not a prediction')
    await expect(signals.getByRole('table', { name: 'Signals' }).locator('tbody tr').first()).toBeVisible()
  })
})
