import AxeBuilder from '@axe-core/playwright'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, makeDemoWorkspace, test } from './fixtures'

/** Serious and critical WCAG 2.1 A/AA violations on screen now (as in accessibility.spec.ts). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
}

/**
 * The screen's layout as read from the page: the size of each heading level, and each row of content actions
 * (exports) with whether a table comes before it in its section and none after it.
 */
const layout = (
  page: Page,
): Promise<{ headings: Record<string, number[]>; actions: { text: string; after: boolean }[] }> =>
  page.locator('main').evaluate((main) => {
    const headings: Record<string, number[]> = {}
    for (const h of main.querySelectorAll('h1, h2, h3, h4')) {
      const size = Number.parseFloat(getComputedStyle(h).fontSize)
      headings[h.tagName] = [...new Set([...(headings[h.tagName] ?? []), size])]
    }
    const actions = [...main.querySelectorAll('.content-actions')].map((row) => {
      const section = row.closest('section') ?? main
      const tables = [...section.querySelectorAll('table')]
      const before = (t: Element): boolean =>
        (t.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
      return {
        text: row.textContent ?? '',
        // After its content: a table before it, and no table of its own section after it (a nested section's
        // tables are that section's).
        after:
          tables.some(before) &&
          tables.filter((t) => !before(t)).every((t) => t.closest('section') !== section),
      }
    })
    return { headings, actions }
  })

const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-layout-')), 200)

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  const size = `${viewport.width}x${viewport.height}`
  test.describe(`Succession and Insights at ${size}`, () => {
    test.use({ viewport, hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

    test('one heading scale, inputs first, exports after their content, a toolbar that stays put', async ({
      page,
      host,
    }) => {
      await page.goto(host.url)
      await page.getByRole('button', { name: 'Succession' }).click()
      const roles = page.getByRole('table', { name: /critical roles/i })
      await expect(roles).toBeVisible()
      const print = page.getByRole('button', { name: 'Print / PDF' })
      const toolbar = await print.boundingBox()
      const screens: { name: string; headings: Record<string, number[]> }[] = []

      // Each tab: its inputs above its tables, its exports after them; the screen's toolbar the same on each.
      for (const tab of ['Critical roles', 'Rules and outbox', 'Skills']) {
        await page.getByRole('tab', { name: tab }).click()
        await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
        await expect(page.locator('main table').first()).toBeVisible()
        await expect(page.locator('main .content-actions').first()).toBeVisible()
        const seen = await layout(page)
        expect(seen.actions.length, tab).toBeGreaterThan(0)
        for (const row of seen.actions) expect(row, tab).toEqual({ text: row.text, after: true })
        expect(await print.boundingBox(), tab).toEqual(toolbar)
        screens.push({ name: `Succession: ${tab}`, headings: seen.headings })
        expect(await violations(page)).toEqual([])
        await page.screenshot({
          path: `test-results/screens/layout-succession-${tab.split(' ')[0]?.toLowerCase()}-${size}.png`,
        })
      }
      // The inputs of the roles tab come first: "New critical role" is above the table it adds to.
      await page.getByRole('tab', { name: 'Critical roles' }).click()
      const add = await page.getByRole('button', { name: 'New critical role' }).boundingBox()
      const table = await roles.boundingBox()
      expect(add && table && add.y + add.height <= table.y).toBe(true)

      await page.getByRole('button', { name: 'Insights' }).click()
      // Four views answer at once (programs, team skills, density, learning that stopped); two wait for a question.
      await expect(page.locator('main .content-actions')).toHaveCount(4)
      const insights = await layout(page)
      for (const row of insights.actions) expect(row).toEqual({ text: row.text, after: true })
      screens.push({ name: 'Insights', headings: insights.headings })
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/layout-insights-${size}.png` })

      // One heading scale: every screen's title one size, every section heading one size, smaller than the title.
      const sizes = (tag: string): number[] => [...new Set(screens.flatMap((s) => s.headings[tag] ?? []))]
      expect(sizes('H1')).toHaveLength(1)
      expect(sizes('H2')).toHaveLength(1)
      expect(sizes('H2')[0]).toBeLessThan(sizes('H1')[0] ?? 0)
      for (const screen of screens) expect(screen.headings['H2'], screen.name).toBeDefined()
    })
  })
}
