import type { CalibrationView } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { boxLabel } from './labels'
import type { useSandbox } from './useSandbox'
import './sandbox.css'

type Sandbox = ReturnType<typeof useSandbox>

/** The toolbar's way into a sandbox: none while the session is locked, disabled while one is open (the toolbar keeps its shape). */
export function SandboxStart({
  sandbox,
  locked,
}: {
  sandbox: Sandbox
  locked: boolean
}): React.JSX.Element | null {
  const { t } = useT()
  if (locked || sandbox.active) return null
  return (
    <button
      type="button"
      className="secondary"
      title={t('calibration.sandbox.startHint')}
      onClick={sandbox.start}
    >
      {t('calibration.sandbox.start')}
    </button>
  )
}

/**
 * The open sandbox: how many moves were tried, the distribution of the session and of the sandbox side by side, and
 * the two ways out — adopt every try in one step of the session's history, or throw them away.
 */
export function SandboxBar({
  sandbox,
  busy,
  onAdopt,
}: {
  sandbox: Sandbox
  busy: boolean
  onAdopt: () => void
}): React.JSX.Element | null {
  const translator = useT()
  const { t } = translator
  const { saved, shown } = sandbox
  if (!sandbox.active || !saved || !shown) return null
  const people = new Set(sandbox.moves.map((m) => m.employeeId)).size
  return (
    <section className="sandbox-bar" aria-label={t('calibration.sandbox.title')} data-testid="sandbox">
      <div className="sandbox-head">
        <strong>{t('calibration.sandbox.title')}</strong>
        <span role="status" data-testid="sandbox-count">
          {sandbox.moves.length === 0
            ? t('calibration.sandbox.none')
            : t('calibration.sandbox.tried', { count: sandbox.moves.length })}
        </span>
        <div className="spacer" />
        <button type="button" disabled={busy || sandbox.moves.length === 0} onClick={onAdopt}>
          {t('calibration.sandbox.adopt', { count: people })}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={sandbox.discard}>
          {t('calibration.sandbox.discard')}
        </button>
      </div>
      <SideBySide saved={saved} shown={shown} />
    </section>
  )
}

/** Each box's count in the session and in the sandbox, changed ones marked. */
function SideBySide({ saved, shown }: { saved: CalibrationView; shown: CalibrationView }): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  const rows = [...saved.distribution].sort((a, b) => b.box - a.box)
  const inSandbox = new Map(shown.distribution.map((d) => [d.box, d.actual]))
  return (
    <table className="sandbox-compare" data-testid="sandbox-compare">
      <caption className="sr-only">{t('calibration.sandbox.compare')}</caption>
      <thead>
        <tr>
          <th scope="row">{t('calibration.sandbox.box')}</th>
          {rows.map((d) => (
            <th key={d.box} scope="col" title={boxLabel(translator, saved.settings.labels, d.box)}>
              {d.box}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('calibration.sandbox.session')}</th>
          {rows.map((d) => (
            <td key={d.box}>{d.actual}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">{t('calibration.sandbox.tries')}</th>
          {rows.map((d) => {
            const tried = inSandbox.get(d.box) ?? 0
            return (
              <td key={d.box} className={tried === d.actual ? undefined : 'changed'} data-box={d.box}>
                {tried}
              </td>
            )
          })}
        </tr>
      </tbody>
    </table>
  )
}
