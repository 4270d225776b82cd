import type { Catalogue } from '../catalogue'

export const succession: Catalogue['succession'] = {
  placeholder: 'placeholder',
}
