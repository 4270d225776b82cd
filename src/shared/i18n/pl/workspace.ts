import type { Catalogue } from '../catalogue'

export const workspace: Catalogue['workspace'] = {
  placeholder: 'placeholder',
}
