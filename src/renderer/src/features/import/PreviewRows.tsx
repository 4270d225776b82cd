import { fieldSpec, type TabularKind } from '../../../../core/import/fields'
import { useT } from '../../i18n'
import { issueAt, issueProblem } from './issueAt'
import type { Preview } from './useImportWizard'

/** The first rows as they would be stored, and every problem found in them, each with its row and column. */
export function PreviewRows({ kind, preview }: { kind: TabularKind; preview: Preview }): React.JSX.Element {
  const t = useT()
  const label = (field: string): string => {
    const spec = fieldSpec(kind, field)
    return spec ? t.m(spec.labelText) : field
  }
  const fields = [...new Set(preview.rows.flatMap((r) => Object.keys(r.values)))]
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">{t.t('import.preview.title')}</h2>
      {preview.issues.length > 0 && (
        <ul className="issues" aria-label={t.t('import.preview.problems')}>
          {preview.issues.slice(0, 50).map((issue, i) => (
            <li key={i} data-code={issue.code}>
              <strong>{issueAt(t, issue)}</strong>
              {issue.value ? <code>{issue.value}</code> : null} {issueProblem(t, issue)}
            </li>
          ))}
        </ul>
      )}
      {preview.rows.length > 0 ? (
        <div className="preview-scroll">
          <table className="preview" aria-label={t.t('import.preview.table')}>
            <thead>
              <tr>
                <th scope="col">{t.t('import.preview.row')}</th>
                {fields.map((f) => (
                  <th key={f} scope="col">
                    {label(f)}
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
        <p className="muted">{t.t('import.preview.none')}</p>
      )}
    </section>
  )
}
