import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, test } from './fixtures'
import { PeoplePage } from './pages/PeoplePage'
import { WorkspacePage } from './pages/WorkspacePage'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'

const PASSPHRASE = 'a passphrase for the e2e run'

test('creates a passphrase workspace with demo people, then reopens it and refuses a wrong passphrase', async ({
  page,
  host,
}) => {
  const welcome = new WorkspacePage(page)
  await welcome.goto(host.url)
  await page.screenshot({ path: 'test-results/screens/welcome.png' })

  // A mismatched confirmation is caught before anything is created.
  await welcome.create({
    name: 'Nordics calibration',
    passphrase: PASSPHRASE,
    confirm: 'something else entirely',
  })
  await expect(welcome.error(welcome.createForm)).toHaveText('The two passphrases differ.')

  await welcome.create({ name: 'Nordics calibration', passphrase: PASSPHRASE, demoPeople: 500 })
  const notice = page.getByRole('region', { name: 'Store the recovery key' })
  await expect(notice).toContainText('It is shown only now')
  await page.screenshot({ path: 'test-results/screens/recovery-key.png' })
  const recoveryKey = await welcome.storeRecoveryKey()
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/)
  const people = new PeoplePage(page)
  await people.expectLoaded(500)
  await expect(page.getByTestId('workspace-name')).toHaveText('Nordics calibration')
  await expect(people.bodyRows().first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/people.png' })

  // The workspace is a real encrypted file in this test's data directory.
  const file = join(host.dataDirectory, 'workspaces', 'nordics-calibration.ninefold')
  expect(existsSync(file)).toBe(true)
  const firstName = (await people.columnValues(0))[0] ?? ''
  expect(firstName.length).toBeGreaterThan(0)
  expect(readFileSync(file).includes(firstName)).toBe(false)

  await page.getByRole('button', { name: 'Close workspace' }).click()
  await expect(page.getByRole('heading', { name: 'Open a workspace' })).toBeVisible()
  await expect(welcome.openForm.getByRole('radio', { name: /nordics-calibration/ })).toBeChecked()

  await welcome.open({ passphrase: 'not the right passphrase' })
  await expect(welcome.error(welcome.openForm)).toContainText('does not open this workspace')
  await page.screenshot({ path: 'test-results/screens/wrong-passphrase.png' })

  await welcome.open({ passphrase: PASSPHRASE })
  await people.expectLoaded(500)

  // Passphrase forgotten: the recovery key opens it, and a new passphrase takes over.
  await page.getByRole('button', { name: 'Close workspace' }).click()
  await welcome.openForm.getByRole('button', { name: 'Forgot the passphrase? Use the recovery key' }).click()
  await welcome.openForm.getByLabel('Recovery key').fill(recoveryKey.toLowerCase())
  await welcome.openForm.getByLabel('New passphrase', { exact: true }).fill('the passphrase after recovery')
  await welcome.openForm.getByLabel('Repeat the new passphrase').fill('the passphrase after recovery')
  await welcome.openForm.getByRole('button', { name: 'Recover and set the new passphrase' }).click()
  await people.expectLoaded(500)
  await page.getByRole('button', { name: 'Close workspace' }).click()
  await welcome.open({ passphrase: PASSPHRASE })
  await expect(welcome.error(welcome.openForm)).toContainText('does not open this workspace')
  await welcome.open({ passphrase: 'the passphrase after recovery' })
  await people.expectLoaded(500)
})

test('a damaged workspace says so when opened, and its newest verified backup is restored from the open screen', async ({
  page,
  host,
}) => {
  const welcome = new WorkspacePage(page)
  await welcome.goto(host.url)
  await welcome.create({ name: 'Damaged later', passphrase: PASSPHRASE, demoPeople: 200 })
  await welcome.storeRecoveryKey()
  const people = new PeoplePage(page)
  await people.expectLoaded(200)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workspace' }).click()
  const backups = page.getByRole('region', { name: 'Backups' })
  await backups.getByRole('button', { name: 'Back up now' }).click()
  await expect(backups.getByRole('status')).toContainText('Backed up and verified: 200 people')
  await page.getByRole('button', { name: 'Close workspace' }).click()
  await expect(page.getByRole('heading', { name: 'Open a workspace' })).toBeVisible()

  // Cut short by 4 KB, as a copy that stopped early would leave it.
  const file = join(host.dataDirectory, 'workspaces', 'damaged-later.ninefold')
  const cut = readFileSync(file).subarray(0, statSync(file).size - 4096)
  writeFileSync(file, cut)
  await welcome.open({ passphrase: PASSPHRASE })
  await expect(welcome.error(welcome.openForm)).toContainText(
    `${file} is damaged: it holds ${cut.length / 4096} pages where the database needs ${cut.length / 4096 + 1}: the file was cut short. Nothing was written to it. The newest backup that checks out is`,
  )
  expect(readFileSync(file).equals(cut)).toBe(true)
  await welcome.openForm.getByRole('button', { name: 'Restore the newest backup that checks out' }).click()
  await people.expectLoaded(200)
  expect(
    readdirSync(join(host.dataDirectory, 'workspaces')).some((f) =>
      f.startsWith('damaged-later.ninefold.damaged-'),
    ),
  ).toBe(true)
})

test('survives a reload: the token stays with the tab, the open workspace stays open', async ({
  page,
  host,
}) => {
  const welcome = new WorkspacePage(page)
  await welcome.goto(host.url)
  await expect(page).toHaveURL(host.origin) // the token left the address bar
  await welcome.create({ name: 'Reload check', passphrase: PASSPHRASE })
  await welcome.storeRecoveryKey()
  await new PeoplePage(page).expectLoaded(0)
  await page.reload()
  await expect(page.getByTestId('workspace-name')).toHaveText('Reload check')
})

test('a page opened without the token is told how to connect, and gets no data', async ({ page, host }) => {
  await page.goto(host.origin)
  await expect(page.getByRole('alert')).toContainText('not connected to the running Ninefold host')
})

test('cancelling a large demo fill leaves an empty, usable workspace and says why', async ({
  page,
  host,
}) => {
  const welcome = new WorkspacePage(page)
  await welcome.goto(host.url)
  await welcome.create({ name: 'Too big', passphrase: PASSPHRASE, demoPeople: 50000 })
  const cancel = welcome.createForm.getByRole('button', { name: 'Cancel' })
  await expect(welcome.createForm.getByRole('status')).toContainText('Creating demo people')
  await cancel.click()
  // The workspace exists: its recovery key is shown even though the fill was cancelled.
  await welcome.storeRecoveryKey()
  await expect(page.getByRole('alert')).toContainText('Cancelled. Nothing from this job was kept.')
  await new PeoplePage(page).expectLoaded(0)
})

test.describe('backups', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-backup-')), 300)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('backs up from the Workspace screen, restores after a confirmation, and keeps the replaced workspace', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workspace' }).click()
    const backups = page.getByRole('region', { name: 'Backups' })
    await expect(backups).toContainText('No backups yet.')
    await backups.getByRole('button', { name: 'Back up now' }).click()
    await expect(backups.getByRole('status')).toHaveText(
      `Backed up and verified: 300 people, schema ${LATEST_SCHEMA_VERSION}.`,
    )
    const rows = backups.getByRole('table', { name: 'Backup list' }).locator('tbody tr')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('Backed up by hand')

    await rows
      .first()
      .getByRole('button', { name: /^Restore the backup of / })
      .click()
    const confirm = backups.getByRole('group', { name: 'Confirm restore' })
    await expect(confirm).toContainText('Replace the workspace with this backup?')
    await backups.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/backups.png', fullPage: true })
    await confirm.getByRole('button', { name: 'Restore' }).click()
    await expect(backups.getByRole('status')).toContainText(/^Restored the backup of .* \(300 people\)/)
    await expect(rows).toHaveCount(2)
    await expect(rows.first()).toContainText('The workspace as it was before a restore')
    await expect(page.getByText('300 people · encrypted')).toBeVisible()
  })

  test('Workspace ▸ Verify checks every page of the file and says it is whole', async ({ page, host }) => {
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workspace' }).click()
    const verify = page.getByRole('region', { name: 'Verify' })
    await verify.getByRole('button', { name: 'Verify the workspace' }).click()
    await expect(verify.getByRole('status')).toHaveText(
      new RegExp(
        `^Whole: all [\\d,]+ pages of .*\\.ninefold authenticate, the database is sound, schema ${LATEST_SCHEMA_VERSION}\\.$`,
      ),
    )
  })

  test('locks by hand and by Ctrl+L: nothing of the workspace stays on the page until the key is given', async ({
    page,
    host,
  }) => {
    const key = readFileSync(demo.keyFile, 'utf8').split('\n')[0] ?? ''
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workspace' }).click()
    const someone = (await page.getByTestId('workspace-name').textContent()) ?? ''
    await page.getByRole('button', { name: 'Lock' }).click()
    const lock = page.getByRole('main', { name: 'Ninefold is locked' })
    await expect(lock).toContainText(`“${someone}” was locked and its key removed from memory`)
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
    await expect(page.locator('body')).not.toContainText('people · encrypted')
    await page.screenshot({ path: 'test-results/screens/lock-screen.png', fullPage: true })

    await lock.getByLabel('Key or passphrase').fill('not the key')
    await lock.getByRole('button', { name: 'Unlock' }).click()
    await expect(lock.getByRole('alert')).toContainText('does not open this workspace')
    await lock.getByLabel('Key or passphrase').fill(key)
    await lock.getByRole('button', { name: 'Unlock' }).click()
    // Back where the user was.
    await expect(page.getByRole('region', { name: 'Backups' })).toBeVisible()

    await page.keyboard.press('Control+L')
    await expect(page.getByRole('main', { name: 'Ninefold is locked' })).toBeVisible()
    await page.getByLabel('Key or passphrase').fill(key)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('region', { name: 'Backups' })).toBeVisible()
  })
})
