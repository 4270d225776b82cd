import { expect, type Locator, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'

/** The Import screen: drop a file, map its columns, read the preview, import, undo. */
export class ImportPage {
  readonly dropZone: Locator
  readonly issues: Locator
  readonly importButton: Locator
  readonly result: Locator
  readonly history: Locator

  constructor(readonly page: Page) {
    this.dropZone = page.getByTestId('drop-zone')
    this.issues = page.getByRole('list', { name: 'Problems found' })
    this.importButton = page.getByRole('button', { name: 'Import file' })
    this.result = page.getByTestId('import-result')
    this.history = page.getByRole('region', { name: 'Import history' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click()
    await expect(this.page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible()
  }

  /** Drops a real file from disk onto the drop zone, as a person dragging it from their file manager would. */
  async dropFile(path: string): Promise<void> {
    await this.dropZone.evaluate(
      (zone, { data, name }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
        const transfer = new DataTransfer()
        transfer.items.add(new File([bytes], name))
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
      },
      { data: readFileSync(path).toString('base64'), name: basename(path) },
    )
  }

  fieldFor(header: string): Locator {
    return this.page.getByLabel(`Field for ${header}`)
  }
}
