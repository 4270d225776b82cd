import type { Catalogue } from '../catalogue'

export const fairness: Catalogue['fairness'] = {
  attribute: {
    gender: 'Płeć',
    ageBand: 'Przedział wieku',
    workPattern: 'Wymiar pracy',
    ethnicity: 'Pochodzenie etniczne',
    location: 'Lokalizacja',
  },
  // Biernik: zdania mówią „ze względu na {attribute}”.
  attributeInText: {
    gender: 'płeć',
    ageBand: 'przedział wieku',
    workPattern: 'wymiar pracy',
    ethnicity: 'pochodzenie etniczne',
    location: 'lokalizację',
  },
  group: { notRecorded: 'Brak danych', under30: 'Poniżej 30', over50: '50 i więcej' },
  outcome: {
    'high-performance': 'Wysoka ocena wyników',
    'top-boxes-before': 'Górne pola według danych (przed kalibracją)',
    'top-boxes-after': 'Górne pola po kalibracji',
    'hidden-gem': 'Oznaczeni jako ukryty talent',
  },
  outcomeInText: {
    'high-performance': 'wysoka ocena wyników',
    'top-boxes-before': 'górne pola według danych (przed kalibracją)',
    'top-boxes-after': 'górne pola po kalibracji',
    'hidden-gem': 'oznaczeni jako ukryty talent',
  },
  metric: {
    rating: 'Ocena wyników (1–5)',
    agility: 'Indeks zwinności uczenia się (0–100)',
    skillGrowth: 'Zwinność: poziomy umiejętności zdobyte w ciągu roku (ranga)',
    assessment: 'Zwinność: biegłość i postęp w testach (ranga)',
    breadth: 'Zwinność: zakres niedawnej nauki (ranga)',
    stretch: 'Zwinność: programy rozwojowe poza strefą komfortu (ranga)',
  },
  strength: { none: 'brak', small: 'mała', medium: 'średnia', large: 'duża' },
  ordinal: { st: '{n}.', nd: '{n}.', rd: '{n}.', th: '{n}.' },
  finding: {
    nobody: 'Nikt z pokazanych grup nie mógł zostać wybrany.',
    everyone: 'Każda pokazana grupa jest wybierana w co najmniej {percent}% wskaźnika grupy {reference}.',
    unlikely:
      '{group}: {selected} z {n} ({rate}%), {ratio}% wskaźnika grupy {reference}, raczej nie przypadek (p = {p})',
    chance:
      '{group}: {selected} z {n} ({rate}%), {ratio}% wskaźnika grupy {reference}, może to być przypadek (p = {p})',
    join: '{first}; {rest}',
  },
  warning: {
    impact:
      '{attribute}, {outcome}: {group} {selected} z {n} ({rate}%), {ratio}% wskaźnika grupy {reference}, raczej nie przypadek (p = {p}).',
    gap: '{low} wypada niżej (średnio {lowRank} centyl wobec {highRank} dla grupy {high}; η² {eta2})',
    drives:
      '{metric} odpowiada za lukę w zwinności uczenia się ze względu na {attribute}: {gap}. Sprawdź, czy mierzy uczenie się, a nie dostępny czas czy możliwości.',
    differs:
      '{metric} różni się ze względu na {attribute}: {gap}; indeks zwinności {index}. Sprawdź, czy mierzy uczenie się, a nie dostępny czas czy możliwości.',
    indexOtherWay: 'różni się w przeciwną stronę',
    indexHardly: 'prawie się nie różni (η² {eta2})',
    chance: {
      one: '{count} kolejny wynik grupy spada poniżej progu czterech piątych, ale może to być przypadek (p ≥ 0,05): oznaczono go w tabelach.',
      few: '{count} kolejne wyniki grup spadają poniżej progu czterech piątych, ale mogą to być przypadki (p ≥ 0,05): oznaczono je w tabelach.',
      many: '{count} kolejnych wyników grup spada poniżej progu czterech piątych, ale mogą to być przypadki (p ≥ 0,05): oznaczono je w tabelach.',
      other:
        '{count} kolejnych wyników grup spada poniżej progu czterech piątych, ale mogą to być przypadki (p ≥ 0,05): oznaczono je w tabelach.',
    },
  },
  method: {
    suppressed:
      'Grupy liczące mniej niż {n} osoby są pokazywane jako „<{n}” i pomijane we wskaźnikach i korelacjach; pozostają w populacji, z którą porównywana jest każda inna grupa.',
    adverseImpact:
      'Niekorzystny wpływ: wskaźnik wyboru każdej grupy podzielony przez najwyższy wskaźnik spośród pokazanych grup. Wynik poniżej {fourFifths} nie spełnia reguły czterech piątych.',
    significance:
      'Istotność: dokładny test Fishera (dwustronny) grupy względem wszystkich pozostałych osób w sesji. Poniżej {small} osób wskaźnik może mocno się zmienić za sprawą jednej osoby, więc patrz na wartość p; p < 0,05 raczej nie jest przypadkiem.',
    counted:
      'Górne pola i ukryte talenty liczą osoby umieszczone w siatce; wysokie wyniki liczą wszystkich ocenionych w cyklu ocen.',
    eta2: 'Audyt miar: η² to część wariancji miary przypadająca na różnice między grupami (0,01 mała, 0,06 średnia, 0,14 duża, według Cohena). Przy dwóch grupach korelacja jest jej pierwiastkiem ze znakiem (druga grupa minus pierwsza).',
    drives:
      'Składnik „odpowiada” za różnicę w zwinności, gdy indeks różni się między grupami, a składnik różni się w tym samym kierunku: ta sama grupa wypada najniżej w obu.',
  },
  panel: {
    title: 'Audyt sprawiedliwości',
    running: 'Trwa audyt…',
    back: '← Wróć do siatki',
    notePrefix: 'Atrybuty wrażliwe są pokazywane tylko tutaj · grupy poniżej 4 osób są oznaczone jako „<4” ·',
    fourFifthsRule: 'reguła czterech piątych',
    topBoxes: '· górne pola {boxes}',
    export: 'Eksport dla rady pracowników',
    notUsed:
      'Pominięte w audycie, bo nie mają celu „audyt sprawiedliwości” (Obszar roboczy ▸ Cele przetwarzania pól): {attributes}.',
    noAttributes:
      'Nikt w tej sesji nie ma zapisanego atrybutu wrażliwego: zaimportuj płeć, przedział wieku, wymiar pracy lub pochodzenie etniczne razem z plikiem osób, aby przeprowadzić według nich audyt.',
    findings: 'Ustalenia',
    noFinding: 'Żadne ustalenie nie wymaga uwagi.',
    attributeTabs: 'Atrybut',
    adverseImpact: 'Niekorzystny wpływ',
    showAsTables: 'Pokaż jako tabele',
    distributionHeading: 'Pola, sygnały i wyniki według grup',
    distributionTable: 'Rozkład według grup',
    metricsHeading: 'Miary kalibracji według grup',
    metricTable: 'Audyt miar',
    howComputed: 'Jak obliczane są te liczby',
    small: ' (mała)',
  },
  col: {
    group: 'Grupa',
    people: 'Osoby',
    selected: 'Wybrani',
    rate: 'Wskaźnik',
    ratioTo: 'Stosunek do grupy {reference}',
    best: 'najlepszej',
    fisher: 'p (Fisher)',
    box: 'Pole {box}',
    boxTitle: 'przed → po kalibracji',
    held: 'W poczekalni',
    meanRating: 'Średnia ocena',
    meanAgility: 'Średnia zwinność',
    hiddenGems: 'Ukryte talenty',
    metric: 'Miara',
    groupMeans: 'Średnie grup',
    strength: 'Siła',
    note: 'Uwaga',
  },
  chart: {
    label: '{outcome}: stosunek wskaźnika każdej grupy do wskaźnika grupy {reference}',
    bestGroup: 'najlepszej',
  },
}
