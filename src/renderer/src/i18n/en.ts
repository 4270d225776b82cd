/**
 * The English catalogue: every string the translated screens show. Keys name where a string is used; `{name}`
 * marks a value filled in at run time; plural strings are objects keyed by Intl plural category.
 */
export const en = {
  nav: {
    main: 'Main',
    workspace: 'Workspace',
    people: 'People',
    import: 'Import',
    calibration: 'Calibration',
    succession: 'Succession',
    insights: 'Insights',
    settings: 'Settings',
  },
  top: {
    people: { one: '{count} person', other: '{count} people' },
    encrypted: 'encrypted',
    find: 'Find…',
    shortcuts: 'Keyboard shortcuts',
    lock: 'Lock',
    lockTitle: 'Lock now (Ctrl+L): the key leaves memory until the passphrase is given again',
    close: 'Close workspace',
    dismiss: 'Dismiss',
    dropToImport: 'Drop the file to import it',
  },
  lock: {
    title: 'Ninefold is locked',
    body: '{name} was locked and its key removed from memory. Nothing of it is on screen.',
    passphrase: 'Passphrase',
    keyOrPassphrase: 'Key or passphrase',
    unlock: 'Unlock',
    unlockKeychain: 'Unlock with the OS keychain',
    close: 'Close the workspace',
  },
  find: {
    dialog: 'Quick find',
    input: 'Find a person, session, role or program',
    placeholder: 'Find a person, session, role or program…',
    matches: 'Matches',
    person: 'Person',
    session: 'Session',
    role: 'Critical role',
    program: 'Program',
    none: 'Nothing matches “{text}”.',
    help: '↑ ↓ to choose · Enter to go · Esc to close',
    sessionDetail: { one: '{cycle} · {count} person', other: '{cycle} · {count} people' },
    heldBy: 'held by {name}',
    vacant: 'vacant',
    completed: '{type} · {count} completed',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    close: 'Close',
    find: 'Quick find: jump to a person, session, critical role or program',
    lock: 'Lock the workspace now',
    undo: 'Undo the last move in a calibration session',
    redo: 'Redo',
    grid: 'Pick them up; arrow keys aim at a box; Enter drops, Esc cancels',
    gridKeys: 'Enter on a person in the grid',
    select: 'Add a person to the selection, to move several at once',
    selectKeys: 'Shift or Ctrl/⌘ click',
    tab: 'Move between controls (focus is always visible)',
    sheet: 'This sheet',
    escape: 'Close a dialog',
  },
  people: {
    search: 'Search people',
    searchPlaceholder: 'Search name, ID, email or title',
    department: 'Department',
    allDepartments: 'All departments',
    location: 'Location',
    allLocations: 'All locations',
    loading: 'Loading…',
    count: { one: '{count} person', other: '{count} people' },
    erase: 'Erase a person…',
    col: {
      name: 'Name',
      employeeId: 'Employee ID',
      jobTitle: 'Job title',
      level: 'Level',
      department: 'Department',
      location: 'Location',
      manager: 'Manager',
      hired: 'Hired',
    },
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languageHelp: 'Dates, numbers and percentages follow the language chosen here.',
  },
} as const

/** A catalogue with the same keys as English: a missing or extra translation fails to compile. */
export type Catalogue = Widen<typeof en>
/** Plural forms by Intl plural category; `other` is always there (Polish also has few and many). */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }
type Widen<T> = T extends string
  ? string
  : T extends { other: string }
    ? Plural
    : { -readonly [K in keyof T]: Widen<T[K]> }
