import { useState } from 'react'
import { moveNeedsText, moveReasonCode, type MoveReasonCode } from '../../../../shared/contract/calibration'
import { FormDialog } from '../../components/FormDialog'
import { useT } from '../../i18n'
import { reasonLabel } from './labels'

/**
 * Every move needs a reason code for the report; words for the record only when the code is "other" or the
 * session asks for them (a meeting moves dozens of people: one choice and Enter is enough). No code is chosen for
 * the user, so a stray drag cannot be confirmed by accident. Cancel leaves the person in place.
 */
export function MoveDialog({
  who,
  from,
  to,
  requireText = false,
  onConfirm,
  onCancel,
}: {
  who: string
  /** Null when the people moved come from different boxes. */
  from: number | null
  to: number
  /** The session's setting: every move needs words. */
  requireText?: boolean
  onConfirm: (reasonCode: MoveReasonCode, reason: string) => void
  onCancel: () => void
}): React.JSX.Element {
  const [code, setCode] = useState<MoveReasonCode | ''>('')
  const [reason, setReason] = useState('')
  const needsText = code !== '' && moveNeedsText(code, { requireMoveText: requireText })
  const words = reason.trim()
  // Words are optional, but a word or two that is there must still say something (the service's rule).
  const valid = code !== '' && (needsText ? words.length >= 3 : words.length === 0 || words.length >= 3)
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
      onSubmit={() => code !== '' && onConfirm(code, words)}
      onCancel={onCancel}
    >
      <label>
        {t('calibration.move.reason')}
        <select
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value as MoveReasonCode)}
          // A form submits on Enter from a text field, not from a list: here too, a chosen code and Enter move.
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || !valid) return
            e.preventDefault()
            e.currentTarget.form?.requestSubmit()
          }}
          data-testid="move-reason-code"
        >
          <option value="" disabled>
            {t('calibration.move.chooseReason')}
          </option>
          {moveReasonCode.options.map((c) => (
            <option key={c} value={c}>
              {reasonLabel(translator, c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {needsText || requireText ? t('calibration.move.why') : t('calibration.move.whyOptional')}
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          required={needsText}
          placeholder={t('calibration.move.whyPlaceholder')}
        />
      </label>
      {code === 'other' && words.length < 3 && (
        <p className="muted small">{t('calibration.move.otherNeedsWords')}</p>
      )}
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
