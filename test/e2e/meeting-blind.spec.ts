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

const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-blind-')), 60)

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  const size = `${viewport.width}x${viewport.height}`
  test.describe(`a blind meeting at ${size}`, () => {
    test.use({ viewport, hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

    test('Find shows the session’s pseudonyms, never a real name, and lands on the pseudonym', async ({
      page,
      host,
    }) => {
      await page.goto(host.url)
      const calibration = new CalibrationPage(page)
      await calibration.startSession(`Blind ${size}`)
      const card = page.locator('.card-grid .card-handle').first()
      const employeeId = (await card.getAttribute('data-employee')) ?? ''
      const name = (await card.locator('.card-name').textContent()) ?? ''
      const surname = name.split(' ').at(-1) ?? name
      expect(surname.length).toBeGreaterThan(2)

      await page.getByLabel('Blind').click()
      await expect(page.getByLabel('Blind')).toBeChecked()
      const pseudonym = (await calibration.person(employeeId).locator('.card-name').textContent()) ?? ''
      expect(pseudonym).toMatch(/^P-\d{4}$/)
      await expect(page.locator('body')).not.toContainText(name)

      // A real name typed into Find finds nobody while the blind session is open, and Find says why.
      const find = page.getByRole('dialog', { name: 'Quick find' })
      const input = page.getByRole('combobox', { name: 'Find a person, session, role or program' })
      await page.keyboard.press('Control+k')
      await input.fill(surname)
      await expect(find).toContainText('This session is blind')
      await expect(find.getByRole('option')).toHaveCount(0)
      await expect(page.locator('body')).not.toContainText(name)
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/blind-find-name-${size}.png` })

      // The pseudonym the grid shows finds their place, named by it and its box alone.
      const box = await calibration.boxOf(employeeId)
      await input.fill(pseudonym)
      const spot = find.getByRole('option', { name: new RegExp(`Their place in “Blind ${size}”`) })
      await expect(spot).toHaveCount(1)
      await expect(spot).toContainText(`${pseudonym} box ${box}`)
      await expect(page.locator('body')).not.toContainText(name)
      await expect(find.getByRole('option')).toHaveCount(1)
      await page.screenshot({ path: `test-results/screens/blind-find-pseudonym-${size}.png` })
      await page.keyboard.press('Enter')
      await expect(find).toBeHidden()

      // The landing: their card selected in its highlighted box, the panel under the pseudonym, no name anywhere.
      await expect(calibration.box(box)).toHaveClass(/box-target/)
      await expect(page.locator('.person-panel h3').first()).toContainText(pseudonym)
      // Nor the job title (often one person's): the panel says what blind mode hides.
      const glance = page.getByRole('region', { name: 'At a glance' })
      await expect(glance).toContainText('Job title, department and location are hidden in blind mode.')
      await expect(glance.locator('dt', { hasText: 'Title' })).toHaveCount(0)
      await expect(page.locator('body')).not.toContainText(name)
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/blind-find-landed-${size}.png` })

      // Out of the session, Find is the workspace's again: the facilitator chose to look someone up by name.
      await page.getByRole('button', { name: '← Sessions' }).click()
      await page.keyboard.press('Control+k')
      await input.fill(surname)
      await expect(find.getByRole('option', { name: new RegExp(name) }).first()).toBeVisible()
      await expect(find).not.toContainText('This session is blind')
      await page.keyboard.press('Escape')
    })
  })
}
