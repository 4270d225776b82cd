/** The meeting at scale: a crowded box's table, the org filter, and where Find lands on a person. */
export const drilldown = {
  table: {
    label: 'Box {box}: {label}',
    title: { other: 'Box {box} · {label}: {count} people' },
    search: 'Search this box',
    searchPlaceholder: 'Name, title, department, manager…',
    groupBy: 'Group by',
    group: { none: 'nothing', manager: 'manager', department: 'department' },
    close: 'Close the table',
    help: 'Drag a row onto a box, or focus a row and press 1–9 to move the person there; Enter opens them.',
    column: {
      name: 'Name',
      title: 'Title',
      department: 'Department',
      manager: 'Manager',
      rating: 'Rating',
      potential: 'Potential',
      flags: 'Flags',
      moved: 'Moved?',
    },
    sortBy: 'Sort by {column}',
    moved: 'moved',
    notMoved: 'no',
    none: '—',
    noManager: 'no manager',
    noDepartment: 'no department',
    hiddenManager: 'a manager outside the session',
    groupRow: { other: '{group} ({count})' },
    matching: { other: '{count} of {total} shown' },
    dragging: 'Moving {name}: drop on a box',
  },
  org: {
    label: 'Team',
    whole: 'the whole session',
    /** A manager and everyone below them in the session: the list's option and the line under it say it alike. */
    team: { one: '{name} and team · {count} person', other: '{name} and team · {count} people' },
    chain: 'Reporting chain',
    showing: 'Showing {team}',
    clear: 'Show the whole session',
    up: 'Up to {name}',
  },
  find: {
    spot: 'Their place in “{session}”',
    /** A blind session's person as the grid shows them: pseudonym and box, nothing that says who they are. */
    blindDetail: 'box {box}',
    blindNote:
      'This session is blind: people are found by the pseudonym the grid shows (P-0042). To find someone by name, leave the session first.',
    profile: 'Profile',
  },
  profile: {
    back: 'Back to people',
    sessions: 'Calibration sessions',
    inSession: '{session}: box {box}',
    openSpot: 'Open their place',
    noFlags: 'No flags.',
    loading: 'Loading…',
  },
} as const
