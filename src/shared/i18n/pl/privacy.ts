import type { Catalogue } from '../catalogue'

export const privacy: Catalogue['privacy'] = {
  field: {
    department: 'Dział',
    location: 'Lokalizacja',
    jobLevel: 'Poziom stanowiska',
    manager: 'Menedżer',
    gender: 'Płeć',
    age: 'Wiek (rok urodzenia, przedział wieku)',
    ethnicity: 'Pochodzenie etniczne',
    workPattern: 'Wymiar pracy',
  },
  purpose: {
    calibration: 'Kalibracja',
    development: 'Rozwój i analizy',
    fairnessAudit: 'Audyt sprawiedliwości',
  },
  // Dopełniacz: „do celu: kalibracji” → zdania mówią „do {purpose}”.
  purposeInText: {
    calibration: 'kalibracji',
    development: 'rozwoju i analiz',
    fairnessAudit: 'audytu sprawiedliwości',
  },
  purposeOr: '{first} ani {rest}',
  errors: {
    sensitiveOnly:
      '{field} to atrybut wrażliwy: można go używać wyłącznie do audytu sprawiedliwości, nigdy do {purposes}.',
    notAllowed: 'Pola „{field}” nie można używać do {purposes}.',
    notTagged:
      'Pole „{field}” nie jest w tym obszarze roboczym przeznaczone do {purpose} (Obszar roboczy ▸ Cele przetwarzania pól).',
    noPerson: 'W tym obszarze roboczym nie ma osoby {employeeId}.',
    eraseReason: 'Podaj, dlaczego ta osoba jest usuwana (wniosek i jego data).',
  },
  purposes: {
    title: 'Cele przetwarzania pól',
    intro:
      'Do czego można używać każdego pola dotyczącego osoby. Widok lub eksport służący innemu celowi pomija to pole; atrybuty wrażliwe służą wyłącznie audytowi sprawiedliwości.',
    table: 'Cele dla poszczególnych pól',
    field: 'Pole',
    sensitive: 'wrażliwe',
    checkbox: '{field} – {purpose}',
    never: 'Pola „{field}” nigdy nie można używać do celu: {purpose}',
    reason: 'Powód (zapisywany w dzienniku audytu)',
    reasonLabel: 'Powód zmiany celów',
    save: {
      one: 'Zapisz {count} zmianę',
      few: 'Zapisz {count} zmiany',
      many: 'Zapisz {count} zmian',
      other: 'Zapisz {count} zmiany',
    },
    discard: 'Odrzuć',
    saved: {
      one: 'Zapisano {count} pole; każdy widok i eksport już się do tego stosuje. Zmiana została zapisana w dzienniku.',
      few: 'Zapisano {count} pola; każdy widok i eksport już się do nich stosuje. Zmiana została zapisana w dzienniku.',
      many: 'Zapisano {count} pól; każdy widok i eksport już się do nich stosuje. Zmiana została zapisana w dzienniku.',
      other:
        'Zapisano {count} pola; każdy widok i eksport już się do nich stosuje. Zmiana została zapisana w dzienniku.',
    },
  },
  retention: {
    title: 'Okres przechowywania danych',
    intro:
      'Przechowuj każdy rodzaj rekordów tylko tak długo, jak przewiduje Twoja polityka. Najpierw sprawdź podgląd; usunięcia nie można cofnąć.',
    records: 'Rekordy',
    kindLabel: 'Rodzaj rekordów',
    olderThan: 'Starsze niż (lata)',
    olderThanLabel: 'Starsze niż (liczba lat)',
    preview: 'Podgląd',
    reason: 'Powód (zapisywany w dzienniku audytu)',
    reasonLabel: 'Powód usunięcia',
    purge: {
      one: 'Usuń {n} rekord',
      few: 'Usuń {n} rekordy',
      many: 'Usuń {n} rekordów',
      other: 'Usuń {n} rekordu',
    },
    removed: {
      one: 'Usunięto {n} rekord sprzed {before}; okres przechowywania zapisano, a usunięcie odnotowano w dzienniku.',
      few: 'Usunięto {n} rekordy sprzed {before}; okres przechowywania zapisano, a usunięcie odnotowano w dzienniku.',
      many: 'Usunięto {n} rekordów sprzed {before}; okres przechowywania zapisano, a usunięcie odnotowano w dzienniku.',
      other:
        'Usunięto {n} rekordu sprzed {before}; okres przechowywania zapisano, a usunięcie odnotowano w dzienniku.',
    },
    kind: {
      learning: 'Rekordy szkoleń',
      reviews: 'Oceny okresowe',
      competencies: 'Oceny kompetencji',
      surveys: 'Odpowiedzi na ankiety',
      xapi: 'Wyrażenia xAPI',
    },
    kindInText: {
      learning: 'rekordów szkoleń',
      reviews: 'ocen okresowych',
      competencies: 'ocen kompetencji',
      surveys: 'odpowiedzi na ankiety',
      xapi: 'wyrażeń xAPI',
    },
    count: {
      learning: {
        one: '{n} rekord szkolenia',
        few: '{n} rekordy szkoleń',
        many: '{n} rekordów szkoleń',
        other: '{n} rekordu szkoleń',
      },
      reviews: {
        one: '{n} ocena okresowa',
        few: '{n} oceny okresowe',
        many: '{n} ocen okresowych',
        other: '{n} oceny okresowej',
      },
      competencies: {
        one: '{n} ocena kompetencji',
        few: '{n} oceny kompetencji',
        many: '{n} ocen kompetencji',
        other: '{n} oceny kompetencji',
      },
      surveys: {
        one: '{n} odpowiedź na ankietę',
        few: '{n} odpowiedzi na ankiety',
        many: '{n} odpowiedzi na ankiety',
        other: '{n} odpowiedzi na ankiety',
      },
      xapi: {
        one: '{n} wyrażenie xAPI',
        few: '{n} wyrażenia xAPI',
        many: '{n} wyrażeń xAPI',
        other: '{n} wyrażenia xAPI',
      },
    },
    years: { one: '{count} rok', few: '{count} lata', many: '{count} lat', other: '{count} roku' },
    none: 'Nie ustawiono okresu przechowywania dla: {kind}.',
    summary: '{records} z datą przed {before} (ponad {years} temu){oldest}.',
    oldest: ', najstarszy wpis z {date}',
  },
  erase: {
    title: 'Usuń osobę',
    done: 'Usunięto. Usunięte rekordy: {records}; wzmianki w innych miejscach ({mentions}) brzmią teraz {pseudonym}. Plik obszaru roboczego został skompaktowany, więc nie pozostało w nim nic z danych tej osoby.',
    close: 'Zamknij',
    intro:
      'Usuwa wszystko, co przechowujemy o jednej osobie: jej rekordy, miejsce w sesjach kalibracji (także zamkniętych), działania w skrzynce nadawczej i członkostwo w pulach talentów. Oceny, które wystawiła, oraz wpisy dziennika audytu, które ją wymieniają, pozostają pod pseudonimem. Tego nie można cofnąć. Zobacz',
    gdprLink: 'art. 17 RODO',
    employeeId: 'ID pracownika',
    noOne: 'Nie ma nikogo z tym ID pracownika.',
    subjectAccess: 'Eksportuj wszystko, co o niej przechowujemy (art. 15)',
    reason: 'Powód (wniosek i jego data; zapisywany w dzienniku audytu)',
    sure: 'Rozumiem, że tego nie można cofnąć',
    cancel: 'Anuluj',
    erasing: 'Usuwanie…',
    erase: 'Usuń',
  },
  anonymised: {
    title: 'Eksport zanonimizowany',
    intro:
      'Do analiz poza Ninefold: osoby występują pod stałymi pseudonimami (takimi samymi w każdym eksporcie), imiona i nazwiska, adresy e-mail i teksty swobodne są pomijane, daty są skracane do miesiąca, wiek jest podawany w przedziałach, a płeć i pochodzenie etniczne są usuwane.',
    export: 'Eksportuj zanonimizowany skoroszyt',
  },
  export: {
    sensitiveNotice: 'Zawiera atrybuty wrażliwe ({attributes}): {use}',
    subjectAccess: {
      attributes: {
        gender: 'płeć',
        birthYear: 'rok urodzenia',
        ethnicity: 'pochodzenie etniczne',
        workPattern: 'wymiar pracy',
        whereRecorded: 'o ile zostały zapisane',
      },
      use: 'wszystko, co Ninefold przechowuje o osobie {name} ({employeeId}), wyeksportowane {asOf} (art. 15 RODO). Udostępniaj wyłącznie tej osobie i inspektorowi ochrony danych.',
      // Nazwy arkuszy: najwyżej 31 znaków.
      sheet: {
        person: 'Osoba',
        sensitiveAttributes: 'Atrybuty wrażliwe',
        reviews: 'Oceny okresowe',
        competencyRatings: 'Oceny kompetencji',
        learningRecords: 'Rekordy szkoleń',
        surveyResponses: 'Odpowiedzi na ankiety',
        calibrationSessions: 'Sesje kalibracji',
        calibrationMoves: 'Przeniesienia w kalibracji',
        calibrationNotes: 'Notatki z kalibracji',
        calibrationFlags: 'Sygnały kalibracji',
        readinessOverrides: 'Korekty gotowości',
        talentPools: 'Pule talentów',
        learningActions: 'Działania szkoleniowe',
        promotions: 'Awanse',
        xapiStatements: 'Wyrażenia xAPI',
        auditLog: 'Wpisy dziennika audytu',
      },
    },
    anonymised: {
      attributes: { ageBand: 'przedział wieku', workPattern: 'wymiar pracy' },
      use: 'eksport zanonimizowany z {asOf}: pseudonimy zamiast osób, bez imion i nazwisk oraz tekstów swobodnych, daty z dokładnością do miesiąca, wiek w przedziałach.',
      notice:
        'Eksport zanonimizowany z {asOf}: pseudonimy zamiast osób, bez imion i nazwisk oraz tekstów swobodnych, daty z dokładnością do miesiąca, wiek w przedziałach.',
    },
  },
}
