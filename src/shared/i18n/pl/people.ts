import type { Catalogue } from '../catalogue'

export const people: Catalogue['people'] = {
  search: 'Szukaj osób',
  searchPlaceholder: 'Szukaj po nazwisku, ID, e-mailu lub stanowisku',
  department: 'Dział',
  allDepartments: 'Wszystkie działy',
  location: 'Lokalizacja',
  allLocations: 'Wszystkie lokalizacje',
  jobLevel: 'Poziom stanowiska',
  allJobLevels: 'Wszystkie poziomy stanowisk',
  managerOutside: '{name} (spoza obszaru roboczego)',
  loading: 'Wczytywanie…',
  count: { one: '{count} osoba', few: '{count} osoby', many: '{count} osób', other: '{count} osoby' },
  erase: 'Usuń osobę…',
  table: 'Osoby',
  noMatch: 'Żadna osoba nie pasuje.',
  col: {
    name: 'Imię i nazwisko',
    employeeId: 'ID pracownika',
    jobTitle: 'Stanowisko',
    level: 'Poziom',
    department: 'Dział',
    location: 'Lokalizacja',
    manager: 'Menedżer',
    hired: 'Zatrudniony',
  },
}
