import { useMemo } from 'react'
import type { CalibrationView } from '../../../../shared/contract'
import { allClear, finalizeSummary } from '../../../../core/calibration/finalizeSummary'
import { FormDialog } from '../../components/FormDialog'
import { useT } from '../../i18n'
import { boxLabel } from './labels'
import './finalizeDialog.css'

/**
 * The check before a session is locked: who was not discussed, the flags still open, the boxes off target and the
 * holding area, then a confirmation. When the session enforces its targets and a box is off, it says so and offers
 * no way to finalize (the service refuses too).
 */
export function FinalizeDialog({
  view,
  onConfirm,
  onCancel,
}: {
  view: CalibrationView
  onConfirm: () => void
  onCancel: () => void
}): React.JSX.Element {
  const summary = useMemo(() => finalizeSummary(view), [view])
  const translator = useT()
  const { t } = translator
  return (
    <FormDialog
      title={t('calibration.finalize.title', { name: view.name })}
      valid={!summary.refused}
      onSubmit={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('calibration.finalize.intro')}</p>
      {allClear(summary) ? (
        <p data-testid="finalize-clear">{t('calibration.finalize.allClear')}</p>
      ) : (
        <ul className="finalize-summary" data-testid="finalize-summary">
          {summary.notDiscussed > 0 && (
            <li>{t('calibration.finalize.notDiscussed', { count: summary.notDiscussed })}</li>
          )}
          {summary.openFlags > 0 && (
            <li>{t('calibration.finalize.openFlags', { count: summary.openFlags })}</li>
          )}
          {summary.offTarget.length > 0 && (
            <li>
              {t('calibration.finalize.offTarget', { count: summary.offTarget.length })}
              <ul>
                {summary.offTarget.map((d) => (
                  <li key={d.box}>
                    {t('calibration.finalize.offTargetBox', {
                      box: d.box,
                      label: boxLabel(translator, view.settings.labels, d.box),
                      actual: d.actual,
                      target: d.targetCount,
                      deviation: t(`calibration.export.deviation.${d.deviation}`),
                    })}
                  </li>
                ))}
              </ul>
            </li>
          )}
          {summary.holding > 0 && <li>{t('calibration.finalize.holding', { count: summary.holding })}</li>}
        </ul>
      )}
      {summary.refused && (
        <p className="error" role="alert">
          {t('calibration.finalize.enforced')}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="secondary" autoFocus onClick={onCancel}>
          {t('calibration.finalize.cancel')}
        </button>
        {!summary.refused && <button type="submit">{t('calibration.finalize.confirm')}</button>}
      </div>
    </FormDialog>
  )
}
