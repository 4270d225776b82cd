import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, personInDemo, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

test.describe('the meeting agenda', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-agenda-')), 600)
  const gap = demo.plantedCases.find((c) => c.kind === 'compliance-gap')
  if (!gap) throw new Error('the demo planted no compliance gap')
  const gapPerson = personInDemo(demo, gap.employeeId)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('lists who most needs talking about, opens them with a timer, and sends the discussed to the end', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession(`${gapPerson.department} agenda`, gapPerson.department)
    const agenda = page.getByTestId('agenda')
    await agenda.locator('summary').click()
    const title = agenda.locator('summary')
    const before = Number(/(\d+) (?:people|person)/.exec((await title.textContent()) ?? '')?.[1])
    expect(before).toBeGreaterThan(0)
    // The planted top performer with a compliance gap carries an open high flag: they are near the top, with why.
    const entry = agenda.locator(`li[data-agenda="${gap.employeeId}"]`)
    await expect(entry).toContainText('compliance gap')
    const position = await agenda
      .locator('li[data-agenda]')
      .evaluateAll(
        (items, id) => items.findIndex((li) => li.getAttribute('data-agenda') === id),
        gap.employeeId,
      )
    expect(position).toBeLessThan(10)

    // Chosen from the agenda: the side panel shows them and the facilitator's timer runs.
    await entry.getByRole('button', { name: gapPerson.fullName }).click()
    await expect(page.locator('.person-panel')).toContainText(gapPerson.fullName)
    await expect(agenda.getByRole('timer')).toContainText(`On ${gapPerson.fullName} for 0:0`)
    await page.screenshot({ path: 'test-results/screens/agenda.png', fullPage: true })

    // Discussed: one fewer to talk about, and they go to the end of the list.
    // The mark is the services' (kept with the session): it shows once they have stored it.
    await entry.getByLabel('Discussed').click()
    await expect(title).toContainText(`${before - 1} `)
    // The whole list (it pages by 25): they are last, marked.
    const more = agenda.getByRole('button', { name: /^Show \d+ more$/ })
    while ((await more.count()) > 0) await more.click()
    await expect(agenda.locator('li[data-agenda]').last()).toHaveAttribute('data-agenda', gap.employeeId)
    await expect(entry).toHaveClass(/discussed/)

    // Never on the projector: the agenda is the facilitator's.
    await page.getByLabel('Presenter').check()
    await expect(agenda).toBeHidden()
  })
})
