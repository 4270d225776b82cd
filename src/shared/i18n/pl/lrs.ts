import type { Catalogue } from '../catalogue'

export const lrs: Catalogue['lrs'] = {
  busy: 'pobieranie z {name}',
  job: 'Pobieranie z {name}',
  errors: {
    internal:
      'Pobieranie nie powiodło się z powodu błędu w Ninefold; jest zapisany w dzienniku. Strony zapisane wcześniej zostają.',
    cancelled: 'Pobieranie anulowano, zanim zapisano jakąkolwiek stronę; nic się nie zmieniło.',
    cancelledKept: {
      one: 'Pobieranie anulowano. Zapisane już strony ({pages}) z {count} wyrażeniem zostają; następne pobieranie zacznie się po nich.',
      few: 'Pobieranie anulowano. Zapisane już strony ({pages}) z {count} wyrażeniami zostają; następne pobieranie zacznie się po nich.',
      many: 'Pobieranie anulowano. Zapisane już strony ({pages}) z {count} wyrażeniami zostają; następne pobieranie zacznie się po nich.',
      other:
        'Pobieranie anulowano. Zapisane już strony ({pages}) z {count} wyrażeniami zostają; następne pobieranie zacznie się po nich.',
    },
    keptAfter: {
      one: '{error} Strony zapisane wcześniej ({pages}) z {count} wyrażeniem zostają; następne pobieranie zacznie się po nich.',
      few: '{error} Strony zapisane wcześniej ({pages}) z {count} wyrażeniami zostają; następne pobieranie zacznie się po nich.',
      many: '{error} Strony zapisane wcześniej ({pages}) z {count} wyrażeniami zostają; następne pobieranie zacznie się po nich.',
      other:
        '{error} Strony zapisane wcześniej ({pages}) z {count} wyrażeniami zostają; następne pobieranie zacznie się po nich.',
    },
    auth: 'LRS pod adresem {host} odrzucił dane logowania (HTTP {status}): sprawdź klucz i sekret tego połączenia.',
    refused: 'LRS pod adresem {host} odrzucił żądanie (HTTP {status}): {server}',
    unavailable: 'LRS pod adresem {host} nie odpowiedział po {attempts} próbach ({reason}). Spróbuj później.',
    notJson: 'LRS pod adresem {host} odpowiedział czymś, co nie jest JSON-em.',
    notStatementResult:
      'Strona {page} z LRS nie jest listą wyrażeń (brak tablicy „statements”); nic z niej nie zapisano.',
    redirect:
      'LRS pod adresem {host} przekierowuje gdzie indziej (HTTP {status} do {location}); Ninefold wysyła dane logowania tylko do punktu końcowego. Jeśli ufasz temu adresowi, podaj go jako punkt końcowy.',
    credentialsInUrl: 'Podaj klucz i sekret w osobnych polach, a nie w adresie punktu końcowego.',
    insecure:
      'Punkt końcowy musi używać https: inaczej klucz i sekret przechodziłyby przez sieć jawnie (http jest dozwolone tylko dla tego komputera, np. http://127.0.0.1).',
    moreElsewhere:
      'LRS przekazał stronę {page} do innej witryny ({origin}); Ninefold wysyła dane logowania tylko do punktu końcowego, więc pobieranie zatrzymało się tam.',
    noConnection: 'Nie ma połączenia LRS o nazwie „{name}”.',
    exists: 'Połączenie LRS o nazwie „{name}” już istnieje. Wybierz inną nazwę albo je zastąp.',
    badEndpoint:
      '„{endpoint}” nie jest adresem http(s) punktu końcowego LRS, np. https://lrs.example.com/xAPI/.',
  },
  issues: {
    actionsClosed: {
      one: '{count} działanie w skrzynce nadawczej jest według tego pobierania wykonane i zostało zamknięte.',
      few: '{count} działania w skrzynce nadawczej są według tego pobierania wykonane i zostały zamknięte.',
      many: '{count} działań w skrzynce nadawczej jest według tego pobierania wykonanych i zostało zamkniętych.',
      other: '{count} działania w skrzynce nadawczej są według tego pobierania wykonane i zostały zamknięte.',
    },
    expired: {
      one: '{count} certyfikat wygasł według tego pobierania; jego zapis szkolenia kończy się teraz w dniu wygaśnięcia.',
      few: '{count} certyfikaty wygasły według tego pobierania; ich zapisy szkoleń kończą się teraz w dniu wygaśnięcia.',
      many: '{count} certyfikatów wygasło według tego pobierania; ich zapisy szkoleń kończą się teraz w dniu wygaśnięcia.',
      other:
        '{count} certyfikatu wygasło według tego pobierania; ich zapisy szkoleń kończą się teraz w dniu wygaśnięcia.',
    },
    noLevel: {
      one: '{count} osiągnięcie kompetencji nie ma wyniku, więc nie ma poziomu biegłości; zostaje zapisane jako wyrażenie.',
      few: '{count} osiągnięcia kompetencji nie mają wyniku, więc nie mają poziomu biegłości; zostają zapisane jako wyrażenia.',
      many: '{count} osiągnięć kompetencji nie ma wyniku, więc nie ma poziomu biegłości; zostają zapisane jako wyrażenia.',
      other:
        '{count} osiągnięcia kompetencji nie ma wyniku, więc nie ma poziomu biegłości; zostają zapisane jako wyrażenia.',
    },
    statement: 'strona {page}, wyrażenie {position}: {problem}',
    conflict: 'strona {page}, wyrażenie {position}: identyfikator {id} jest już zapisany z inną treścią',
    moreRepeats:
      'LRS wskazał z powrotem stronę już przeczytaną; pobieranie zatrzymało się tam, zamiast krążyć.',
    voidUnknown:
      'Wyrażenie unieważniające wskazuje {target}, którego nie ma w obszarze roboczym; zostanie zastosowane, gdy to wyrażenie nadejdzie.',
    unmatched: {
      one: '{count} wyrażenie dotyczy uczestnika spoza obszaru roboczego; jego zapis czeka jako nieprzypisany, aż ta osoba zostanie zaimportowana.',
      few: '{count} wyrażenia dotyczą uczestników spoza obszaru roboczego; ich zapisy czekają jako nieprzypisane, aż te osoby zostaną zaimportowane.',
      many: '{count} wyrażeń dotyczy uczestników spoza obszaru roboczego; ich zapisy czekają jako nieprzypisane, aż te osoby zostaną zaimportowane.',
      other:
        '{count} wyrażenia dotyczą uczestników spoza obszaru roboczego; ich zapisy czekają jako nieprzypisane, aż te osoby zostaną zaimportowane.',
    },
    conflicts: {
      one: '{count} wyrażenie ma identyfikator zapisanego wyrażenia, ale inną treść; nie zostało zapisane (zob. błędy).',
      few: '{count} wyrażenia mają identyfikator zapisanych wyrażeń, ale inną treść; nie zostały zapisane (zob. błędy).',
      many: '{count} wyrażeń ma identyfikator zapisanych wyrażeń, ale inną treść; nie zostały zapisane (zob. błędy).',
      other:
        '{count} wyrażenia mają identyfikator zapisanych wyrażeń, ale inną treść; nie zostały zapisane (zob. błędy).',
    },
  },
  panel: {
    title: 'Połączenia z LRS (Learning Record Store)',
    intro:
      'Ninefold pobiera wyrażenia xAPI z Twojego LRS do tego obszaru roboczego i przechowuje je jako lokalną kopię: każde pobieranie prosi tylko o to, co nowe, a kalibracja i sukcesja działają potem także bez sieci.',
    none: 'Brak połączeń.',
    list: 'Połączenia z LRS',
    col: {
      name: 'Nazwa',
      endpoint: 'Punkt końcowy',
      checkpoint: 'Pobrano do',
      lastPull: 'Ostatnie pobieranie',
      actions: 'Działania',
      started: 'Rozpoczęto',
      outcome: 'Wynik',
      pages: 'Strony',
      stored: 'Zapisano',
      duplicates: 'Już zapisane',
      unmatched: 'Nieprzypisane',
    },
    never: 'nigdy',
    lastPull: {
      one: '{when}: {outcome}, {count} wyrażenie',
      few: '{when}: {outcome}, {count} wyrażenia',
      many: '{when}: {outcome}, {count} wyrażeń',
      other: '{when}: {outcome}, {count} wyrażenia',
    },
    test: 'Sprawdź połączenie',
    tested: '{name} odpowiada i akceptuje klucz (xAPI {versions}).',
    pull: 'Pobierz teraz',
    pullFrom: 'Pobierz teraz z {name}',
    history: 'Historia',
    historyOf: 'Pobrania z {name}',
    remove: 'Usuń',
    confirmRemove:
      'Usunąć połączenie „{name}” i jego historię? Pobrane już wyrażenia pozostaną w obszarze roboczym.',
    progressLabel: 'Postęp pobierania',
    starting: 'Odpytywanie LRS o nowe wyrażenia…',
    progress: {
      one: 'Strona {pages}: zapisano {count} nowe wyrażenie z {received} otrzymanych; nieprzypisane: {unmatched}',
      few: 'Strona {pages}: zapisano {count} nowe wyrażenia z {received} otrzymanych; nieprzypisane: {unmatched}',
      many: 'Strona {pages}: zapisano {count} nowych wyrażeń z {received} otrzymanych; nieprzypisane: {unmatched}',
      other:
        'Strona {pages}: zapisano {count} nowego wyrażenia z {received} otrzymanych; nieprzypisane: {unmatched}',
    },
    cancel: 'Anuluj',
    nothingNew: '{name}: nic nowego od ostatniego pobierania.',
    rejected: '{name}: strona została odrzucona i pobieranie się tam zatrzymało. {problem}',
    pulled: {
      one: '{name}: {count} nowe wyrażenie na stronach: {pages}; już zapisane: {duplicates}, unieważnione: {voided}, nieprzypisane: {unmatched}.',
      few: '{name}: {count} nowe wyrażenia na stronach: {pages}; już zapisane: {duplicates}, unieważnione: {voided}, nieprzypisane: {unmatched}.',
      many: '{name}: {count} nowych wyrażeń na stronach: {pages}; już zapisane: {duplicates}, unieważnione: {voided}, nieprzypisane: {unmatched}.',
      other:
        '{name}: {count} nowego wyrażenia na stronach: {pages}; już zapisane: {duplicates}, unieważnione: {voided}, nieprzypisane: {unmatched}.',
    },
    add: 'Dodaj połączenie z LRS',
    name: 'Nazwa',
    endpoint: 'Punkt końcowy',
    key: 'Klucz',
    secret: 'Sekret',
    filters: 'Filtry (opcjonalne)',
    verb: 'Tylko ten czasownik (IRI)',
    activity: 'Tylko ta aktywność (IRI)',
    related: 'Uwzględnij wyrażenia jedynie powiązane z tą aktywnością',
    since: 'Pierwsze pobieranie: tylko wyrażenia zapisane od',
    addButton: 'Dodaj połączenie',
  },
  outcome: {
    running: 'w toku',
    stored: 'zapisano',
    nothingNew: 'nic nowego',
    dryRun: 'próba',
    failed: 'niepowodzenie',
    cancelled: 'anulowano',
    interrupted: 'przerwano',
    rejected: 'strona odrzucona',
  },
}
