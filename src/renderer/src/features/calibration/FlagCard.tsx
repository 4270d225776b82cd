import { useState } from 'react'
import type { Evidence, FlagSummary } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { EvidenceList } from './EvidenceList'
import { flagName, said } from './labels'

/** One flag in the panel: what it says, the records behind it, and acknowledging or resolving it with a note. */
export function FlagCard({
  flag,
  evidence,
  presenter,
  locked,
  onUpdate,
}: {
  flag: FlagSummary
  /** The records behind the flag, once the person's detail has loaded. */
  evidence: readonly Evidence[] | undefined
  presenter: boolean
  locked: boolean
  onUpdate: (status: 'acknowledged' | 'resolved', note: string) => void
}): React.JSX.Element {
  const [note, setNote] = useState('')
  const translator = useT()
  const { t } = translator
  return (
    <div className={`flag-card severity-${flag.severity}`} data-flag={flag.code}>
      <strong>{flagName(translator, flag.code)}</strong>{' '}
      <span className="muted">
        {t('calibration.flag.statusShown', { status: t(`calibration.flag.status.${flag.status}`) })}
      </span>
      <p>{said(translator, flag.text, flag.rationale)}</p>
      {!presenter && evidence && <EvidenceList items={evidence} />}
      {!presenter && flag.note && <p className="muted">{t('calibration.flag.note', { note: flag.note })}</p>}
      {!presenter && !locked && flag.status !== 'resolved' && (
        <div className="flag-actions">
          <input
            aria-label={t('calibration.flag.noteLabel', { code: flagName(translator, flag.code) })}
            placeholder={t('calibration.flag.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button
            type="button"
            className="secondary"
            disabled={note.trim().length < 3}
            onClick={() => (onUpdate('acknowledged', note.trim()), setNote(''))}
          >
            {t('calibration.flag.acknowledge')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={note.trim().length < 3}
            onClick={() => (onUpdate('resolved', note.trim()), setNote(''))}
          >
            {t('calibration.flag.resolve')}
          </button>
        </div>
      )}
    </div>
  )
}
