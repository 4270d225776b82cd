import AxeBuilder from '@axe-core/playwright'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, makeDemoWorkspace, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

/** Serious and critical WCAG 2.1 A/AA violations on what is on screen now, named with the nodes that fail. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    )
}

test('the welcome screen has no serious accessibility violation', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await violations(page)).toEqual([])
})

test.describe('every screen of an open workspace', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-axe-')), 400)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('has no serious or critical accessibility violation', async ({ page, host }) => {
    test.setTimeout(120_000)
    await page.goto(host.url)
    const nav = page.getByRole('navigation', { name: 'Main' })
    const screens: [string, () => Promise<void>][] = [
      [
        'People',
        async () => {
          await nav.getByRole('button', { name: 'People' }).click()
          await expect(page.getByRole('table', { name: 'People' })).toBeVisible()
        },
      ],
      [
        'Workspace',
        async () => {
          await nav.getByRole('button', { name: 'Workspace' }).click()
          await expect(page.getByRole('region', { name: 'Backups' })).toBeVisible()
        },
      ],
      [
        'Import',
        async () => {
          await nav.getByRole('button', { name: 'Import' }).click()
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        },
      ],
      [
        'Calibration grid',
        async () => {
          await new CalibrationPage(page).startSession('Accessibility')
        },
      ],
      [
        'Calibration person panel',
        async () => {
          await new CalibrationPage(page).grid.locator('[data-employee]').first().click()
          await expect(page.getByRole('complementary').first()).toBeVisible()
        },
      ],
      [
        'Fairness audit',
        async () => {
          await page.getByRole('button', { name: 'Fairness audit' }).click()
          await expect(page.getByRole('region', { name: 'Fairness audit' })).toBeVisible()
        },
      ],
      [
        'Succession: critical roles',
        async () => {
          await nav.getByRole('button', { name: 'Succession' }).click()
          await page.getByRole('tab', { name: /Critical roles/ }).click()
        },
      ],
      [
        'Succession: rules and outbox',
        async () => {
          await page.getByRole('tab', { name: /Rules and outbox/ }).click()
        },
      ],
      [
        'Succession: skills',
        async () => {
          await page.getByRole('tab', { name: /Skills/ }).click()
        },
      ],
      [
        'Insights',
        async () => {
          await nav.getByRole('button', { name: 'Insights' }).click()
          await expect(page.getByRole('region', { name: 'Program trend' })).toBeVisible()
          await expect(page.getByRole('region', { name: 'Team heatmap' }).getByRole('table')).toBeVisible()
        },
      ],
      [
        'Settings',
        async () => {
          await nav.getByRole('button', { name: 'Settings' }).click()
          await expect(page.getByRole('form', { name: 'Calibration defaults' })).toBeVisible()
        },
      ],
      [
        'Quick find',
        async () => {
          await page.keyboard.press('Control+K')
          await page.getByRole('combobox', { name: 'Find a person, session, role or program' }).fill('a')
          await expect(page.getByRole('option').first()).toBeVisible()
        },
      ],
      [
        'Shortcut sheet',
        async () => {
          await page.keyboard.press('Escape')
          await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
          await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
        },
      ],
      [
        'Lock screen',
        async () => {
          await page.keyboard.press('Escape')
          await page.getByRole('button', { name: 'Lock' }).click()
          await expect(page.getByRole('main', { name: 'Ninefold is locked' })).toBeVisible()
        },
      ],
    ]
    const found: Record<string, string[]> = {}
    for (const [name, open] of screens) {
      await open()
      const problems = await violations(page)
      if (problems.length > 0) found[name] = problems
    }
    expect(found).toEqual({})
    // Unlock so the shared workspace is left as found.
    await page.getByLabel('Key or passphrase').fill(readFileSync(demo.keyFile, 'utf8').split('\n')[0] ?? '')
    await page.getByRole('button', { name: 'Unlock' }).click()
  })
})
