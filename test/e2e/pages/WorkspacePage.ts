import { expect, type Locator, type Page } from '@playwright/test'

/** The welcome screen: open or create a workspace. */
export class WorkspacePage {
  readonly createForm: Locator
  readonly openForm: Locator

  constructor(readonly page: Page) {
    this.createForm = page.locator('form[aria-labelledby="create-title"]')
    this.openForm = page.locator('form[aria-labelledby="open-title"]')
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.page.getByRole('heading', { name: 'Create a workspace' })).toBeVisible()
  }

  async create(options: {
    name: string
    passphrase: string
    confirm?: string
    demoPeople?: number
  }): Promise<void> {
    await this.createForm.getByLabel('Name').fill(options.name)
    await this.createForm.getByLabel(/^Passphrase/).fill(options.passphrase)
    await this.createForm.getByLabel('Repeat passphrase').fill(options.confirm ?? options.passphrase)
    if (options.demoPeople !== undefined) {
      await this.createForm.getByLabel('Fill it with a demo organisation').check()
      await this.createForm.getByLabel('Demo size').selectOption(String(options.demoPeople))
    }
    await this.createForm.getByRole('button', { name: 'Create workspace' }).click()
  }

  /** The recovery key shown once after creating: read it, say it is stored, and go on into the workspace. */
  async storeRecoveryKey(): Promise<string> {
    const notice = this.page.getByRole('region', { name: 'Store the recovery key' })
    const key = (await notice.getByTestId('recovery-key').textContent({ timeout: 60_000 })) ?? ''
    await expect(notice.getByRole('button', { name: 'Continue to the workspace' })).toBeDisabled()
    await notice.getByLabel(/I have stored the recovery key/).check()
    await notice.getByRole('button', { name: 'Continue to the workspace' }).click()
    return key
  }

  async open(options: { path?: string; passphrase: string }): Promise<void> {
    if (options.path) await this.openForm.getByLabel('Workspace file').fill(options.path)
    await this.openForm.getByLabel(/^Passphrase/).fill(options.passphrase)
    await this.openForm.getByRole('button', { name: 'Open' }).click()
  }

  error(form: Locator): Locator {
    return form.getByRole('alert')
  }
}
