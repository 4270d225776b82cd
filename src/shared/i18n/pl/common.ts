import type { Catalogue } from '../catalogue'

export const common: Catalogue['common'] = {
  ordinal: { other: '{count}.' },
  somethingWrong: 'Coś poszło nie tak. Spróbuj ponownie.',
  print: 'Drukuj / PDF',
  printTitle: 'Wydrukuj {what} lub zapisz jako PDF',
  errors: {
    unknownMethod: 'Nie ma metody o nazwie „{method}”.',
    invalidInput: 'Nieprawidłowe dane wejściowe dla {method}: {detail}',
    internal:
      'Coś poszło nie tak wewnątrz Ninefold. Nieudany krok niczego nie zmienił; szczegóły są w dzienniku.',
  },
  jobs: {
    alreadyRunning: 'Zadanie o identyfikatorze {id} już trwa.',
    cancelled: 'Anulowano. Nic z tego zadania nie zostało zachowane.',
    theJob: 'Zadanie',
    demoFill: {
      one: 'Wypełnianie danymi przykładowymi ({count} osoba)',
      few: 'Wypełnianie danymi przykładowymi ({count} osoby)',
      many: 'Wypełnianie danymi przykładowymi ({count} osób)',
      other: 'Wypełnianie danymi przykładowymi ({count} osoby)',
    },
    importOf: 'Import pliku {file}',
    exportOf: 'Eksport pliku {file}',
    finished: '{what}: zakończono.',
    wasCancelled: '{what}: anulowano; nic nie zostało zachowane.',
    failed: '{what}: nie zakończono: {error}',
  },
  paths: {
    dialogOnly:
      'W hoście przeglądarkowym {method} nie przyjmuje ścieżki pliku: plik wraca do przeglądarki do pobrania.',
    notStaged:
      'W hoście przeglądarkowym {method} czyta tylko plik przesłany do tego hosta, a nie „{path}”. Wybierz plik ponownie.',
    outsideDataDirectory:
      'W hoście przeglądarkowym {method} sięga tylko do plików w katalogu danych ({directory}), a „{path}” do nich nie należy (dowiązania są rozwiązywane).',
  },
  host: {
    notConnected:
      'Ta karta nie jest połączona z działającym hostem Ninefold. Otwórz adres, który host wypisał przy starcie (zawiera token dostępu).',
    refused: 'Host Ninefold odrzucił tę stronę.',
    status: 'Host Ninefold odpowiedział kodem HTTP {status}.',
    unreachable: 'Nie można połączyć się z hostem Ninefold. Czy nadal działa?',
  },
}
