import { useState } from 'react'
import { moveReasonCode } from '../../../../shared/contract/calibration'
import { FormDialog } from '../../components/FormDialog'

const REASON_LABELS: Record<(typeof moveReasonCode.options)[number], string> = {
  'evidence-not-in-system': 'Evidence not in the system',
  'rating-inflated': 'Rating inflated',
  'rating-deflated': 'Rating deflated',
  'scope-of-role': 'Scope of the role',
  'recent-change': 'Recent change',
  'calibration-consensus': 'Consensus of the meeting',
  other: 'Other',
}

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
  return (
    <FormDialog
      title={`Move ${who} ${from === null ? '' : `from box ${from} `}to box ${to}`}
      valid={valid}
      onSubmit={() => onConfirm(code, reason.trim())}
      onCancel={onCancel}
    >
      <label>
        Reason
        <select value={code} onChange={(e) => setCode(e.target.value as typeof code)}>
          {moveReasonCode.options.map((c) => (
            <option key={c} value={c}>
              {REASON_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Why (recorded in the session log)
        <textarea
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          placeholder="What the meeting agreed, and on what evidence"
        />
      </label>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={!valid}>
          Move
        </button>
      </div>
    </FormDialog>
  )
}
