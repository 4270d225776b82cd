import { fieldsOf, type TabularKind } from '../../../../core/import/fields'
import { useT } from '../../i18n'
import type { ColumnChoice, Preview } from './useImportWizard'

const CYCLE_FIELDS = new Set(['overallRating', 'potentialRating'])

/** One line per column in the file: its header, a few sample values, and the field it goes to (or none). */
export function MappingTable({
  kind,
  preview,
  columns,
  onMap,
}: {
  kind: TabularKind
  preview: Preview
  columns: Record<string, ColumnChoice | null>
  onMap: (header: string, field: string | null, cycle?: string) => void
}): React.JSX.Element {
  const t = useT()
  const fields = fieldsOf(kind)
  const mapped = new Set(Object.values(columns).flatMap((c) => (c ? [c.field] : [])))
  // Columns that each hold a cycle name it themselves: no cycle column is needed then.
  const cyclesTagged =
    kind === 'reviews' &&
    Object.values(columns).some((c) => c?.cycle) &&
    !Object.values(columns).some((c) => c?.field === 'overallRating' && !c.cycle)
  const missing = fields.filter(
    (f) => f.required && !mapped.has(f.name) && !(f.name === 'cycle' && cyclesTagged),
  )
  const dropped = preview.columns.filter((c) => c.header !== '' && !columns[c.header]).length
  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t.t('import.mapping.title')}</h2>
      {(dropped > 0 || missing.length > 0) && (
        <p className="muted small">
          {dropped > 0 ? `${t.t('import.mapping.dropped', { count: dropped })} ` : ''}
          {missing.length > 0 && (
            <span className="warning-text">
              {t.t('import.mapping.missing', { fields: missing.map((f) => t.m(f.labelText)).join(', ') })}
            </span>
          )}
        </p>
      )}
      <table className="mapping">
        <thead>
          <tr>
            <th scope="col">{t.t('import.mapping.column')}</th>
            <th scope="col">{t.t('import.mapping.samples')}</th>
            <th scope="col">{t.t('import.mapping.importedAs')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns
            .filter((c) => c.header !== '')
            .map((column) => {
              const choice = columns[column.header] ?? null
              const field = choice?.field ?? null
              const suggested = column.field !== null && column.field === field && column.confidence < 1
              return (
                <tr key={column.header}>
                  <th scope="row">{column.header}</th>
                  <td className="samples">{column.samples.filter(Boolean).slice(0, 3).join(' · ')}</td>
                  <td>
                    <select
                      aria-label={t.t('import.mapping.fieldFor', { header: column.header })}
                      value={field ?? ''}
                      onChange={(e) => onMap(column.header, e.target.value || null, choice?.cycle)}
                    >
                      <option value="">{t.t('import.mapping.notImported')}</option>
                      {fields.map((f) => (
                        <option key={f.name} value={f.name}>
                          {t.m(f.labelText)}
                          {f.required ? ' *' : ''}
                          {f.sensitive ? ` ${t.t('import.mapping.sensitive')}` : ''}
                        </option>
                      ))}
                    </select>
                    {kind === 'reviews' && field !== null && CYCLE_FIELDS.has(field) && (
                      <input
                        className="cycle-input"
                        aria-label={t.t('import.mapping.cycleFor', { header: column.header })}
                        placeholder={t.t('import.mapping.cyclePlaceholder')}
                        defaultValue={choice?.cycle ?? ''}
                        maxLength={80}
                        onBlur={(e) => {
                          const cycle = e.target.value.trim() || undefined
                          if (cycle !== choice?.cycle) onMap(column.header, field, cycle)
                        }}
                      />
                    )}
                    {suggested && (
                      <span className="badge" title={t.t('import.mapping.suggested')}>
                        {t.t('import.mapping.match', { percent: t.percent(column.confidence, 0) })}
                      </span>
                    )}
                  </td>
                </tr>
              )
            })}
        </tbody>
      </table>
    </section>
  )
}
