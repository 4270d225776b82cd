import type { CalibrationView } from '../../../../shared/contract'
import { useT } from '../../i18n'

/**
 * What a roll-up link means for this session, under the toolbar: a roll-up names the sessions it is made of (and
 * any reopened since it began); a child locked by an open roll-up says where moves happen now and what else it can do.
 */
export function RollupNotice({ view }: { view: CalibrationView }): React.JSX.Element | null {
  const { t } = useT()
  const children = view.rollupOf ?? []
  const parent = view.status === 'finalized' ? view.rollupIn?.[0] : undefined
  if (children.length === 0 && !parent) return null
  return (
    <div className="notice rollup-notice" data-testid="rollup-notice">
      {children.length > 0 && (
        <>
          <p>
            <strong>
              {t('calibration.rollup.of', { sessions: children.map((c) => c.name).join(', ') })}
            </strong>{' '}
            {t('calibration.rollup.ofHint')}
          </p>
          {children
            .filter((c) => c.status !== 'finalized')
            .map((c) => (
              <p key={c.sessionId} className="muted">
                {t('calibration.rollup.childReopened', { session: c.name })}
              </p>
            ))}
        </>
      )}
      {parent && <p>{t('calibration.rollup.lockedBy', { rollup: parent.name })}</p>}
    </div>
  )
}
