import type { Catalogue } from '../catalogue'

export const workspace: Catalogue['workspace'] = {
  welcome: {
    tagline:
      'Przeglądy talentów, kalibracja i sukcesja, wyłącznie na tym komputerze. Każdy obszar roboczy to zaszyfrowany plik.',
    footer: 'Ninefold {version} · {shell} · dane w',
    browserHost: 'serwer przeglądarkowy na 127.0.0.1',
  },
  open: {
    title: 'Otwórz obszar roboczy',
    known: 'Ostatnie i znane obszary robocze',
    none: 'Nie ma jeszcze obszarów roboczych. Utwórz nowy albo wpisz ścieżkę pliku obszaru roboczego.',
    file: 'Plik obszaru roboczego',
    recoveryKey: 'Klucz odzyskiwania',
    newPassphrase: 'Nowe hasło',
    repeatNew: 'Powtórz nowe hasło',
    passphrase: 'Hasło',
    passphraseKeychain: 'Hasło (zostaw puste, aby użyć pęku kluczy systemu)',
    opening: 'Otwieranie…',
    recover: 'Odzyskaj i ustaw nowe hasło',
    open: 'Otwórz',
    back: 'Wróć do hasła',
    forgot: 'Nie pamiętasz hasła? Użyj klucza odzyskiwania',
    mismatch: 'Dwa nowe hasła się różnią.',
    restoreDamaged: 'Przywróć najnowszą poprawną kopię zapasową',
    restoringDamaged: 'Przywracanie…',
  },
  create: {
    title: 'Utwórz obszar roboczy',
    name: 'Nazwa',
    namePlaceholder: 'Przegląd talentów EMEA 2026',
    savedAs: 'Zapisany jako {path}',
    keychain: 'Odblokowuj pękiem kluczy tego komputera zamiast hasłem',
    passphrase: 'Hasło (co najmniej {min} znaków)',
    repeat: 'Powtórz hasło',
    mismatch: 'Podane hasła się różnią.',
    recoveryHint:
      'Otrzymasz też klucz odzyskiwania, pokazany tylko raz, na wypadek gdyby hasło zostało zapomniane.',
    demo: 'Wypełnij go przykładową organizacją',
    demoSize: 'Wielkość przykładu',
    demoPeople: { one: '{count} osoba', few: '{count} osoby', many: '{count} osób', other: '{count} osoby' },
    demoProgress: 'Tworzenie przykładowych osób: {done} z {total}',
    creating: 'Tworzenie…',
    cancel: 'Anuluj',
    submit: 'Utwórz obszar roboczy',
  },
  recovery: {
    title: 'Zachowaj klucz odzyskiwania',
    bodyBefore:
      'Jeśli hasło zostanie zapomniane albo pęk kluczy tego komputera utraci swój wpis, ten klucz będzie jedyną drogą powrotu do obszaru',
    bodyShown: 'Jest pokazywany',
    bodyOnlyNow: 'tylko teraz',
    copy: 'Kopiuj',
    copied: 'Skopiowano',
    save: 'Zapisz jako plik…',
    print: 'Drukuj',
    stored: 'Klucz odzyskiwania jest zapisany w bezpiecznym miejscu, poza tym komputerem',
    continue: 'Przejdź do obszaru roboczego',
    fileName: '{workspace} klucz odzyskiwania.txt',
    fileText:
      'Klucz odzyskiwania Ninefold dla „{workspace}”\n\n{key}\n\nOtwiera obszar roboczy, jeśli hasło zostanie zapomniane albo wpis w pęku kluczy komputera zostanie utracony. Przechowuj go z dala od komputera, jak zapasowy klucz do domu.\n',
  },
  overview: {
    file: 'Plik',
    created: 'Utworzono',
    people: 'Osoby',
    protection: 'Ochrona',
    encrypted: 'Zaszyfrowany na dysku (SQLCipher 4, AES-256) · {how}',
    protectedBy: {
      'os-keychain': 'klucz przechowywany w pęku kluczy systemu',
      passphrase: 'hasło',
      'key-file': 'plik klucza',
    },
    schema: 'Wersja schematu',
    changeTitle: 'Zmień hasło',
    current: 'Obecne hasło',
    next: 'Nowe hasło (co najmniej {min} znaków)',
    changed: 'Hasło zostało zmienione. Od teraz używaj nowego.',
    change: 'Zmień hasło',
  },
  backups: {
    title: 'Kopie zapasowe',
    intro:
      'Kopie pozostają zaszyfrowane kluczem obszaru roboczego i są sprawdzane strona po stronie przy tworzeniu oraz przed przywróceniem. Kopie automatyczne powstają przed aktualizacją i przed importem, który zmienia rekordy.',
    backUp: 'Utwórz kopię teraz',
    keep: {
      one: 'Zachowywana jest {count} najnowsza kopia automatyczna (Ustawienia).',
      few: 'Zachowywane są {count} najnowsze kopie automatyczne (Ustawienia).',
      many: 'Zachowywanych jest {count} najnowszych kopii automatycznych (Ustawienia).',
      other: 'Zachowywane jest {count} najnowszej kopii automatycznej (Ustawienia).',
    },
    none: 'Nie ma jeszcze kopii zapasowych.',
    list: 'Lista kopii zapasowych',
    made: 'Utworzona',
    why: 'Powód',
    size: 'Rozmiar',
    megabytes: '{size} MB',
    kilobytes: '{size} KB',
    reason: {
      manual: 'Utworzona ręcznie',
      'before-migration': 'Przed aktualizacją obszaru roboczego',
      'before-import': 'Przed importem, który zmienił rekordy',
      'before-restore': 'Obszar roboczy sprzed przywrócenia',
    },
    confirm: 'Potwierdź przywrócenie',
    question: 'Zastąpić obszar roboczy tą kopią?',
    restore: 'Przywróć',
    cancel: 'Anuluj',
    restoreOpen: 'Przywróć…',
    restoreLabel: 'Przywróć kopię z {date}',
    backedUp: {
      one: 'Kopia utworzona i sprawdzona: {count} osoba, schemat {schema}.',
      few: 'Kopia utworzona i sprawdzona: {count} osoby, schemat {schema}.',
      many: 'Kopia utworzona i sprawdzona: {count} osób, schemat {schema}.',
      other: 'Kopia utworzona i sprawdzona: {count} osoby, schemat {schema}.',
    },
    restored: {
      one: 'Przywrócono kopię z {date} ({count} osoba). Obszar roboczy w poprzednim stanie zachowano jako kopię.',
      few: 'Przywrócono kopię z {date} ({count} osoby). Obszar roboczy w poprzednim stanie zachowano jako kopię.',
      many: 'Przywrócono kopię z {date} ({count} osób). Obszar roboczy w poprzednim stanie zachowano jako kopię.',
      other:
        'Przywrócono kopię z {date} ({count} osoby). Obszar roboczy w poprzednim stanie zachowano jako kopię.',
    },
  },
  verify: {
    title: 'Weryfikacja',
    intro:
      'Czyta każdą stronę pliku obszaru roboczego i sprawdza ją: każda strona uwierzytelnia się kluczem, struktura bazy i powiązania między rekordami są spójne, a schemat jest znany tej wersji Ninefold.',
    run: 'Zweryfikuj obszar roboczy',
    running: 'Weryfikacja…',
    whole:
      'Plik cały: wszystkie strony ({pages}) pliku {path} uwierzytelniają się, baza jest spójna, schemat {schema}.',
    notWhole: 'Plik {path} jest uszkodzony:',
  },
  damage: {
    empty: 'plik jest pusty',
    foreign: 'to {kind}, a nie obszar roboczy Ninefold',
    kind: {
      sqlite: 'niezaszyfrowana baza SQLite',
      png: 'obraz PNG',
      zip: 'plik zip (na przykład skoroszyt Excela)',
      pdf: 'dokument PDF',
    },
    wrongLength: 'jego długość ({size} bajtów) nie jest całkowitą liczbą stron po {pageSize} bajtów',
    truncated: 'liczba stron w pliku: {pages}, a baza potrzebuje ich: {expected}; plik został obcięty',
    tooLong: 'liczba stron w pliku: {pages}, a baza ma ich: {expected}',
    firstPage:
      'jego pierwsza strona nie przechodzi kontroli uwierzytelnienia, choć dalsze strony otwierają się tym kluczem',
    pagesFailed: 'strony, które nie przechodzą kontroli uwierzytelnienia: {list}',
    malformed: 'SQLite zgłasza: {detail}',
    foreignKeys: 'wiersze wskazujące na nieistniejące rekordy: {list}',
    noSchema: 'nie zawiera schematu Ninefold',
    newerSchema: 'jego wersja schematu {schema} jest nowsza niż znana tej wersji Ninefold ({known})',
  },
  busy: {
    demoFill: 'wypełnianie danymi przykładowymi',
    import: 'trwający import',
  },
  errors: {
    noWorkspace: 'Najpierw otwórz lub utwórz obszar roboczy.',
    locked: '„{name}” jest zablokowany: odblokuj go hasłem lub kluczem, aby kontynuować.',
    busy: 'Poczekaj, aż zakończy się {what}, albo anuluj tę operację.',
    notLocked: 'Żaden obszar roboczy nie jest zablokowany.',
    keychainNoPassphrase:
      'Ten obszar roboczy jest odblokowywany pękiem kluczy systemu i nie ma hasła, które można zmienić.',
    keyFileNoPassphrase:
      'Ten obszar roboczy otwarto plikiem klucza; klucz zmienia się w wierszu poleceń (CLI), a nie jako hasło.',
    wrongPassphrase:
      'To hasło nie otwiera tego obszaru roboczego. Niczego nie zmieniono; sprawdź je albo użyj klucza odzyskiwania.',
    enterPassphrase: 'Podaj hasło do tego obszaru roboczego.',
    noRecoveryKey:
      'Ten obszar roboczy nie ma klucza odzyskiwania (powstał, zanim wprowadzono klucze odzyskiwania, albo jest otwierany plikiem klucza).',
    wrongRecoveryKey: 'Ten klucz odzyskiwania nie otwiera tego obszaru roboczego. Niczego nie zmieniono.',
    enterToUnlock: 'Podaj hasło (lub klucz), aby odblokować obszar roboczy.',
    notCurrentPassphrase: 'To nie jest obecne hasło. Niczego nie zmieniono.',
    backupOverWorkspace: 'Kopia zapasowa nie może zastąpić samego obszaru roboczego.',
    openIsNotBackup: 'To jest otwarty obszar roboczy, a nie kopia zapasowa.',
    noKeychain: 'Ta powłoka nie ma systemowego pęku kluczy; chroń obszar roboczy hasłem.',
    insecureKeychain:
      'Systemowy pęk kluczy przechowuje tu sekrety jawnym tekstem (nie działa żadna usługa pęku kluczy), więc nie może chronić obszaru roboczego. Wybierz zamiast tego hasło.',
    sidecarExists:
      '{path} już istnieje (klucz innego obszaru roboczego?). Przenieś ten plik albo wybierz inną nazwę.',
    keychainFailed:
      'Systemowy pęk kluczy nie mógł odblokować tego obszaru roboczego (czy utworzono go na innym komputerze lub innym koncie użytkownika?). Niczego nie zmieniono.',
    choosePassphrase: 'Wybierz hasło chroniące ten obszar roboczy.',
    shortPassphrase: 'Hasło musi mieć co najmniej {min} znaków; dobrze sprawdza się kilka zwykłych słów.',
    emptyKey: 'Klucz jest pusty: jego pierwszy wiersz musi zawierać klucz.',
    keyFileMissing: 'Plik klucza {path} nie istnieje lub nie można go odczytać.',
    keyFileReadable:
      'Plik klucza {path} mogą odczytać inni użytkownicy (uprawnienia {mode}). Uruchom: chmod 600 {path}',
    slotsDamaged: 'Plik {path} jest uszkodzony: nie można z niego odczytać kluczy obszaru roboczego.',
    slotsExist:
      '{path} już istnieje (klucze innego obszaru roboczego?). Przenieś ten plik albo wybierz inną nazwę.',
    newerSchema:
      'Ten obszar roboczy zapisała nowsza wersja Ninefold (schemat {schema}; ta wersja zna schematy do {known}). Zaktualizuj Ninefold, aby go otworzyć.',
    mustProtect: 'Obszar roboczy musi być chroniony hasłem lub kluczem.',
    encrypted: 'Ten obszar roboczy jest zaszyfrowany: podaj jego hasło lub klucz.',
    exists: 'W {path} już istnieje obszar roboczy.',
    noWorkspaceAt: 'W {path} nie ma obszaru roboczego.',
    noFileAt: 'Nie ma pliku {path}.',
    wrongKey:
      'To hasło lub klucz nie otwiera tego obszaru roboczego. Niczego nie zmieniono; sprawdź je i spróbuj ponownie.',
    damaged: 'Plik {path} jest uszkodzony ({problem}). Niczego nie zmieniono.',
    damagedWorkspace: 'Plik {path} jest uszkodzony: {problem}. Niczego do niego nie zapisano.',
    damagedRestore:
      'Plik {path} jest uszkodzony: {problem}. Niczego do niego nie zapisano. Najnowsza poprawna kopia zapasowa to {backup} z {createdAt}: przywróć ją, aby pracować dalej.',
    notDamaged: 'Plik {path} jest cały: przywróć kopię zapasową z ekranu Obszar roboczy.',
    damagedNoBackup:
      'Plik {path} jest uszkodzony: {problem}. Niczego do niego nie zapisano, a żadna z jego automatycznych kopii zapasowych nie jest poprawna: przywróć kopię przechowywaną gdzie indziej.',
    foreignBackup:
      'Pliku {path} nie da się otworzyć kluczem tego obszaru roboczego: to kopia innego obszaru roboczego, kopia sprzed zmiany hasła albo plik jest uszkodzony. Niczego nie zmieniono.',
    notWorkspace: '{path} nie jest obszarem roboczym Ninefold. Niczego nie zmieniono.',
    newerBackup:
      'Plik {path} zapisała nowsza wersja Ninefold (schemat {schema}; ta wersja zna schematy do {known}). Niczego nie zmieniono.',
    demoNotEmpty: {
      one: 'Ten obszar roboczy zawiera już {count} osobę; dane przykładowe trafiają tylko do pustego obszaru roboczego.',
      few: 'Ten obszar roboczy zawiera już {count} osoby; dane przykładowe trafiają tylko do pustego obszaru roboczego.',
      many: 'Ten obszar roboczy zawiera już {count} osób; dane przykładowe trafiają tylko do pustego obszaru roboczego.',
      other:
        'Ten obszar roboczy zawiera już {count} osoby; dane przykładowe trafiają tylko do pustego obszaru roboczego.',
    },
  },
}
