import type { Catalogue } from '../catalogue'

export const settings: Catalogue['settings'] = {
  title: 'Ustawienia',
  language: 'Język',
  languageHelp: 'Daty, liczby i wartości procentowe są zapisywane zgodnie z wybranym tutaj językiem.',
  file: {
    region: 'Plik ustawień',
    title: 'Udostępnij te ustawienia',
    intro:
      'Wyeksportuj je do pliku i zaimportuj go w innym obszarze roboczym: plik jest sprawdzany w całości i stosowany w jednym kroku (z zapisem w dzienniku) albo odrzucany ze wskazaniem, co jest nie tak.',
    export: 'Eksportuj plik ustawień',
    import: 'Importuj plik ustawień…',
    input: 'Plik ustawień do zaimportowania',
    notJson: '{file} nie jest plikiem ustawień (to nie jest JSON).',
    applied: 'Zastosowano ustawienia z pliku {file}.',
  },
  calibration: {
    form: 'Domyślne ustawienia kalibracji',
    title: 'Kalibracja: skale, progi i wagi',
    intro: 'Od tego zaczynają nowe sesje; sesja już rozpoczęta zachowuje własne ustawienia.',
    performanceLow: 'Niskie wyniki do (1–5)',
    performanceHigh: 'Wysokie wyniki od (1–5)',
    potentialLow: 'Niski potencjał poniżej (percentyl)',
    potentialHigh: 'Wysoki potencjał od (percentyl)',
    minTenure: 'Minimalny staż (miesiące)',
    agility: 'Wagi zwinności uczenia się',
    component: {
      skillGrowth: 'Rozwój umiejętności',
      assessment: 'Opanowanie materiału w testach',
      breadth: 'Zakres niedawnej nauki',
      stretch: 'Programy rozwojowe poza strefą komfortu',
    },
    labels: 'Nazwy pól',
    box: 'Pole {box}',
  },
  locking: {
    title: 'Blokowanie i kopie zapasowe',
    idle: 'Blokuj po (minutach bez aktywności)',
    backups: 'Liczba zachowywanych kopii automatycznych',
  },
  reason: 'Powód (zapisywany w dzienniku audytu)',
  reasonLabel: 'Powód zmiany ustawień',
  save: 'Zapisz ustawienia',
  discard: 'Odrzuć zmiany',
  saved: 'Ustawienia zapisane; nowe sesje będą z nich korzystać.',
  errors: {
    invalid: 'Nie można zastosować tych ustawień: {problems}.',
    purpose: 'Nie można zastosować tych ustawień: {problem}',
  },
}
