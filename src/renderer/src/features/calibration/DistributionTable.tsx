import { memo } from 'react'
import type { CalibrationView } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { boxLabel } from './labels'

/** The distribution under the grid: each box computed, now and against its target, off-target rows marked. */
export const DistributionTable = memo(function DistributionTable({
  distribution,
}: {
  distribution: CalibrationView['distribution']
}): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  return (
    <>
      <table className="distribution" aria-label={t('calibration.distribution.label')}>
        <thead>
          <tr>
            <th>{t('calibration.distribution.box')}</th>
            <th>{t('calibration.distribution.boxLabel')}</th>
            <th>{t('calibration.distribution.computed')}</th>
            <th>{t('calibration.distribution.now')}</th>
            <th>{t('calibration.distribution.target')}</th>
          </tr>
        </thead>
        <tbody>
          {distribution.map((d) => (
            <tr key={d.box} className={d.deviation === 'on-target' ? '' : `deviation-${d.deviation}`}>
              <td>{d.box}</td>
              <td>{boxLabel(translator, { [d.box]: d.label }, d.box)}</td>
              <td>{d.computed}</td>
              <td>{d.actual}</td>
              <td>
                {t('calibration.distribution.targetCell', {
                  count: d.targetCount,
                  percent: d.targetPercent,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('calibration.distribution.rule')}</p>
    </>
  )
})
