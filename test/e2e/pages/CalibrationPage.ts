import { expect, type Locator, type Page } from '@playwright/test'

/** The Calibration screen: sessions, the nine-box grid (cards or dots), the person panel and the move dialog. */
export class CalibrationPage {
  readonly grid: Locator
  readonly dialog: Locator
  readonly status: Locator

  constructor(readonly page: Page) {
    // Name cards (up to 150 people) or the dots' SVG: both carry the grid's class, boxes and data-employee.
    this.grid = page.locator('.nine-box')
    this.dialog = page.getByRole('dialog')
    this.status = page.getByTestId('session-status')
  }

  async startSession(name: string, department = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'Calibration' }).click()
    await this.page.getByLabel('Name').fill(name)
    if (department) await this.page.getByLabel('Department').selectOption(department)
    await this.page.getByRole('button', { name: 'Start session' }).click()
    await expect(this.grid).toBeVisible({ timeout: 30_000 })
  }

  person(employeeId: string): Locator {
    return this.grid.locator(`[data-employee="${employeeId}"]`)
  }

  box(n: number): Locator {
    return this.page.getByTestId(`box-${n}`)
  }

  /** The box a drawn person sits in, read from the grid itself. */
  async boxOf(employeeId: string): Promise<number> {
    const label = (await this.person(employeeId).getAttribute('aria-label')) ?? ''
    return Number(/box (\d)/.exec(label)?.[1])
  }

  async dragTo(employeeId: string, box: number): Promise<void> {
    // A card in a full box may sit below the box's own scroll: bring it into view first, as a person would.
    await this.person(employeeId).scrollIntoViewIfNeeded()
    const from = await this.person(employeeId).boundingBox()
    const to = await this.box(box).boundingBox()
    if (!from || !to) throw new Error('nothing to drag')
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height - 20, { steps: 12 })
    await this.page.mouse.up()
  }

  /** Confirm the open move dialog with a reason code and, when given, words. */
  async confirmMove(reason: string, code = 'Consensus of the meeting'): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'Reason' }).selectOption({ label: code })
    if (reason) await this.dialog.getByLabel(/^Why/).fill(reason)
    await this.dialog.getByRole('button', { name: 'Move' }).click()
    await expect(this.dialog).toBeHidden()
  }
}
