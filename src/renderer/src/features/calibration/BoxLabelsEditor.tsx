import { useEffect, useState } from 'react'
import type { MethodInput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { translator as translatorFor, useT } from '../../i18n'
import { shownLabels } from './labels'

const ORDER = ['7', '8', '9', '4', '5', '6', '1', '2', '3']

/** The workspace's names for the nine boxes, laid out as the grid is (new sessions take them). */
export function BoxLabelsEditor({ onError }: { onError: (error: unknown) => void }): React.JSX.Element {
  const [labels, setLabels] = useState<Record<string, string> | null>(null)
  const [saved, setSaved] = useState(false)
  const { t, locale } = useT()
  useEffect(() => {
    // The default names show in the user's language; saving keeps what is shown.
    api
      .call('calibration.labels')
      .then((stored) => setLabels(shownLabels(translatorFor(locale), stored)), onError)
  }, [onError, locale])
  if (!labels) return <details className="box-labels" />
  return (
    <details className="box-labels">
      <summary>{t('calibration.labelsEditor.title')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          api
            .call('calibration.setLabels', {
              labels: labels as MethodInput<'calibration.setLabels'>['labels'],
            })
            .then(() => setSaved(true), onError)
        }}
      >
        <div className="labels-grid">
          {ORDER.map((box) => (
            <label key={box}>
              {t('calibration.box', { box })}
              <input
                value={labels[box] ?? ''}
                maxLength={40}
                onChange={(e) => {
                  setSaved(false)
                  setLabels({ ...labels, [box]: e.target.value })
                }}
              />
            </label>
          ))}
        </div>
        <button type="submit" disabled={ORDER.some((b) => (labels[b] ?? '').trim() === '')}>
          {t('calibration.labelsEditor.save')}
        </button>{' '}
        {saved && <span className="muted">{t('calibration.labelsEditor.saved')}</span>}
      </form>
    </details>
  )
}
