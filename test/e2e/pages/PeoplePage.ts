import { expect, type Locator, type Page } from '@playwright/test'

/** The People screen and its virtualised grid. */
export class PeoplePage {
  readonly grid: Locator
  readonly count: Locator
  readonly search: Locator

  constructor(readonly page: Page) {
    this.grid = page.getByRole('table', { name: 'People' })
    this.count = page.getByTestId('people-count')
    this.search = page.getByLabel('Search people')
  }

  async expectLoaded(total: number): Promise<void> {
    await expect(this.count).toHaveText(
      `${total.toLocaleString('en-US')} ${total === 1 ? 'person' : 'people'}`,
    )
  }

  bodyRows(): Locator {
    return this.grid.locator('.grid-body [role="row"]:not(.loading)')
  }

  /** Values of one column for the rows currently rendered, top to bottom. */
  async columnValues(column: number): Promise<string[]> {
    const rows = await this.bodyRows().all()
    const withIndex = await Promise.all(
      rows.map(async (row) => ({
        index: Number(await row.getAttribute('aria-rowindex')),
        value: (await row.locator('[role="cell"]').nth(column).textContent()) ?? '',
      })),
    )
    return withIndex.sort((a, b) => a.index - b.index).map((r) => r.value)
  }

  async sortBy(header: string): Promise<void> {
    await this.grid.getByRole('columnheader', { name: header }).getByRole('button').click()
  }

  async scrollToBottom(): Promise<void> {
    await this.grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
  }
}
