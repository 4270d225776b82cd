import type { Catalogue } from '../catalogue'

export const privacy: Catalogue['privacy'] = {
  placeholder: 'placeholder',
}
