import type { Catalogue } from '../catalogue'

export const fairness: Catalogue['fairness'] = {
  placeholder: 'placeholder',
}
