import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { CardGrid } from './CardGrid'
import { DistributionChart } from './DistributionChart'
import { NineBoxGrid, type GridProps } from './NineBoxGrid'
import './meetingGrid.css'

/** Up to this many people a session shows name cards; above it, dots (the user may switch either way). */
export const CARD_LIMIT = 150

/**
 * The meeting's grid: cards or dots, with the distribution chart beside it. In presenter mode it fills the
 * window (the app's sidebar and top bar are hidden), type grows for the back of the room, a box's title zooms into
 * that box, and Esc steps back out (from a zoomed box to the nine, then out of presenter mode).
 */
export const MeetingGrid = memo(function MeetingGrid({
  presenter,
  onExitPresenter,
  refreshing,
  ...grid
}: GridProps & {
  presenter: boolean
  onExitPresenter: () => void
  /** A move is shown and the recomputed grid (its flags) has not arrived yet. */
  refreshing?: boolean
}): React.JSX.Element {
  const { t } = useT()
  const people = grid.view.placements.length
  const [chosen, setChosen] = useState<'cards' | 'dots' | null>(null)
  const shape = chosen ?? (people <= CARD_LIMIT ? 'cards' : 'dots')
  const [zoom, setZoom] = useState<number | null>(null)

  // The app's chrome goes while presenting: a class on <body>, because the sidebar and top bar are not ours.
  useEffect(() => {
    if (!presenter) return
    document.body.classList.add('presenting')
    return () => {
      document.body.classList.remove('presenting')
      setZoom(null)
    }
  }, [presenter])
  useEffect(() => {
    if (!presenter) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      // A dialog's Esc is the dialog's, and a person picked up by keyboard is put down first.
      const on = e.target instanceof Element ? e.target : null
      if (document.querySelector('[role="dialog"]') || on?.closest('[data-employee]')) return
      if (zoom !== null) setZoom(null)
      else onExitPresenter()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [presenter, zoom, onExitPresenter])

  // On the projector every box shows whole: if the nine boxes' name chips overflow the window, the cards go tight
  // (a flag's mark instead of its words, which stay in the label and the zoomed box); if tight still overflows, the
  // rows share the height evenly and a full box shows the names that fit and "+N", which zooms into it. Measured
  // after layout and set on the DOM (styles React does not manage), so the screen never paints the overflowing
  // state; run after every render, since a render of the cards resets nothing of it but may add or move a name.
  const area = useRef<HTMLDivElement>(null)
  const presentingNine = presenter && zoom === null
  useLayoutEffect(() => {
    const cards = area.current?.querySelector<HTMLElement>('.card-grid')
    if (cards) fitPresented(cards, presentingNine)
  })
  // Fitted again when the grid's own size changes (not only the window's: the side panel narrows it), while presenting.
  useLayoutEffect(() => {
    const cards = area.current?.querySelector<HTMLElement>('.card-grid')
    if (!presentingNine || !cards) return
    const resized = new ResizeObserver(() => fitPresented(cards, true))
    resized.observe(cards)
    return () => resized.disconnect()
  }, [presentingNine, shape])

  const openBox = (box: number): void => {
    if (presenter && shape === 'cards') setZoom((current) => (current === box ? null : box))
    else grid.onOpenBox(box)
  }
  return (
    <div className={`meeting-grid${presenter ? ' presenting' : ''}`} data-testid="meeting-grid">
      <div className="meeting-bar">
        <fieldset className="shape-switch">
          <legend>{t('calibration.meeting.shape')}</legend>
          {(['cards', 'dots'] as const).map((s) => (
            <label key={s} className="checkbox">
              <input type="radio" name="grid-shape" checked={shape === s} onChange={() => setChosen(s)} />{' '}
              {t(`calibration.meeting.${s}`)}
            </label>
          ))}
        </fieldset>
        {presenter && (
          <>
            <h1 className="presenting-title">{grid.view.name}</h1>
            {zoom !== null && (
              <button type="button" className="secondary" onClick={() => setZoom(null)}>
                {t('calibration.meeting.zoomOut')}
              </button>
            )}
            <button type="button" onClick={onExitPresenter} data-testid="exit-presenter">
              {t('calibration.meeting.exit')}
            </button>
          </>
        )}
      </div>
      <div className="meeting-stage" aria-busy={refreshing === true}>
        <div className="meeting-grid-area" ref={area}>
          {shape === 'cards' ? (
            <CardGrid
              {...grid}
              onOpenBox={openBox}
              zoom={presenter ? zoom : null}
              boxAction={presenter ? 'zoom' : 'list'}
            />
          ) : (
            <NineBoxGrid {...grid} onOpenBox={openBox} />
          )}
        </div>
        <DistributionChart view={grid.view} compact={presenter} />
      </div>
    </div>
  )
})

const overflows = (element: HTMLElement): boolean => element.scrollHeight > element.clientHeight + 1

/** Presenter mode's fit of the name chips to the window (see MeetingGrid); `presenting` false undoes it. */
function fitPresented(cards: HTMLElement, presenting: boolean): void {
  cards.classList.remove('tight', 'clipped')
  for (const hidden of cards.querySelectorAll<HTMLElement>('.name-card[data-over]')) {
    hidden.style.display = ''
    delete hidden.dataset['over']
  }
  for (const more of cards.querySelectorAll<HTMLElement>('.box-more')) more.style.display = ''
  if (!presenting || !overflows(cards)) return
  cards.classList.add('tight')
  if (!overflows(cards)) return
  cards.classList.add('clipped')
  for (const box of cards.querySelectorAll<HTMLElement>('.card-box')) {
    const more = box.querySelector<HTMLElement>('.box-more')
    const count = more?.querySelector('b')
    if (!more || !count || !overflows(box)) continue
    more.style.display = 'flex'
    const names = [...box.querySelectorAll<HTMLElement>('.name-card')]
    let hidden = 0
    // From the last name back, until the box holds what is left and its "+N".
    for (let i = names.length - 1; i >= 0 && overflows(box); i--) {
      const name = names[i] as HTMLElement
      name.style.display = 'none'
      name.dataset['over'] = ''
      count.textContent = `+${++hidden}`
    }
  }
}
