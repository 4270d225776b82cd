import type { Catalogue } from '../catalogue'

export const insights: Catalogue['insights'] = {
  placeholder: 'placeholder',
}
