import type { MethodOutput } from '../../../../shared/contract'
import { useT } from '../../i18n'

type Sessions = MethodOutput<'calibration.list'>

/** The finalized sessions a roll-up can be made of, each with a checkbox; what to do first when there is none. */
export function RollupPicker({
  sessions,
  picked,
  onChange,
}: {
  sessions: Sessions
  picked: ReadonlySet<string>
  onChange: (picked: ReadonlySet<string>) => void
}): React.JSX.Element {
  const { t } = useT()
  if (sessions.length === 0) return <p className="muted">{t('calibration.rollup.noFinalized')}</p>
  return (
    <fieldset className="rollup-picker">
      <legend>{t('calibration.rollup.pickSessions')}</legend>
      {sessions.map((s) => (
        <label key={s.sessionId} className="inline">
          <input
            type="checkbox"
            checked={picked.has(s.sessionId)}
            onChange={(e) => {
              const next = new Set(picked)
              if (e.target.checked) next.add(s.sessionId)
              else next.delete(s.sessionId)
              onChange(next)
            }}
          />{' '}
          {t('calibration.rollup.sessionOption', { name: s.name, cycle: s.cycle, count: s.people })}
        </label>
      ))}
      <p className="muted small">{t('calibration.rollup.pickHint')}</p>
    </fieldset>
  )
}
