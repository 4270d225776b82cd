import { fieldSpec, type TabularKind } from '../../../../core/import/fields'
import type { Preview } from './useImportWizard'

/** The first rows as they would be stored, and every problem found in them, each with its row and column. */
export function PreviewRows({ kind, preview }: { kind: TabularKind; preview: Preview }): React.JSX.Element {
  const fields = [...new Set(preview.rows.flatMap((r) => Object.keys(r.values)))]
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      {preview.issues.length > 0 && (
        <ul className="issues" aria-label="Problems found">
          {preview.issues.slice(0, 50).map((issue, i) => (
            <li key={i} data-code={issue.code}>
              <strong>
                Row {issue.row}
                {issue.column ? `, ${issue.column}` : ''}
              </strong>
              {issue.value ? <code>{issue.value}</code> : null} {issue.message}
            </li>
          ))}
        </ul>
      )}
      {preview.rows.length > 0 ? (
        <div className="preview-scroll">
          <table className="preview" aria-label="Rows as they will be stored">
            <thead>
              <tr>
                <th scope="col">Row</th>
                {fields.map((f) => (
                  <th key={f} scope="col">
                    {fieldSpec(kind, f)?.label ?? f}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, 20).map((row) => (
                <tr key={row.row}>
                  <td className="muted">{row.row}</td>
                  {fields.map((f) => (
                    <td key={f}>
                      {row.values[f] === null || row.values[f] === undefined ? '' : String(row.values[f])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No valid rows to show yet.</p>
      )}
    </section>
  )
}
