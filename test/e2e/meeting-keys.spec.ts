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

const boxCount = async (page: Page, box: number): Promise<number> =>
  Number(((await page.getByTestId(`box-count-${box}`).textContent()) ?? '').split(' / ')[0])

/** What has the keyboard focus, described: its tag, its row's employee, and the dialog it is in. */
const focused = (page: Page): Promise<{ tag: string; row: string | null; inDialog: boolean }> =>
  page.evaluate(() => {
    const el = document.activeElement
    return {
      tag: el?.tagName ?? '',
      row: el?.getAttribute('data-employee-row') ?? null,
      inDialog: el?.closest('[role="dialog"]') !== null && el?.closest('[role="dialog"]') !== undefined,
    }
  })

// 400 people: box 5 is over the card budget (a table), and the org chart has teams to pick from.
const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-keys-')), 400)

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  const size = `${viewport.width}x${viewport.height}`
  test.describe(`a 400-person meeting at ${size}`, () => {
    test.use({ viewport, hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

    test('a person moves from the crowded box’s table to another box with the keyboard alone', async ({
      page,
      host,
    }) => {
      await page.goto(host.url)
      const calibration = new CalibrationPage(page)
      await calibration.startSession(`Keyboard ${size}`)
      const before5 = await boxCount(page, 5)
      const before9 = await boxCount(page, 9)
      expect(before5).toBeGreaterThan(50)

      // Open the crowded box from the keyboard: the table takes the focus, on its first row.
      await calibration.grid.locator('[data-box="5"] .box-crowded').focus()
      await page.keyboard.press('Enter')
      const table = page.getByRole('region', { name: /^Box 5: / })
      await expect(table).toBeVisible()
      await expect.poll(async () => (await focused(page)).row).not.toBeNull()
      // Down two rows, and that person goes to box 9.
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      const chosen = (await focused(page)).row ?? ''
      expect(chosen).not.toBe('')
      const name = (await table.locator(`tr[data-employee-row="${chosen}"] td.col-name`).textContent()) ?? ''
      await expect(table.locator(`tr[data-employee-row="${chosen}"]`)).toBeFocused()
      await page.keyboard.press('9')
      await expect(calibration.dialog).toBeVisible()
      await expect(calibration.dialog.getByRole('heading')).toContainText(name)
      await expect(calibration.dialog.getByRole('heading')).toContainText('9')
      // The reason code is the first thing focused; arrow keys choose one, Enter moves.
      const reason = calibration.dialog.getByRole('combobox', { name: 'Reason' })
      await expect(reason).toBeFocused()
      await page.keyboard.press('ArrowDown')
      await expect(reason).not.toHaveValue('')
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/keys-move-dialog-${size}.png` })
      await page.keyboard.press('Enter')
      await expect(calibration.dialog).toBeHidden()

      await expect(page.getByTestId('box-count-9')).toHaveText(new RegExp(`^${before9 + 1} / `))
      await expect(page.getByTestId('box-count-5')).toHaveText(new RegExp(`^${before5 - 1} / `))
      await expect(table.locator(`tr[data-employee-row="${chosen}"]`)).toHaveCount(0)
      await expect(table.getByRole('heading')).toContainText(`${before5 - 1} people`)
      // The focus stays in the table, on the row that took the moved person's place: the next move is one key away.
      await expect.poll(async () => (await focused(page)).row).not.toBeNull()
      expect((await focused(page)).row).not.toBe(chosen)
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/keys-moved-${size}.png` })
    })

    test('the org filter’s list and the line under it say a team the same way', async ({ page, host }) => {
      await page.goto(host.url)
      const calibration = new CalibrationPage(page)
      await calibration.startSession(`Teams ${size}`)
      const filter = page.getByTestId('org-filter')
      const options = await filter
        .locator('option')
        .evaluateAll((all) =>
          all.map((o) => ({ value: (o as HTMLOptionElement).value, text: (o.textContent ?? '').trim() })),
        )
      const teams = options.filter((o) => o.value !== '')
      expect(teams.length).toBeGreaterThan(1)
      for (const team of teams) expect(team.text).toMatch(/ and team · \d+ (person|people)$/)
      // No "1 people": one person is a person.
      expect(teams.filter((o) => / 1 people$/.test(o.text))).toEqual([])
      const team = teams.find((o) => Number(/(\d+) people$/.exec(o.text)?.[1]) <= 120) ?? teams[0]
      if (!team) throw new Error('no team')
      await filter.selectOption(team.value)
      await expect(page.getByTestId('org-count')).toHaveText(`Showing ${team.text}`)
      const count = Number(/(\d+) (person|people)$/.exec(team.text)?.[1])
      await expect(calibration.grid.locator('[data-employee]')).toHaveCount(count)
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/keys-org-team-${size}.png` })
    })
  })
}
