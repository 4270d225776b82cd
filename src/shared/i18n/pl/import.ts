import type { Catalogue } from '../catalogue'

export const importMessages: Catalogue['import'] = {
  placeholder: 'placeholder',
}
