import type { Catalogue } from '../catalogue'

export const calibration: Catalogue['calibration'] = {
  placeholder: 'placeholder',
}
