import type { Level } from '../../../shared/contract'
import { LOCALES, translator, type Locale } from '../../../shared/i18n/translate'

/** The Proposals sheet's name and columns in one language: the pre-read writes them, an import reads them. */
export interface Layout {
  sheet: string
  employeeId: string
  name: string
  manager: string
  department: string
  evidenceBox: string
  evidenceLabel: string
  performance: string
  potential: string
  proposedBox: string
  proposedPerformance: string
  proposedPotential: string
  proposedBy: string
  comment: string
  /** The level words a manager may type, in this language (the codes and "medium" are read too). */
  levels: Record<Level, string>
}

export function layoutFor(locale: Locale): Layout {
  const { t } = translator(locale)
  return {
    sheet: t('calibration.proposals.sheet'),
    employeeId: t('calibration.export.col.employeeId'),
    name: t('calibration.export.col.name'),
    manager: t('calibration.export.col.manager'),
    department: t('calibration.export.col.department'),
    evidenceBox: t('calibration.proposals.col.evidenceBox'),
    evidenceLabel: t('calibration.proposals.col.evidenceLabel'),
    performance: t('calibration.export.col.performance'),
    potential: t('calibration.export.col.potential'),
    proposedBox: t('calibration.proposals.col.proposedBox'),
    proposedPerformance: t('calibration.proposals.col.proposedPerformance'),
    proposedPotential: t('calibration.proposals.col.proposedPotential'),
    proposedBy: t('calibration.proposals.col.proposedBy'),
    comment: t('calibration.proposals.col.comment'),
    levels: {
      low: t('calibration.level.low'),
      moderate: t('calibration.level.moderate'),
      high: t('calibration.level.high'),
    },
  }
}

/** Every language's layout, English first: a workbook exported in any of them is read back. */
export const LAYOUTS: readonly Layout[] = (Object.keys(LOCALES) as Locale[])
  .sort((a, b) => Number(b === 'en') - Number(a === 'en'))
  .map(layoutFor)
