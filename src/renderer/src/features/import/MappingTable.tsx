import { fieldsOf, type TabularKind } from '../../../../core/import/fields'
import type { Preview } from './useImportWizard'

/** One line per column in the file: its header, a few sample values, and the field it goes to (or none). */
export function MappingTable({
  kind,
  preview,
  columns,
  onMap,
}: {
  kind: TabularKind
  preview: Preview
  columns: Record<string, string | null>
  onMap: (header: string, field: string | null) => void
}): React.JSX.Element {
  const fields = fieldsOf(kind)
  const mapped = new Set(Object.values(columns).filter(Boolean))
  const missing = fields.filter((f) => f.required && !mapped.has(f.name))
  const dropped = preview.columns.filter((c) => c.header !== '' && !columns[c.header]).length
  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Columns</h2>
      {(dropped > 0 || missing.length > 0) && (
        <p className="muted small">
          {dropped > 0
            ? `${dropped} column${dropped === 1 ? '' : 's'} not imported (only what you map is stored). `
            : ''}
          {missing.length > 0 && (
            <span className="warning-text">
              Required and not mapped: {missing.map((f) => f.label).join(', ')}.
            </span>
          )}
        </p>
      )}
      <table className="mapping">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Sample values</th>
            <th scope="col">Imported as</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns
            .filter((c) => c.header !== '')
            .map((column) => {
              const field = columns[column.header] ?? null
              const suggested = column.field !== null && column.field === field && column.confidence < 1
              return (
                <tr key={column.header}>
                  <th scope="row">{column.header}</th>
                  <td className="samples">{column.samples.filter(Boolean).slice(0, 3).join(' · ')}</td>
                  <td>
                    <select
                      aria-label={`Field for ${column.header}`}
                      value={field ?? ''}
                      onChange={(e) => onMap(column.header, e.target.value || null)}
                    >
                      <option value="">— not imported —</option>
                      {fields.map((f) => (
                        <option key={f.name} value={f.name}>
                          {f.label}
                          {f.required ? ' *' : ''}
                          {f.sensitive ? ' (sensitive: fairness audit only)' : ''}
                        </option>
                      ))}
                    </select>
                    {suggested && (
                      <span className="badge" title="Suggested from the header's wording">
                        {Math.round(column.confidence * 100)}% match
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
