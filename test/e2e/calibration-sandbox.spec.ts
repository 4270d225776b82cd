import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

test.describe('the what-if sandbox', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-sandbox-')), 400)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('tries moves without saving them, then throws them away once and adopts them once', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('Sales what-if', 'Sales')
    const count = (box: number) => page.getByTestId(`box-count-${box}`).textContent()
    const drawn = await calibration.grid
      .locator('[data-employee]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-employee') ?? ''))
    const outsideNine: string[] = []
    for (const id of drawn)
      if ((await calibration.boxOf(id)) !== 9 && outsideNine.length < 2) outsideNine.push(id)
    const [first, second] = outsideNine
    if (!first || !second) throw new Error('too few people outside box 9')
    const nineBefore = await count(9)
    /** The session read afresh from the services, as after a restart. */
    const reopen = async () => {
      await page.reload()
      await page.getByRole('button', { name: 'Calibration' }).click()
      await page.getByRole('button', { name: 'Sales what-if' }).click()
      await expect(calibration.grid).toBeVisible()
    }

    // Into the sandbox: a move is tried (the grid and the side-by-side table show it), nothing is stored.
    await page.getByRole('button', { name: 'Try moves' }).click()
    const sandbox = page.getByTestId('sandbox')
    await expect(sandbox).toContainText('nothing is saved until you adopt the moves')
    await calibration.dragTo(first, 9)
    await calibration.confirmMove('')
    await expect.poll(() => calibration.boxOf(first)).toBe(9)
    await expect(page.getByTestId('sandbox-count')).toHaveText('1 move tried')
    await expect(sandbox.locator('td.changed[data-box="9"]')).toHaveCount(1)
    // The panel does not call a try the meeting's decision.
    await calibration.grid.locator(`[data-employee="${first}"]`).click()
    await expect(page.getByTestId('panel-why')).toContainText('tried here in the sandbox, not saved')
    await page.screenshot({ path: 'test-results/screens/sandbox-tried.png', fullPage: true })
    // Thrown away: the person is back where the session has them, and the session never changed.
    await sandbox.getByRole('button', { name: 'Throw the sandbox away' }).click()
    await expect(sandbox).toBeHidden()
    await expect.poll(() => count(9)).toBe(nineBefore)
    await reopen()
    await expect.poll(() => calibration.boxOf(first)).not.toBe(9)
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled()

    // Tried again with two people, then adopted: both moves are stored in one step, which one undo takes back.
    await page.getByRole('button', { name: 'Try moves' }).click()
    await calibration.dragTo(first, 9)
    await calibration.confirmMove('')
    await calibration.dragTo(second, 9)
    await calibration.confirmMove('Led the migration', 'Evidence not in the system')
    await expect(page.getByTestId('sandbox-count')).toHaveText('2 moves tried')
    await page.getByTestId('sandbox').getByRole('button', { name: 'Adopt 2 moves' }).click()
    await expect(page.getByTestId('sandbox')).toBeHidden()
    await reopen()
    await expect.poll(() => calibration.boxOf(first)).toBe(9)
    await expect.poll(() => calibration.boxOf(second)).toBe(9)
    await page.screenshot({ path: 'test-results/screens/sandbox-adopted.png', fullPage: true })
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => calibration.boxOf(first)).not.toBe(9)
    await expect.poll(() => calibration.boxOf(second)).not.toBe(9)
  })
})
