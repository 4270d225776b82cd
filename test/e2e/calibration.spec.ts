import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, personInDemo, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

test.describe('a 5,000-person session', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-cal-big-')), 5000)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('draws at most 1,000 SVG nodes, with counts and lists for crowded boxes', async ({ page, host }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('Whole company')
    const nodes = await calibration.grid.locator('*').count()
    expect(nodes).toBeLessThanOrEqual(1000)
    await expect(calibration.grid.getByText(/people — open the list/).first()).toBeVisible()
    await calibration.grid.locator('[data-box="5"] .box-crowded').click()
    // A crowded box opens as a table beside the grid (calibration-crowds.spec.ts drives it).
    await expect(page.getByRole('region', { name: /^Box 5: / }).getByTestId('box-table')).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/calibration-5000.png', fullPage: true })
  })
})

test.describe('a calibration meeting', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-cal-')), 600)
  const gap = demo.plantedCases.find((c) => c.kind === 'compliance-gap')
  if (!gap) throw new Error('the demo planted no compliance gap')
  const gapPerson = personInDemo(demo, gap.employeeId)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('flags, drags, moves by keyboard, undoes, goes blind, finalizes and exports', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession(`${gapPerson.department} Q4`, gapPerson.department)

    // The planted top performer with a compliance gap is flagged, with its rationale and records.
    await calibration.person(gap.employeeId).click()
    const flag = page.locator('[data-flag="COMPLIANCE_GAP"]')
    await expect(flag).toContainText('Rated high, but mandatory training is not done')
    await expect(flag.locator('ul.evidence li').first()).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/calibration-flag.png', fullPage: true })

    // Drag with the mouse: a reason code is required, and cancel leaves the person in place.
    const dragged = gap.employeeId
    const from = await calibration.boxOf(dragged)
    const to = from === 5 ? 4 : 5
    await calibration.dragTo(dragged, to)
    await expect(calibration.dialog).toBeVisible()
    await expect(calibration.dialog.getByRole('button', { name: 'Move' })).toBeDisabled()
    await calibration.dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(calibration.dialog).toBeHidden()
    expect(await calibration.boxOf(dragged)).toBe(from)
    await calibration.dragTo(dragged, to)
    await calibration.confirmMove('The meeting agreed the gap outweighs the rating')
    await expect.poll(() => calibration.boxOf(dragged)).toBe(to)

    // Move someone else with the keyboard: Enter picks them up, arrows aim, Enter drops, then the reason.
    const other = await calibration.grid.locator('[data-employee]').nth(1).getAttribute('data-employee')
    if (!other || other === dragged) throw new Error('no second person drawn')
    const otherFrom = await calibration.boxOf(other)
    const key = otherFrom % 3 === 0 ? 'ArrowLeft' : 'ArrowRight'
    await calibration.person(other).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press(key)
    await page.keyboard.press('Enter')
    await expect(calibration.dialog).toBeVisible()
    await calibration.confirmMove('Peer feedback from the project not in the system')
    const otherTo = key === 'ArrowLeft' ? otherFrom - 1 : otherFrom + 1
    await expect.poll(() => calibration.boxOf(other)).toBe(otherTo)
    // Screen readers are told what the move did.
    await expect(page.getByTestId('grid-announcement')).toHaveText(
      new RegExp(`^Moved .+ from box ${otherFrom} to box ${otherTo}, .+\\.$`),
    )

    // Undo and redo, from the keyboard.
    await page.keyboard.press('Control+z')
    await expect.poll(() => calibration.boxOf(other)).toBe(otherFrom)
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => calibration.boxOf(other)).toBe(otherTo)

    // Move two people at once: shift-click adds to the selection, dragging one of them moves both.
    const drawn = await calibration.grid
      .locator('[data-employee]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-employee') ?? ''))
    const [a, b] = drawn.filter((id) => id !== dragged && id !== other)
    if (!a || !b) throw new Error('not enough people drawn')
    const boxesOfPair = [await calibration.boxOf(a), await calibration.boxOf(b)]
    const pairTarget = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((n) => !boxesOfPair.includes(n)) ?? 1
    await calibration.person(a).click()
    await calibration.person(b).click({ modifiers: ['Shift'] })
    await expect(page.getByText('2 selected')).toBeVisible()
    await calibration.dragTo(b, pairTarget)
    await expect(calibration.dialog).toContainText('Move 2 people')
    await calibration.confirmMove('Both moved to the new team lead role')
    await expect.poll(() => calibration.boxOf(a)).toBe(pairTarget)
    await expect.poll(() => calibration.boxOf(b)).toBe(pairTarget)

    // The flagged person's panel: learning journey, and the flag acknowledged with a note (logged).
    await calibration.person(gap.employeeId).click()
    await expect(
      page.locator('ul.journey li.journey-overdue, ul.journey li.journey-failed').first(),
    ).toBeVisible()
    await page.getByLabel('Note on compliance gap').fill('Training booked for next week')
    await flag.getByRole('button', { name: 'Acknowledge' }).click()
    await expect(flag).toContainText('(acknowledged)')
    await expect(flag).toContainText('Note: Training booked for next week')

    // A private note, hidden in presenter mode below.
    await page.getByLabel(`Note about ${gapPerson.fullName}`).fill('Asked to mentor the new hires')
    await page.getByRole('button', { name: 'Add note' }).click()
    await expect(page.locator('.notes')).toContainText('Asked to mentor the new hires')

    // Filters dim everyone else and say how many match.
    await page.getByRole('group', { name: 'Filters' }).getByLabel('Flag').selectOption('COMPLIANCE_GAP')
    await expect(page.getByTestId('filter-count')).toHaveText(/^\d+ of \d+ match$/)
    await expect(calibration.person(gap.employeeId)).not.toHaveClass(/dimmed/)
    await expect(calibration.person(a)).toHaveClass(/dimmed/)
    await page.screenshot({ path: 'test-results/screens/calibration-filtered.png', fullPage: true })
    await page.getByRole('button', { name: 'Clear' }).click()

    // The session log lists the moves in words; presenter mode hides it, and the flags' records and notes.
    await page.getByText(/^Session log/).click()
    await expect(page.locator('.session-log li').first()).toContainText('a note added')
    await expect(page.locator('.session-log li').nth(1)).toContainText('compliance gap acknowledged')
    await expect(page.locator('.session-log')).toContainText(`box ${from} → ${to} (step 1)`)
    await page.getByLabel('Presenter').check()
    await expect(page.locator('.session-log')).toHaveCount(0)
    await expect(page.locator('.flag-card ul.evidence')).toHaveCount(0)
    await expect(flag).not.toContainText('Training booked for next week')
    await expect(page.locator('.notes')).toHaveCount(0)
    await page.screenshot({ path: 'test-results/screens/calibration-presenter.png', fullPage: true })
    // Presenter mode hides the toolbar with its switch: Esc returns.
    await page.keyboard.press('Escape')
    await expect(page.getByLabel('Presenter')).not.toBeChecked()

    // Blind mode: no real name anywhere on the page.
    // The switch follows the session (blind mode is stored and logged), so it flips once the services answer.
    await page.getByLabel('Blind').click()
    await expect(page.getByLabel('Blind')).toBeChecked()
    await expect(calibration.person(dragged)).toHaveAttribute('aria-label', /^P-\d{4}, box/)
    await expect(page.locator('body')).not.toContainText(gapPerson.fullName)
    await page.screenshot({ path: 'test-results/screens/calibration-blind.png', fullPage: true })
    await page.getByLabel('Blind').click()
    await expect(page.getByLabel('Blind')).not.toBeChecked()

    // Finalize shows what is left first, then locks on confirmation: dragging is refused from now on.
    await page.getByRole('button', { name: 'Finalize' }).click()
    await expect(calibration.dialog).toContainText(/\d+ people not discussed yet/)
    await expect(calibration.dialog).toContainText(/flags? still open/)
    await page.screenshot({ path: 'test-results/screens/calibration-finalize-summary.png', fullPage: true })
    await calibration.dialog.getByRole('button', { name: 'Keep working' }).click()
    await expect(calibration.dialog).toBeHidden()
    await expect(calibration.status).not.toHaveText('finalized')
    await page.getByRole('button', { name: 'Finalize' }).click()
    await calibration.dialog.getByRole('button', { name: 'Finalize and lock' }).click()
    await expect(calibration.status).toHaveText('finalized')
    await calibration.dragTo(other, otherFrom)
    await expect(calibration.dialog).toBeHidden()
    expect(await calibration.boxOf(other)).toBe(otherTo)

    // Export the results and read the workbook back.
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export results' }).click()
    const file = join(mkdtempSync(join(tmpdir(), 'ninefold-e2e-export-')), 'results.xlsx')
    await (await download).saveAs(file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const placements = book.getWorksheet('Placements')
    const row = placements?.getRows(2, placements.rowCount - 1)?.find((r) => r.getCell(1).value === dragged)
    expect(row?.getCell(5).value).toBe(from)
    expect(row?.getCell(6).value).toBe(to)
    expect(row?.getCell(7).value).toBe('yes')
    expect(String(row?.getCell(8).value)).toContain('The meeting agreed the gap outweighs the rating')
    const changes = book.getWorksheet('Changes')
    // Header, the drag, the keyboard move, the two-person move.
    expect(changes?.rowCount).toBe(5)
    await page.screenshot({ path: 'test-results/screens/calibration-finalized.png', fullPage: true })
  })
})
