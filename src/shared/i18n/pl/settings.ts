import type { Catalogue } from '../catalogue'

export const settings: Catalogue['settings'] = {
  title: 'Ustawienia',
  language: 'Język',
  languageHelp: 'Daty, liczby i wartości procentowe są zapisywane zgodnie z wybranym tutaj językiem.',
}
