import { useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { errorText } from '../../components/errorText'
import { useT } from '../../i18n'

type Verification = MethodOutput<'workspace.verify'>

/**
 * Workspace ▸ Verify: reads every page of the workspace file and checks it (authentication under the key, integrity,
 * links between records, schema), and lists what is wrong, if anything. It never writes to the file.
 */
export function VerifyPanel(): React.JSX.Element {
  const t = useT()
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<Verification | null>(null)
  const [error, setError] = useState<unknown>(null)
  const verify = (): void => {
    setRunning(true)
    setResult(null)
    setError(null)
    api
      .call('workspace.verify')
      .then(setResult, setError)
      .finally(() => setRunning(false))
  }
  return (
    <section className="card" aria-label={t.t('workspace.verify.title')}>
      <h2>{t.t('workspace.verify.title')}</h2>
      <p className="muted">{t.t('workspace.verify.intro')}</p>
      <button type="button" onClick={verify} disabled={running}>
        {running ? t.t('workspace.verify.running') : t.t('workspace.verify.run')}
      </button>
      {result?.whole === true && (
        <p role="status">
          {t.t('workspace.verify.whole', {
            pages: t.number(result.pages),
            path: result.path,
            schema: result.schemaVersion ?? 0,
          })}
        </p>
      )}
      {result?.whole === false && (
        <div role="alert">
          <p>{t.t('workspace.verify.notWhole', { path: result.path })}</p>
          <ul>
            {result.findings.map((f, i) => (
              <li key={`${f.code}-${i}`}>{t.m(f.text)}</li>
            ))}
          </ul>
        </div>
      )}
      {error !== null && <p role="alert">{errorText(t, error)}</p>}
    </section>
  )
}
