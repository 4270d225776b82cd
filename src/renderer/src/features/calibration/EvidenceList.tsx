import type { Evidence } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { said } from './labels'

/** The records behind a score or a flag, each with its date, what it is and its value. */
export function EvidenceList({ items }: { items: readonly Evidence[] }): React.JSX.Element | null {
  const translator = useT()
  if (items.length === 0) return null
  return (
    <ul className="evidence">
      {items.map((e, i) => (
        <li key={`${e.kind}-${e.id ?? i}-${i}`}>
          <span className="muted">{e.date ?? '—'}</span> {said(translator, e.labelText, e.label)}:{' '}
          <strong>{said(translator, e.valueText, e.value)}</strong>
        </li>
      ))}
    </ul>
  )
}
