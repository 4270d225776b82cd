import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

test.describe('last cycle beside this one', () => {
  // The demo has two review cycles: a session on the latest has the one before it to compare with.
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-previous-')), 60)
  test.use({
    hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile],
    viewport: { width: 1440, height: 900 },
  })

  test('marks how far each person moved since the previous cycle, explains it in the panel, and filters the big movers', async ({
    page,
    host,
  }) => {
    test.setTimeout(120_000)
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('Department meeting')
    const cards = page.locator('.card-grid .name-card')
    const placed = await cards.count()
    expect(placed).toBeGreaterThan(50)

    // The marker on the cards: "up 2 boxes since 2025 Annual Review", "same box as in …".
    const markers = page.locator('.card-grid [data-testid="movement"]')
    expect(await markers.count()).toBeGreaterThan(30)
    const texts = await markers.allTextContents()
    const cycle = /(\d{4} Annual Review)$/.exec(texts[0] ?? '')?.[1]
    expect(cycle, texts[0]).toBeDefined()
    for (const text of texts)
      expect(text).toMatch(
        /^(?:[↑↓↕] )?(?:(?:up \d boxe?s?(?: \/ down \d boxe?s?)?|down \d boxe?s?) since|same box as in) \d{4} Annual Review$/,
      )
    expect(texts.some((t) => /^[↑↓↕] /.test(t))).toBe(true)

    // The side panel: the previous box with its label, where it came from, and the movement.
    const mover = cards
      .filter({ has: page.locator('[data-testid="movement"]', { hasText: / since / }) })
      .first()
    const moverText = (await mover.locator('[data-testid="movement"]').textContent()) ?? ''
    await mover.locator('.card-handle').click()
    const previous = page.getByTestId('panel-previous')
    await expect(previous).toContainText(new RegExp(`^Box \\d, .+, in ${cycle}`))
    await expect(previous).toContainText(`(computed from the ${cycle} ratings)`)
    await expect(previous).toContainText(moverText.replace(/^[↑↓↕] /, ''))
    await page.screenshot({ path: 'test-results/screens/previous-panel.png' })

    // A big mover's flag in the panel carries the records behind both placements.
    const big = cards.filter({ has: page.locator('.card-flags', { hasText: 'big mover' }) }).first()
    await big.locator('.card-handle').click()
    const flag = page.locator('.person-panel [data-flag="BIG_MOVER"]')
    await expect(flag).toContainText(new RegExp(`^big mover \\(open\\)Box \\d in ${cycle}, box \\d now: `))
    await expect(flag.locator('.evidence li')).toContainText([
      `Computed from the ${cycle} ratings: box`,
      `${cycle} review`,
      'Box now in Department meeting: box',
    ])
    await flag.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/previous-flag.png' })

    // Big movers only: the cards that carry the flag stay lit, every other card recedes.
    const flagged = cards.filter({ has: page.locator('.card-flags', { hasText: 'big mover' }) })
    const movers = await flagged.count()
    expect(movers).toBeGreaterThan(0)
    expect(movers).toBeLessThan(placed)
    await page.getByRole('checkbox', { name: 'Big movers only' }).check()
    await expect(page.getByTestId('filter-count')).toHaveText(`${movers} of ${placed} match`)
    await expect(page.locator('.card-grid .name-card:not(.dimmed)')).toHaveCount(movers)
    for (const card of await page.locator('.card-grid .name-card:not(.dimmed)').all())
      await expect(card.locator('.card-flags')).toContainText('big mover')
    await page.screenshot({ path: 'test-results/screens/previous-big-movers.png', fullPage: true })

    // The dots say it too, in their labels.
    await page.getByRole('radio', { name: 'Dots' }).check()
    const dots = page.locator('.nine-box [data-employee][data-movement]')
    expect(await dots.count()).toBeGreaterThan(30)
    const label = (await dots.first().getAttribute('aria-label')) ?? ''
    expect(label).toMatch(new RegExp(`, box \\d.*, (?:.+ since|same box as in) ${cycle}$`))
  })
})
