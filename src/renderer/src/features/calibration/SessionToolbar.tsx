import { useState } from 'react'
import { FileButton } from '../../components/FileButton'
import { PrintButton } from '../../components/PrintButton'
import type { CalibrationView } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { SandboxStart } from './SandboxBar'
import type { useCalibrationSession } from './useCalibrationSession'

/**
 * The session's toolbar: where the meeting is (name, status, counts), undo and redo, the sandbox, blind and
 * presenter modes, the fairness audit, the exports, and finalize or reopen (with its reason asked for inline).
 */
export function SessionToolbar({
  view,
  session,
  presenter,
  onPresenter,
  auditing,
  onAudit,
  onBack,
  onFinalize,
}: {
  view: CalibrationView
  session: ReturnType<typeof useCalibrationSession>
  presenter: boolean
  onPresenter: (presenting: boolean) => void
  auditing: boolean
  onAudit: () => void
  onBack: () => void
  onFinalize: () => void
}): React.JSX.Element {
  const { t } = useT()
  const locked = view.status === 'finalized'
  const [reopening, setReopening] = useState<string | null>(null)
  /** What the last export into the HRIS workbook wrote. */
  const [writtenInto, setWrittenInto] = useState<string | null>(null)
  return (
    <div className="session-toolbar">
      <button type="button" className="link" onClick={onBack}>
        {t('calibration.session.back')}
      </button>
      <h2>{view.name}</h2>
      <span className={`status status-${view.status}`} data-testid="session-status">
        {t(`calibration.status.${view.status}`)}
      </span>
      <span className="muted">
        {t('calibration.session.summary', {
          cycle: view.cycle,
          placed: view.placements.length,
          holding: view.holding.length,
          discussed: view.discussed,
        })}
      </span>
      <div className="spacer" />
      <button
        type="button"
        className="secondary"
        disabled={!view.canUndo || session.busy}
        onClick={() => void session.undo()}
      >
        {t('calibration.session.undo')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={!view.canRedo || session.busy}
        onClick={() => void session.redo()}
      >
        {t('calibration.session.redo')}
      </button>
      <SandboxStart sandbox={session.sandbox} locked={locked} />
      <label className="toggle">
        <input
          type="checkbox"
          checked={view.blind}
          onChange={(e) => void session.setBlind(e.target.checked)}
        />{' '}
        {t('calibration.session.blind')}
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={presenter}
          onChange={(e) => {
            onPresenter(e.target.checked)
          }}
        />{' '}
        {t('calibration.session.presenter')}
      </label>
      {!presenter && (
        <button type="button" className="secondary" onClick={onAudit} disabled={auditing}>
          {t('calibration.session.fairness')}
        </button>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => void session.exportWorkbook(locked ? 'results' : 'pre-read')}
      >
        {locked ? t('calibration.session.exportResults') : t('calibration.session.exportPreRead')}
      </button>
      {/* The browser host has no save dialog: the workbook is uploaded, and its calibrated copy downloaded. */}
      <FileButton
        label={t('calibration.into.button')}
        title={t('calibration.into.buttonHint')}
        accept=".xlsx"
        onFile={(file) => {
          setWrittenInto(null)
          void session.exportInto(file).then(
            (result) =>
              result &&
              setWrittenInto(
                t('calibration.into.written', {
                  file: result.fileName,
                  count: result.people,
                  changed: result.changed,
                }),
              ),
          )
        }}
      />
      {writtenInto && (
        <span className="muted" role="status">
          {writtenInto}
        </span>
      )}
      <PrintButton what={t('calibration.session.printWhat')} />
      {!locked && (
        <button type="button" onClick={onFinalize}>
          {t('calibration.session.finalize')}
        </button>
      )}
      {locked && reopening === null && (
        <button type="button" className="secondary" onClick={() => setReopening('')}>
          {t('calibration.session.reopen')}
        </button>
      )}
      {locked && reopening !== null && (
        <form
          className="reopen"
          onSubmit={(e) => {
            e.preventDefault()
            void session.reopen(reopening.trim())
            setReopening(null)
          }}
        >
          {/* Electron has no window.prompt: the reason is asked for inline. */}
          <input
            aria-label={t('calibration.session.whyReopen')}
            placeholder={t('calibration.session.whyReopenPlaceholder')}
            value={reopening}
            onChange={(e) => setReopening(e.target.value)}
          />
          <button type="submit" disabled={reopening.trim().length < 3}>
            {t('calibration.session.reopen')}
          </button>
          <button type="button" className="secondary" onClick={() => setReopening(null)}>
            {t('calibration.session.cancel')}
          </button>
        </form>
      )}
    </div>
  )
}
