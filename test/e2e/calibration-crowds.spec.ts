import AxeBuilder from '@axe-core/playwright'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, makeDemoWorkspace, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

/** Serious and critical WCAG 2.1 A/AA violations on screen now (as in accessibility.spec.ts). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
}

/** The org filter's manager with the biggest team that still fits the grid person by person, with its size. */
async function readableTeam(page: Page): Promise<{ value: string; count: number }> {
  const options = await page
    .getByTestId('org-filter')
    .locator('option')
    .evaluateAll((all) =>
      all.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
    )
  const teams = options
    .map((o) => ({ value: o.value, count: Number(/ and team · (\d+) people$/.exec(o.text)?.[1] ?? 0) }))
    .filter((o) => o.value !== '' && o.count >= 20 && o.count <= 120)
    .sort((a, b) => b.count - a.count)
  const team = teams[0]
  if (!team) throw new Error(`no team of 20–120 people among ${options.length} managers`)
  return team
}

const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-crowds-')), 5000)

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  const size = `${viewport.width}x${viewport.height}`
  test.describe(`a 5,000-person meeting at ${size}`, () => {
    test.use({ viewport, hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

    test('the org filter narrows the company to one manager’s subtree, drawn person by person', async ({
      page,
      host,
    }) => {
      await page.goto(host.url)
      const calibration = new CalibrationPage(page)
      await calibration.startSession('Whole company')
      await expect(calibration.grid.getByText(/people — open the list/).first()).toBeVisible()
      expect(await calibration.grid.locator('[data-employee]').count()).toBe(0)

      // Two clicks: open the "Team" list, pick a manager. The line under it says the team as the list did.
      const team = await readableTeam(page)
      const option = await page
        .getByTestId('org-filter')
        .locator(`option[value="${team.value}"]`)
        .textContent()
      await page.getByTestId('org-filter').selectOption(team.value)
      await expect(page.getByTestId('org-count')).toHaveText(`Showing ${(option ?? '').trim()}`)
      const shown = team.count
      // Everyone in the subtree is on the grid as a person, nobody else; no box is too crowded to draw.
      await expect(calibration.grid.locator('[data-employee]')).toHaveCount(shown)
      await expect(calibration.grid.getByText(/people — open the list/)).toHaveCount(0)
      const counts = await Promise.all(
        [1, 2, 3, 4, 5, 6, 7, 8, 9].map(async (b) =>
          Number(((await page.getByTestId(`box-count-${b}`).textContent()) ?? '').split(' / ')[0]),
        ),
      )
      expect(counts.reduce((a, b) => a + b, 0)).toBe(shown)
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/crowds-org-filter-${size}.png` })

      await page.getByRole('button', { name: 'Show the whole session' }).click()
      await expect(calibration.grid.getByText(/people — open the list/).first()).toBeVisible()
    })

    test('a crowded box opens as a table grouped by manager, and a row dragged onto a box moves the person', async ({
      page,
      host,
    }) => {
      await page.goto(host.url)
      const calibration = new CalibrationPage(page)
      await calibration.startSession('Whole company')
      const before9 = Number(((await page.getByTestId('box-count-9').textContent()) ?? '').split(' / ')[0])
      const before5 = Number(((await page.getByTestId('box-count-5').textContent()) ?? '').split(' / ')[0])
      await calibration.grid.locator('[data-box="5"] .box-crowded').click()
      const table = page.getByRole('region', { name: /^Box 5: / })
      await expect(table.getByRole('heading')).toContainText(`${before5} people`)
      // Virtualised: a box of hundreds renders only the rows in view.
      const rendered = await table.locator('tr[data-employee-row]').count()
      expect(rendered).toBeGreaterThan(5)
      expect(rendered).toBeLessThan(Math.min(before5, 80))

      await table.getByLabel('Group by').selectOption('manager')
      const groups = table.locator('tr.box-table-group')
      await expect(groups.first()).toBeVisible()
      // Each group heading names a manager (not an ID) and how many of theirs are in the box.
      await expect(groups.first()).toHaveText(/^[^\d()]+ \(\d+\)$/)
      const firstGroup = (await groups.first().textContent()) ?? ''
      const manager = firstGroup.replace(/ \(\d+\)$/, '')
      const row = table.locator('tr[data-employee-row]').first()
      await expect(row.locator('td.col-manager')).toHaveText(manager)
      // Search narrows the rows.
      await table.getByLabel('Search this box').fill(manager)
      await expect(table.getByRole('status')).toHaveText(new RegExp(`^\\d+ of ${before5} shown$`))
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/crowds-box-table-${size}.png` })

      const employeeId = await row.getAttribute('data-employee-row')
      const from = await row.locator('td.col-title').boundingBox()
      const to = await calibration.box(9).boundingBox()
      if (!from || !to || !employeeId) throw new Error('nothing to drag')
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await page.mouse.down()
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
      await expect(calibration.box(9)).toHaveClass(/box-drop-target/)
      await page.screenshot({ path: `test-results/screens/crowds-row-drag-${size}.png` })
      await page.mouse.up()
      await expect(calibration.dialog).toBeVisible()
      await expect(calibration.dialog).toContainText('5')
      await calibration.confirmMove('Led the migration, evidence not in the system')
      await expect(page.getByTestId('box-count-9')).toHaveText(new RegExp(`^${before9 + 1} / `))
      await expect(page.getByTestId('box-count-5')).toHaveText(new RegExp(`^${before5 - 1} / `))
      await expect(table.locator(`tr[data-employee-row="${employeeId}"]`)).toHaveCount(0)
    })

    test('Find lands on the person’s place in the open session, highlighted', async ({ page, host }) => {
      await page.goto(host.url)
      const calibration = new CalibrationPage(page)
      await calibration.startSession('Whole company')
      await calibration.grid.locator('[data-box="5"] .box-crowded').click()
      const table = page.getByRole('region', { name: /^Box 5: / })
      // Someone far down the box: the table must scroll to them.
      await table.getByRole('columnheader', { name: /^Name/ }).getByRole('button').click()
      const last = table.locator('tr[data-employee-row]').first()
      const employeeId = (await last.getAttribute('data-employee-row')) ?? ''
      const name = (await last.locator('td.col-name').textContent()) ?? ''
      await table.getByRole('button', { name: 'Close the table' }).click()

      await page.keyboard.press('Control+k')
      await page.getByRole('combobox', { name: 'Find a person, session, role or program' }).fill(name)
      const spot = page
        .getByRole('option', { name: /Their place in “Whole company”/i })
        .filter({ hasText: employeeId })
      await expect(spot).toContainText(name)
      await spot.click()
      const landed = page
        .getByRole('region', { name: /^Box 5: / })
        .locator(`tr[data-employee-row="${employeeId}"]`)
      await expect(landed).toBeVisible()
      await expect(landed).toHaveClass(/found/)
      await expect(calibration.box(5)).toHaveClass(/box-target/)
      await expect(page.locator('.person-panel')).toContainText(name)
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/crowds-find-${size}.png` })
    })

    test('Find with no session open lands on the profile: sessions with box and flags, journey, and the way to their place', async ({
      page,
      host,
    }) => {
      await page.goto(host.url)
      const calibration = new CalibrationPage(page)
      await calibration.startSession('Whole company')
      await calibration.grid.locator('[data-box="9"] .box-crowded').click()
      const row = page
        .getByRole('region', { name: /^Box 9: / })
        .locator('tr[data-employee-row]')
        .first()
      const employeeId = (await row.getAttribute('data-employee-row')) ?? ''
      const name = (await row.locator('td.col-name').textContent()) ?? ''
      await page.getByRole('button', { name: '← Sessions' }).click()

      await page.keyboard.press('Control+k')
      await page.getByRole('combobox', { name: 'Find a person, session, role or program' }).fill(employeeId)
      await expect(page.getByRole('option', { name: /Their place in/i })).toHaveCount(0)
      await page
        .getByRole('option', { name: new RegExp(name) })
        .first()
        .click()
      const profile = page.getByTestId('person-profile')
      // Every test of this file starts its own "Whole company" session in the same workspace: each is listed.
      const place = profile.getByRole('listitem').filter({ hasText: 'Whole company: box 9' }).first()
      await expect(place).toBeVisible()
      await expect(profile.getByRole('img', { name: new RegExp(name) })).toBeVisible()
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/crowds-profile-${size}.png` })

      await place.getByRole('button', { name: 'Open their place' }).click()
      const landed = page
        .getByRole('region', { name: /^Box 9: / })
        .locator(`tr[data-employee-row="${employeeId}"]`)
      await expect(landed).toHaveClass(/found/)
    })
  })
}
