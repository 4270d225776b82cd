import type { Catalogue } from '../catalogue'

export const common: Catalogue['common'] = {
  somethingWrong: 'Coś poszło nie tak. Spróbuj ponownie.',
}
