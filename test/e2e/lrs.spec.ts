import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { completion, startRealLrs, type RealLrs } from '../support/lrs/realLrs'
import { expect, makeDemoWorkspace, personInDemo, test } from './fixtures'

test.describe('a Learning Record Store connection', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-lrs-')), 300)
  const learner = personInDemo(demo, 'E100010')
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })
  let lrs: RealLrs
  test.beforeAll(async () => {
    // Slow pages, so the progress of the pull can be seen as it happens.
    lrs = await startRealLrs({ pageDelayMs: 700 })
    const base = Date.parse('2026-09-01T09:00:00Z')
    await lrs.post(
      Array.from({ length: 1_200 }, (_, n) =>
        completion(
          n % 3 === 0 ? (learner.email ?? '') : `visitor${n}@partner.example`,
          `LRS course ${n}`,
          new Date(base + n * 60_000).toISOString(),
        ),
      ),
    )
  })
  test.afterAll(() => lrs?.stop())

  test('is added, tested and pulled with progress; what it brought is on the person’s journey', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    const panel = page.getByRole('region', { name: 'Learning Record Store connections' })
    await expect(panel).toContainText('No connections yet.')
    const form = panel.getByRole('form', { name: 'Add an LRS connection' })
    await form.getByLabel('Name').fill('Corporate LRS')
    await form.getByLabel('Endpoint').fill(lrs.endpoint)
    await form.getByLabel('Key').fill(lrs.key)
    await form.getByLabel('Secret').fill(lrs.secret)
    await form.getByRole('button', { name: 'Add connection' }).click()
    const list = panel.getByRole('table', { name: 'LRS connections' })
    await expect(list).toContainText('Corporate LRS')
    await expect(list).toContainText(lrs.endpoint)
    await expect(form.getByLabel('Secret')).toHaveValue('')

    await panel.getByRole('button', { name: 'Test connection' }).click()
    await expect(panel.getByRole('status')).toHaveText(
      'Corporate LRS answers and accepts the key (xAPI 1.0.3).',
    )

    await panel.getByRole('button', { name: 'Pull now from Corporate LRS' }).click()
    const progress = panel.getByRole('status', { name: 'Pull progress' })
    await expect(progress).toContainText(/Page 1: 500 new statements stored of 500 received; \d+ unmatched/)
    await panel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/lrs-pulling.png', fullPage: true })
    await expect(progress).toHaveCount(0, { timeout: 20_000 })
    await expect(panel.getByRole('status')).toHaveText(
      'Corporate LRS: 1,200 new statements in 3 page(s); 0 already held, 0 voided, 800 unmatched.',
    )
    await panel.getByRole('button', { name: 'History' }).click()
    const history = panel.getByRole('table', { name: 'Pulls from Corporate LRS' })
    await expect(history.locator('tbody tr')).toHaveCount(1)
    await expect(history.locator('tbody tr').first()).toContainText('stored')
    await expect(list).not.toContainText('never')
    await page.screenshot({ path: 'test-results/screens/lrs-connections.png', fullPage: true })

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Insights' }).click()
    const journey = page.getByRole('region', { name: 'Person journey' })
    await journey.getByLabel('Journey employee ID').fill('E100010')
    await journey.getByRole('button', { name: 'Show' }).click()
    await expect(journey.getByRole('table', { name: 'Journey events' })).toContainText('LRS course 1197')
  })
})
