import { useT } from '../i18n'

/** A select over a facet (departments, locations) with head counts, and a first option for "all". */
export function FacetSelect({
  label,
  value,
  onChange,
  options,
  allLabel,
}: {
  /** Accessible name when the select has no surrounding <label>. */
  label?: string
  value: string
  onChange: (value: string) => void
  options: readonly { value: string; count: number }[] | undefined
  allLabel: string
}): React.JSX.Element {
  const t = useT()
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{allLabel}</option>
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.value} ({t.number(o.count)})
        </option>
      ))}
    </select>
  )
}
