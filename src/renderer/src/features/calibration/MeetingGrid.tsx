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
  // (a flag's mark instead of its words, which stay in the label and the zoomed box). Measured after layout and set
  // on the DOM, so the screen never paints the overflowing state.
  const area = useRef<HTMLDivElement>(null)
  const placements = grid.view.placements
  useLayoutEffect(() => {
    const cards = area.current?.querySelector<HTMLElement>('.card-grid')
    if (!cards) return
    const fit = (): void => {
      cards.classList.remove('tight')
      if (!presenter || zoom !== null) return
      cards.classList.toggle('tight', cards.scrollHeight > cards.clientHeight + 1)
    }
    fit()
    window.addEventListener('resize', fit)
    return () => window.removeEventListener('resize', fit)
  }, [presenter, zoom, shape, placements])

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
