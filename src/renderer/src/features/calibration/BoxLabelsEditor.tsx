import { useEffect, useState } from 'react'
import type { MethodInput } from '../../../../shared/contract'
import { api } from '../../api/client'

const ORDER = ['7', '8', '9', '4', '5', '6', '1', '2', '3']

/** The workspace's names for the nine boxes, laid out as the grid is (new sessions take them). */
export function BoxLabelsEditor({ onError }: { onError: (error: unknown) => void }): React.JSX.Element {
  const [labels, setLabels] = useState<Record<string, string> | null>(null)
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    api.call('calibration.labels').then(setLabels, onError)
  }, [onError])
  if (!labels) return <details className="box-labels" />
  return (
    <details className="box-labels">
      <summary>Box labels</summary>
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
              Box {box}
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
          Save labels
        </button>{' '}
        {saved && <span className="muted">Saved: new sessions use these labels.</span>}
      </form>
    </details>
  )
}
