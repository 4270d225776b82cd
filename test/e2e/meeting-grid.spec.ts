import AxeBuilder from '@axe-core/playwright'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, makeDemoWorkspace, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

/** Serious and critical WCAG 2.1 A/AA violations on what is on screen now (as the accessibility spec checks). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
}

/** Each card's name as drawn: its font size, and whether the whole name is shown (nothing cut off). */
async function namesDrawn(
  cards: Locator,
): Promise<{ name: string; px: number; whole: boolean; label: string }[]> {
  return cards.evaluateAll((nodes) =>
    nodes.map((card) => {
      const name = card.querySelector('.card-name') as HTMLElement
      const rect = name.getBoundingClientRect()
      // Inside its box, side to side (a box may scroll down, never cut a name off at the side).
      const box = (card.closest('.card-box') as HTMLElement).getBoundingClientRect()
      return {
        name: name.textContent ?? '',
        px: Number.parseFloat(getComputedStyle(name).fontSize),
        whole:
          name.scrollWidth <= name.clientWidth + 1 &&
          rect.width > 0 &&
          rect.height > 0 &&
          rect.left >= box.left - 1 &&
          rect.right <= box.right + 1,
        label: card.getAttribute('aria-label') ?? '',
      }
    }),
  )
}

/** Readable at the desk (I chose 14 px, the app's body text) and from the back of the room (the 16 px). */
const DESK_PX = 14
const ROOM_PX = 16

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test.describe(`a 60-person meeting at ${size.width}×${size.height}`, () => {
    const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-meet-')), 60)
    test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile], viewport: size })

    test('shows name cards, presents full-window, moves with only a reason code, and names every dot', async ({
      page,
      host,
    }) => {
      test.setTimeout(120_000)
      const tag = `${size.width}x${size.height}`
      await page.goto(host.url)
      const calibration = new CalibrationPage(page)
      await calibration.startSession('Department meeting')
      const cards = page.locator('.card-grid .card-handle')

      // Cards: everyone placed (the demo holds one or two back) with a whole name, in readable type.
      await expect(page.getByRole('radio', { name: 'Cards' })).toBeChecked()
      const placed = Number(
        /(\d+) placed/.exec((await page.getByText(/ placed · /).textContent()) ?? '')?.[1],
      )
      expect(placed).toBeGreaterThan(50)
      await expect(cards).toHaveCount(placed)
      const desk = await namesDrawn(cards)
      for (const card of desk) {
        expect(card.px, card.name).toBeGreaterThanOrEqual(DESK_PX)
        expect(card.whole, card.name).toBe(true)
        expect(card.label.startsWith(`${card.name}, box`), card.label).toBe(true)
      }
      // Each card says the job title and level.
      await expect(page.locator('.card-grid .card-role').first()).toHaveText(/^\S.* · Level \d+$/)
      await expect(page.getByTestId('distribution-chart')).toBeVisible()
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/meeting-cards-${tag}.png` })

      // A move with only a reason code: the ghost names the person, the box under it lights up.
      const first = cards.first()
      const who = (await first.getAttribute('data-employee')) ?? ''
      const name = (await first.locator('.card-name').textContent()) ?? ''
      const from = await calibration.boxOf(who)
      // A box beside it in the top row, so the screenshot shows the ghost over the lit box.
      const to = from === 8 ? 9 : 8
      await first.scrollIntoViewIfNeeded()
      const start = await first.boundingBox()
      const goal = await calibration.box(to).boundingBox()
      if (!start || !goal) throw new Error('nothing to drag')
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
      await page.mouse.down()
      await page.mouse.move(goal.x + goal.width / 2, goal.y + Math.min(goal.height / 2, 120), { steps: 12 })
      await expect(page.locator('.card-ghost')).toBeVisible()
      await expect(page.locator('.card-ghost')).toHaveText(name)
      await expect(calibration.box(to)).toHaveClass(/drop-target/)
      await page.screenshot({ path: `test-results/screens/meeting-drag-${tag}.png` })
      await page.mouse.up()
      await expect(page.locator('.card-ghost')).toBeHidden()
      await expect(calibration.box(to)).not.toHaveClass(/drop-target/)
      await expect(calibration.dialog).toBeVisible()
      await expect(calibration.dialog.getByRole('button', { name: 'Move' })).toBeDisabled()
      await calibration.dialog
        .getByRole('combobox', { name: 'Reason' })
        .selectOption({ label: 'Rating inflated' })
      await page.screenshot({ path: `test-results/screens/meeting-move-dialog-${tag}.png` })
      await calibration.dialog.getByRole('button', { name: 'Move' }).click()
      await expect(calibration.dialog).toBeHidden()
      await expect.poll(() => calibration.boxOf(who)).toBe(to)
      await expect(calibration.person(who)).toHaveClass(/moved/)
      // "Other" says nothing by itself: it asks for words.
      const second = (await cards.nth(1).getAttribute('data-employee')) ?? ''
      const secondFrom = await calibration.boxOf(second)
      await calibration.dragTo(second, secondFrom === 5 ? 6 : 5)
      await calibration.dialog.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Other' })
      await expect(calibration.dialog.getByRole('button', { name: 'Move' })).toBeDisabled()
      await calibration.dialog.getByLabel(/^Why/).fill('Moved to the platform team in November')
      await calibration.dialog.getByRole('button', { name: 'Move' }).click()
      await expect.poll(() => calibration.boxOf(second)).toBe(secondFrom === 5 ? 6 : 5)

      // Presenter mode: the whole window, no app chrome, names for the back of the room, the chart beside.
      await page.getByLabel('Presenter').check()
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
      await expect(page.getByRole('button', { name: 'Lock' })).toBeHidden()
      await expect(page.getByRole('button', { name: 'Finalize' })).toBeHidden()
      const stage = await page.locator('.calibration-session').boundingBox()
      expect(stage).toEqual({ x: 0, y: 0, width: size.width, height: size.height })
      const room = await namesDrawn(cards)
      expect(room).toHaveLength(placed)
      for (const card of room) {
        expect(card.px, card.name).toBeGreaterThanOrEqual(ROOM_PX)
        expect(card.whole, card.name).toBe(true)
      }
      // Every box shows whole on the screen: nothing scrolls inside a box (nor the stage), every card inside its box
      // and the window.
      const fit = await page.locator('.card-grid .card-box').evaluateAll((boxes) =>
        boxes.map((box) => {
          const list = box.querySelector('.name-cards')
          const edge = box.getBoundingClientRect()
          return {
            box: box.getAttribute('data-box'),
            listScrolls: list !== null && list.scrollHeight > list.clientHeight + 1,
            boxScrolls: box.scrollHeight > box.clientHeight + 1,
            outside: [...box.querySelectorAll('.name-card')]
              .map((card) => ({ name: card.textContent, rect: card.getBoundingClientRect() }))
              .filter(
                ({ rect }) =>
                  rect.top < edge.top - 1 ||
                  rect.bottom > edge.bottom + 1 ||
                  rect.bottom > window.innerHeight ||
                  rect.right > window.innerWidth,
              )
              .map(({ name }) => name),
          }
        }),
      )
      expect(fit).toHaveLength(9)
      for (const box of fit)
        expect(box).toEqual({ box: box.box, listScrolls: false, boxScrolls: false, outside: [] })
      const stageScrolls = await page
        .locator('.calibration-session')
        .evaluate((stage) => stage.scrollHeight > stage.clientHeight + 1)
      expect(stageScrolls).toBe(false)
      const titlePx = await page
        .locator('.card-box .box-title')
        .evaluateAll((nodes) => nodes.map((n) => Number.parseFloat(getComputedStyle(n).fontSize)))
      for (const px of titlePx) expect(px).toBeGreaterThanOrEqual(ROOM_PX)
      // The chart is beside the grid and wholly on the screen.
      const chart = await page.getByTestId('distribution-chart').boundingBox()
      const grid = await page.locator('.card-grid').boundingBox()
      expect(chart && grid && chart.x >= grid.x + grid.width - 1).toBe(true)
      expect(chart && chart.x + chart.width <= size.width && chart.y + chart.height <= size.height).toBe(true)
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/meeting-presenter-${tag}.png` })

      // Zoom into one box, and Esc back out: first to the nine boxes, then out of presenter mode.
      await calibration
        .box(5)
        .getByRole('button', { name: /^Zoom into box 5/ })
        .click()
      await expect(page.locator('.card-box')).toHaveCount(1)
      await page.screenshot({ path: `test-results/screens/meeting-zoom-${tag}.png` })
      await page.keyboard.press('Escape')
      await expect(page.locator('.card-box')).toHaveCount(9)
      await page.keyboard.press('Escape')
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
      await expect(page.getByLabel('Presenter')).not.toBeChecked()

      // Dots: the user switches; every dot names its person on focus (and hover), no two marks alike.
      await page.getByRole('radio', { name: 'Dots' }).check()
      await expect(page.locator('svg.nine-box')).toBeVisible()
      const marks = await page
        .locator('svg.nine-box .person-initials')
        .evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent ?? ''))
      expect(marks).toHaveLength(placed)
      expect(new Set(marks).size).toBe(placed)
      const dot = calibration.person(who)
      await dot.hover()
      await expect(page.getByTestId('dot-hover-name')).toHaveText(name)
      await expect(page.getByTestId('dot-hover-name')).toBeVisible()
      await dot.focus()
      await expect(page.getByTestId('dot-name')).toHaveText(name)
      expect(await violations(page)).toEqual([])
      await page.screenshot({ path: `test-results/screens/meeting-dots-${tag}.png` })

      // Dots on the projector: each box's label and its count never overlap, and the label is room-sized.
      await page.getByLabel('Presenter').check()
      const labels = await page.locator('svg.nine-box .box-group').evaluateAll((groups) =>
        groups.map((group) => {
          const label = (group.querySelector('.box-label') as SVGGraphicsElement).getBoundingClientRect()
          const count = (group.querySelector('.box-count') as SVGGraphicsElement).getBoundingClientRect()
          const apart =
            label.right <= count.left ||
            count.right <= label.left ||
            label.bottom <= count.top ||
            count.bottom <= label.top
          return { box: group.getAttribute('data-box'), apart, height: label.height }
        }),
      )
      expect(labels).toHaveLength(9)
      for (const box of labels) {
        expect(box.apart, `box ${box.box}`).toBe(true)
        expect(box.height, `box ${box.box}`).toBeGreaterThanOrEqual(ROOM_PX)
      }
      await page.screenshot({ path: `test-results/screens/meeting-presenter-dots-${tag}.png` })
      await page.keyboard.press('Escape')
      await expect(page.getByLabel('Presenter')).not.toBeChecked()
    })
  })
}

test.describe('a crowded department on a 1280×720 projector', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-meet-crowd-')), 400)
  test.use({
    hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile],
    viewport: { width: 1280, height: 720 },
  })

  test('shows every box whole: the names that fit at room size and "+N" for the rest, which zooms into the box', async ({
    page,
    host,
  }) => {
    test.setTimeout(120_000)
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('Sales on the projector', 'Sales')
    await expect(page.getByRole('radio', { name: 'Cards' })).toBeChecked()
    const placed = Number(/(\d+) placed/.exec((await page.getByText(/ placed · /).textContent()) ?? '')?.[1])
    await page.getByLabel('Presenter').check()
    // Someone chosen, so the side panel is open too.
    await page.locator('.card-grid .card-handle').first().click()
    const boxes = await page.locator('.card-grid .card-box').evaluateAll((nodes) =>
      nodes.map((box) => {
        const edge = box.getBoundingClientRect()
        const shown = [...box.querySelectorAll<HTMLElement>('.name-card')].filter(
          (card) => getComputedStyle(card).display !== 'none',
        )
        const more = box.querySelector<HTMLElement>('.box-more')
        const moreShown = more !== null && getComputedStyle(more).display !== 'none'
        return {
          box: Number(box.getAttribute('data-box')),
          count: Number(/^(\d+)/.exec(box.querySelector('.box-count')?.textContent ?? '')?.[1]),
          shown: shown.length,
          more: moreShown ? Number(more.textContent?.replace('+', '')) : 0,
          px: shown.map((card) =>
            Number.parseFloat(getComputedStyle(card.querySelector('.card-name') as HTMLElement).fontSize),
          ),
          outside: shown.filter((card) => {
            const rect = card.getBoundingClientRect()
            return (
              rect.top < edge.top - 1 || rect.bottom > edge.bottom + 1 || rect.bottom > window.innerHeight
            )
          }).length,
          boxScrolls: box.scrollHeight > box.clientHeight + 1,
          bottom: edge.bottom,
        }
      }),
    )
    expect(boxes).toHaveLength(9)
    // Every person is either a name on the screen or counted in their box's "+N"; no box or name spills over.
    expect(boxes.reduce((n, b) => n + b.shown + b.more, 0)).toBe(placed)
    for (const b of boxes) {
      expect(b.shown + b.more, `box ${b.box}`).toBe(b.count)
      expect(b.outside, `box ${b.box}`).toBe(0)
      expect(b.boxScrolls, `box ${b.box}`).toBe(false)
      expect(b.bottom, `box ${b.box}`).toBeLessThanOrEqual(720)
      for (const px of b.px) expect(px).toBeGreaterThanOrEqual(ROOM_PX)
    }
    const crowded = boxes.filter((b) => b.more > 0).sort((a, b) => b.more - a.more)[0]
    // Sales in the 400-person demo does not fit 1280×720 at 16 px: the test is about that case.
    if (!crowded) throw new Error('every name fitted: this department no longer tests the crowded projector')
    await page.screenshot({ path: 'test-results/screens/meeting-presenter-crowded-1280x720.png' })
    await calibration
      .box(crowded.box)
      .locator('.box-more')
      .getByRole('button', { name: new RegExp(`^Zoom into box ${crowded.box}`) })
      .click()
    await expect(page.locator('.card-box')).toHaveCount(1)
    await expect(page.locator('.card-box .name-card')).toHaveCount(crowded.count)
    await page.keyboard.press('Escape')
    await expect(page.locator('.card-box')).toHaveCount(9)
  })
})
