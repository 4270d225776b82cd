import { useState } from 'react'
import { moveReasonCode } from '../../../../shared/contract/calibration'
import { FormDialog } from '../../components/FormDialog'
import { useT } from '../../i18n'
import { reasonLabel } from './labels'

/** Every move needs a reason: a code for the report and words for the record. Cancel leaves the person in place. */
export function MoveDialog({
  who,
  from,
  to,
  onConfirm,
  onCancel,
}: {
  who: string
  /** Null when the people moved come from different boxes. */
  from: number | null
  to: number
  onConfirm: (reasonCode: (typeof moveReasonCode.options)[number], reason: string) => void
  onCancel: () => void
}): React.JSX.Element {
  const [code, setCode] = useState<(typeof moveReasonCode.options)[number]>('calibration-consensus')
  const [reason, setReason] = useState('')
  const valid = reason.trim().length >= 3
  const translator = useT()
  const { t } = translator
  return (
    <FormDialog
      title={
        from === null
          ? t('calibration.move.title', { who, to })
          : t('calibration.move.titleFrom', { who, from, to })
      }
      valid={valid}
      onSubmit={() => onConfirm(code, reason.trim())}
      onCancel={onCancel}
    >
      <label>
        {t('calibration.move.reason')}
        <select value={code} onChange={(e) => setCode(e.target.value as typeof code)}>
          {moveReasonCode.options.map((c) => (
            <option key={c} value={c}>
              {reasonLabel(translator, c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('calibration.move.why')}
        <textarea
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          placeholder={t('calibration.move.whyPlaceholder')}
        />
      </label>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('calibration.move.cancel')}
        </button>
        <button type="submit" disabled={!valid}>
          {t('calibration.move.move')}
        </button>
      </div>
    </FormDialog>
  )
}
