import { useState } from 'react'
import type { RatingScaleSpec } from '../../../../shared/contract'
import { useT } from '../../i18n'
import type { RatingChoices, Preview } from './useImportWizard'
import './ratingWords.css'

type Reading = Preview['ratingWords'][number]

/** A word's value on the scale it was read with (words compare ignoring case and spacing). */
const valueOf = (reading: Reading, word: string): number | undefined =>
  reading.scale?.labels[word.trim().toLowerCase().replace(/\s+/g, ' ')]

/** The words in the order they are worth: the scale's values when there is one, else as the file lists them. */
function initialOrder(reading: Reading): string[] {
  const rank = (word: string): number => valueOf(reading, word) ?? Number.POSITIVE_INFINITY
  return reading.words.map((w) => w.word).sort((a, b) => rank(a) - rank(b))
}

/**
 * Ratings given in words: which scale they were read with, or — when the words are no scale Ninefold knows — the
 * step where the person puts them in order, lowest first, and says what a blank means. The order is applied to the
 * preview at once and saved with the mapping.
 */
export function RatingWords({
  preview,
  choices,
  onChoose,
  needsCycle,
}: {
  preview: Preview
  choices: RatingChoices
  onChoose: (next: RatingChoices) => void
  /** No column names the cycle: the file's one cycle is asked for here. */
  needsCycle: boolean
}): React.JSX.Element | null {
  const t = useT()
  const [cycle, setCycle] = useState(choices.cycle ?? '')
  if (preview.ratingWords.length === 0 && !needsCycle) return null
  const blanks = preview.ratingWords.find((r) => r.field === 'overallRating')?.blanks ?? 0
  return (
    <section className="card rating-words" aria-labelledby="ratings-title">
      <h2 id="ratings-title">{t.t('import.ratings.title')}</h2>
      {needsCycle && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            onChoose({ ...choices, cycle: cycle.trim() || undefined })
          }}
        >
          <label className="inline">
            {t.t('import.ratings.cycle')}
            <input
              value={cycle}
              placeholder={t.t('import.ratings.cyclePlaceholder')}
              onChange={(e) => setCycle(e.target.value)}
              maxLength={80}
            />
          </label>
          <button type="submit" className="secondary" disabled={cycle.trim() === ''}>
            {t.t('import.ratings.useCycle')}
          </button>
        </form>
      )}
      {preview.ratingWords.map((reading) => (
        <WordScale
          key={`${reading.field}:${reading.header}:${reading.origin}:${reading.scale?.name ?? ''}`}
          reading={reading}
          onOrder={(spec) =>
            onChoose({ ...choices, [reading.field === 'overallRating' ? 'scale' : 'potentialScale']: spec })
          }
        />
      ))}
      {blanks > 0 && (
        <label className="inline">
          {t.t('import.ratings.blanks', { count: blanks })}
          <select
            value={choices.blankRating ?? 'not-rated'}
            onChange={(e) => onChoose({ ...choices, blankRating: e.target.value as 'not-rated' | 'error' })}
          >
            <option value="not-rated">{t.t('import.ratings.notRated')}</option>
            <option value="error">{t.t('import.ratings.blankError')}</option>
          </select>
        </label>
      )}
    </section>
  )
}

function WordScale({
  reading,
  onOrder,
}: {
  reading: Reading
  onOrder: (spec: RatingScaleSpec) => void
}): React.JSX.Element {
  const t = useT()
  const [editing, setEditing] = useState(reading.origin === 'unknown')
  const [order, setOrder] = useState(() => initialOrder(reading))
  const counts = new Map(reading.words.map((w) => [w.word, w.count]))
  const fieldName = t.t(
    reading.field === 'overallRating' ? 'import.field.overallRating' : 'import.field.potentialRating',
  )
  const move = (index: number, by: -1 | 1): void => {
    const next = [...order]
    const [word] = next.splice(index, 1)
    if (word === undefined) return
    next.splice(index + by, 0, word)
    setOrder(next)
  }
  return (
    <div className="word-scale" data-field={reading.field}>
      <h3>{t.t('import.ratings.column', { field: fieldName, header: reading.header })}</h3>
      {!editing && reading.scale ? (
        <p>
          {t.t(reading.origin === 'mapping' ? 'import.ratings.given' : 'import.ratings.detected', {
            scale: reading.scale.name,
          })}{' '}
          <span className="muted">
            {initialOrder(reading)
              .map((word) => `${word} = ${valueOf(reading, word) ?? '?'}`)
              .join(' · ')}
          </span>{' '}
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {t.t('import.ratings.reorder')}
          </button>
        </p>
      ) : (
        <>
          <p className={reading.origin === 'unknown' ? 'warning-text' : 'muted'}>
            {t.t(reading.origin === 'unknown' ? 'import.ratings.unknown' : 'import.ratings.orderHint')}
          </p>
          <ol className="word-order" aria-label={t.t('import.ratings.orderLabel', { field: fieldName })}>
            {order.map((word, index) => (
              <li key={word}>
                <span className="word-value">{index + 1}</span>
                <span className="word">{word}</span>
                <span className="muted small">
                  {t.t('import.ratings.count', { count: counts.get(word) ?? 0 })}
                </span>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={t.t('import.ratings.up', { word })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={t.t('import.ratings.down', { word })}
                  disabled={index === order.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => {
              onOrder({ labels: Object.fromEntries(order.map((word, i) => [word, i + 1])) })
              setEditing(false)
            }}
          >
            {t.t('import.ratings.useOrder', { low: order[0] ?? '', high: order.at(-1) ?? '' })}
          </button>
        </>
      )}
    </div>
  )
}
