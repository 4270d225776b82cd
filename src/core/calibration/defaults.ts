import type { CalibrationSettings } from '../../shared/contract/calibration'

export const DEFAULT_BOX_LABELS: Readonly<Record<string, string>> = {
  '1': 'Underperformer',
  '2': 'Effective',
  '3': 'Trusted Professional',
  '4': 'Inconsistent',
  '5': 'Core Player',
  '6': 'High Impact',
  '7': 'Miscast Talent (Enigma)',
  '8': 'Growth',
  '9': 'Star / High Potential',
}

/** A common guidance curve: most people in the middle, about a fifth in the top-right three boxes. */
export const DEFAULT_TARGETS: Readonly<Record<string, number>> = {
  '1': 5,
  '2': 10,
  '3': 10,
  '4': 10,
  '5': 30,
  '6': 10,
  '7': 5,
  '8': 10,
  '9': 10,
}

export function defaultSettings(asOf: string): CalibrationSettings {
  return {
    asOf,
    performanceCuts: { lowMax: 2, highMin: 4 },
    potential: {
      source: 'agility',
      agilityWeight: 0.5,
      cuts: { mode: 'percentile', low: 30, high: 80 },
      managerScale: { min: 1, max: 3 },
    },
    agilityWeights: { skillGrowth: 0.35, assessment: 0.3, breadth: 0.2, stretch: 0.15 },
    minTenureMonths: 6,
    raterZ: 2,
    raterMinRated: 4,
    staleEvidenceMonths: 18,
    hiddenGemTopShare: 0.2,
    targets: { ...DEFAULT_TARGETS },
    enforceTargets: false,
    labels: { ...DEFAULT_BOX_LABELS },
  }
}
