import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { expect, makeDemoWorkspace, personInDemo, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

/** All the text a PDF shows, page by page, as a reader (or a search) would get it. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes, useSystemFonts: false }).promise
  const pages: string[] = []
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  return pages.join('\n')
}

test.describe('desktop conventions', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-desk-')), 400)
  const someone = personInDemo(demo, 'E100010')
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('quick find jumps to a person, a session, a critical role and a program', async ({ page, host }) => {
    await page.goto(host.url)
    // A session to find.
    await new CalibrationPage(page).startSession('Quarterly calibration Q4')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workspace' }).click()

    const find = async (text: string): Promise<void> => {
      await page.keyboard.press('Control+K')
      const box = page.getByRole('dialog', { name: 'Quick find' }).getByRole('combobox')
      await expect(box).toBeFocused()
      await box.fill(text)
      await expect(page.getByRole('listbox', { name: 'Matches' }).getByRole('option').first()).toBeVisible()
    }
    await find(someone.fullName)
    await page.screenshot({ path: 'test-results/screens/quick-find.png', fullPage: true })
    await page.keyboard.press('Enter')
    await expect(page.getByLabel('Search people')).toHaveValue('E100010')
    await expect(page.getByTestId('people-count')).toHaveText('1 person')

    await find('Quarterly calib')
    await page.keyboard.press('Enter')
    await expect(page.getByText('Quarterly calibration Q4').first()).toBeVisible()
    await expect(new CalibrationPage(page).grid).toBeVisible()

    await find('Chief')
    const role = page.getByRole('option').filter({ hasText: 'Critical role' }).first()
    const title = (await role.locator('strong').textContent()) ?? ''
    await role.click()
    await expect(page.getByRole('heading', { name: title })).toBeVisible()

    await find('Advanced Lead')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('region', { name: 'Program trend' }).getByLabel('Program')).toHaveValue(
      'Advanced Leadership',
    )

    // Escape closes it; the shortcut sheet lists it.
    await page.keyboard.press('Control+K')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Quick find' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Quick find')
    await page.keyboard.press('Escape')
  })

  test('a file dropped anywhere on the window starts an import', async ({ page, host }) => {
    const file = join(mkdtempSync(join(tmpdir(), 'ninefold-e2e-dropped-')), 'new-hires.csv')
    writeFileSync(file, 'Employee ID,Full name,Department\nNH-1,Nova Hire,Sales\nNH-2,Neo Start,Sales\n')
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Insights' }).click()
    await page.locator('.content').evaluate(
      (target, { text, name }) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([text], name, { type: 'text/csv' }))
        target.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        )
        target.dispatchEvent(
          new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        )
      },
      {
        text: 'Employee ID,Full name,Department\nNH-1,Nova Hire,Sales\nNH-2,Neo Start,Sales\n',
        name: 'new-hires.csv',
      },
    )
    // The import screen opens with the file read and its columns mapped.
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }),
    ).toHaveAttribute('aria-current', 'page')
    await expect(page.getByText('new-hires.csv').first()).toBeVisible()
    await expect(page.getByLabel('Field for Full name')).toHaveValue('fullName')
  })

  test('printing the grid to PDF keeps the grid and its labels, without the app around it', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('Print me')
    await calibration.grid.locator('[data-employee]').first().click()
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
    await page.screenshot({ path: 'test-results/screens/print-preview.png', fullPage: true })
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true })
    const text = await pdfText(new Uint8Array(pdf))
    for (const label of [
      'Star / High Potential',
      'Core Player',
      'Underperformer',
      'High performance',
      'Print me',
    ])
      expect(text).toContain(label)
    expect(text).not.toContain('Close workspace')
    expect(text).not.toContain('Export pre-read')
    await page.emulateMedia({ media: 'screen' })
  })
})

test.describe('settings in one place', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-settings-')), 300)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('edits cut points and labels, exports the file, and imports it back after a change', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    const form = page.getByRole('form', { name: 'Calibration defaults' })
    await form.getByLabel('Performance high from (1–5)').fill('4.5')
    await form.getByLabel('Box 9').fill('Future leader')
    await form.getByLabel('Settings change reason').fill('HR policy 2027')
    await form.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status')).toHaveText('Settings saved; new sessions use them.')
    await page.screenshot({ path: 'test-results/screens/settings.png', fullPage: true })

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export settings file' }).click()
    const file = join(mkdtempSync(join(tmpdir(), 'ninefold-e2e-settings-file-')), 'settings.json')
    await (await download).saveAs(file)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'ninefold-settings',
      labels: { '9': 'Future leader' },
      calibration: { performanceCuts: { highMin: 4.5 } },
    })

    // Changed again here, then the file brings the shared settings back.
    await form.getByLabel('Box 9').fill('Something else')
    await form.getByLabel('Settings change reason').fill('a local change')
    await form.getByRole('button', { name: 'Save settings' }).click()
    await expect(form.getByLabel('Box 9')).toHaveValue('Something else')
    await page.getByLabel('Settings file to import').setInputFiles(file)
    await expect(page.getByRole('status')).toHaveText('Applied the settings from settings.json.')
    await expect(form.getByLabel('Box 9')).toHaveValue('Future leader')

    // A new session starts with them: on the grid and in the distribution chart beside it.
    await new CalibrationPage(page).startSession('With shared settings')
    await expect(
      page.getByRole('group', { name: /Nine-box grid/ }).getByText('9 · Future leader'),
    ).toBeVisible()
    await expect(page.getByTestId('distribution-chart').getByText('9 · Future leader')).toBeVisible()
  })

  test('switches to Polish and back at run time: labels, plural forms and numbers follow', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Language').selectOption('pl')
    const glowne = page.getByRole('navigation', { name: 'Główne' })
    await expect(glowne.getByRole('button', { name: 'Osoby' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl')
    await expect(page.getByRole('banner')).toContainText('300 osób · zaszyfrowany')
    await glowne.getByRole('button', { name: 'Osoby' }).click()
    await expect(page.getByTestId('people-count')).toHaveText('300 osób')
    await page.getByLabel('Szukaj osób').fill('E10000')
    await expect(page.getByTestId('people-count')).toHaveText(/^\d osob(a|y)$|^\d+ osób$/)
    await page.screenshot({ path: 'test-results/screens/polish.png', fullPage: true })
    // Every screen speaks it, including what the services say.
    for (const [screen, heading, shown] of [
      ['Kalibracja', 'Kalibracja', 'Nowa sesja'],
      ['Sukcesja', 'Sukcesja', 'Nowa rola kluczowa'],
      ['Analizy', 'Analizy', 'Umiejętności zespołu'],
      ['Ustawienia', 'Ustawienia', 'Połączenia z LRS (Learning Record Store)'],
    ] as const) {
      await glowne.getByRole('button', { name: screen }).click()
      await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible()
      await expect(page.getByText(shown).first()).toBeVisible()
      await page.screenshot({ path: `test-results/screens/polish-${screen}.png`, fullPage: true })
    }
    // The choice survives a reload, and the lock screen speaks it too, errors included.
    await page.reload()
    await expect(page.getByRole('navigation', { name: 'Główne' })).toBeVisible()
    await page.getByRole('button', { name: 'Zablokuj' }).click()
    await expect(page.getByRole('main', { name: 'Ninefold jest zablokowany' })).toBeVisible()
    await page.getByLabel('Klucz lub hasło').fill('not the passphrase at all')
    await page.getByRole('button', { name: 'Odblokuj' }).click()
    await expect(page.getByRole('alert')).toContainText('nie otwiera tego obszaru roboczego')
    await page.getByLabel('Klucz lub hasło').fill(readFileSync(demo.keyFile, 'utf8').split('\n')[0] ?? '')
    await page.getByRole('button', { name: 'Odblokuj' }).click()
    await page.getByRole('navigation', { name: 'Główne' }).getByRole('button', { name: 'Ustawienia' }).click()
    await page.getByLabel('Język').selectOption('en')
    await expect(nav.getByRole('button', { name: 'People' })).toBeVisible()
    await expect(page.getByRole('banner')).toContainText('300 people · encrypted')
  })
})
