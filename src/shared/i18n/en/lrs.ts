/** Learning Record Store connections: the puller's errors and notes, and the Connections panel. */
export const lrs = {
  busy: 'the pull from {name}',
  job: 'The pull from {name}',
  errors: {
    internal:
      'The pull failed because of a fault in Ninefold; it is in the log. Pages stored before it are kept.',
    cancelled: 'The pull was cancelled before any page was stored; nothing changed.',
    cancelledKept: {
      one: 'The pull was cancelled. The {pages} page(s) already stored ({count} statement) are kept; the next pull resumes after them.',
      other:
        'The pull was cancelled. The {pages} page(s) already stored ({count} statements) are kept; the next pull resumes after them.',
    },
    keptAfter: {
      one: '{error} The {pages} page(s) stored before that ({count} statement) are kept; the next pull resumes after them.',
      other:
        '{error} The {pages} page(s) stored before that ({count} statements) are kept; the next pull resumes after them.',
    },
    auth: 'The LRS at {host} refused the credentials (HTTP {status}): check the key and secret of this connection.',
    refused: 'The LRS at {host} refused the request (HTTP {status}): {server}',
    unavailable: 'The LRS at {host} did not answer after {attempts} attempts ({reason}). Try again later.',
    notJson: 'The LRS at {host} answered with something that is not JSON.',
    notStatementResult:
      'Page {page} from the LRS is not a list of statements (no "statements" array); nothing of it was stored.',
    redirect:
      'The LRS at {host} redirects elsewhere (HTTP {status} to {location}); Ninefold sends the credentials to the endpoint only. Use the address it redirects to as the endpoint if you trust it.',
    credentialsInUrl: 'Give the key and secret in their own fields, not inside the endpoint address.',
    insecure:
      'The endpoint must use https: the key and secret would cross the network readable (http is allowed only for this computer, e.g. http://127.0.0.1).',
    moreElsewhere:
      'The LRS sent page {page} on to another site ({origin}); Ninefold sends the credentials to the endpoint only, so the pull stopped there.',
    noConnection: 'There is no LRS connection named “{name}”.',
    exists: 'There is already an LRS connection named “{name}”. Choose another name, or replace it.',
    badEndpoint:
      '“{endpoint}” is not an http(s) address of an LRS endpoint, e.g. https://lrs.example.com/xAPI/.',
  },
  issues: {
    actionsClosed: {
      one: '{count} outbox action is now done according to this pull and was closed.',
      other: '{count} outbox actions are now done according to this pull and were closed.',
    },
    expired: {
      one: '{count} credential expired according to this pull; its learning record now ends on the expiry date.',
      other:
        '{count} credentials expired according to this pull; their learning records now end on the expiry date.',
    },
    noLevel: {
      one: '{count} competency achievement carries no score, so no proficiency level; it is kept as a statement.',
      other:
        '{count} competency achievements carry no score, so no proficiency level; they are kept as statements.',
    },
    statement: 'page {page}, statement {position}: {problem}',
    conflict: 'page {page}, statement {position}: the id {id} is already stored with different content',
    moreRepeats:
      'The LRS pointed back to a page already read; the pull stopped there instead of going round.',
    voidUnknown:
      'A voiding statement names {target}, which is not stored; it will be applied if that statement arrives.',
    unmatched: {
      one: '{count} statement names a learner who is not in the workspace; its record is kept as unmatched until that person is imported.',
      other:
        '{count} statements name learners who are not in the workspace; their records are kept as unmatched until those people are imported.',
    },
    conflicts: {
      one: '{count} statement has the id of a stored statement but different content; it was not stored (see the errors).',
      other:
        '{count} statements have the id of a stored statement but different content; they were not stored (see the errors).',
    },
  },
  panel: {
    title: 'Learning Record Store connections',
    intro:
      'Ninefold pulls xAPI statements from your LRS into this workspace and keeps them as a local copy: each pull asks only for what is new, and calibration and succession keep working offline afterwards.',
    none: 'No connections yet.',
    list: 'LRS connections',
    col: {
      name: 'Name',
      endpoint: 'Endpoint',
      checkpoint: 'Pulled up to',
      lastPull: 'Last pull',
      actions: 'Actions',
      started: 'Started',
      outcome: 'Outcome',
      pages: 'Pages',
      stored: 'Stored',
      duplicates: 'Already held',
      unmatched: 'Unmatched',
    },
    never: 'never',
    lastPull: { one: '{when}: {outcome}, {count} statement', other: '{when}: {outcome}, {count} statements' },
    test: 'Test connection',
    tested: '{name} answers and accepts the key (xAPI {versions}).',
    pull: 'Pull now',
    pullFrom: 'Pull now from {name}',
    history: 'History',
    historyOf: 'Pulls from {name}',
    remove: 'Remove',
    confirmRemove:
      'Remove the connection “{name}” and its history? Statements already pulled stay in the workspace.',
    progressLabel: 'Pull progress',
    starting: 'Asking the LRS for new statements…',
    progress: {
      one: 'Page {pages}: {count} new statement stored of {received} received; {unmatched} unmatched',
      other: 'Page {pages}: {count} new statements stored of {received} received; {unmatched} unmatched',
    },
    cancel: 'Cancel',
    nothingNew: '{name}: nothing new since the last pull.',
    rejected: '{name}: a page was refused and the pull stopped there. {problem}',
    pulled: {
      one: '{name}: {count} new statement in {pages} page(s); {duplicates} already held, {voided} voided, {unmatched} unmatched.',
      other:
        '{name}: {count} new statements in {pages} page(s); {duplicates} already held, {voided} voided, {unmatched} unmatched.',
    },
    add: 'Add an LRS connection',
    name: 'Name',
    endpoint: 'Endpoint',
    key: 'Key',
    secret: 'Secret',
    filters: 'Filters (optional)',
    verb: 'Only this verb (IRI)',
    activity: 'Only this activity (IRI)',
    related: 'Include statements that merely relate to that activity',
    since: 'First pull: only statements stored from',
    addButton: 'Add connection',
  },
  outcome: {
    running: 'running',
    stored: 'stored',
    nothingNew: 'nothing new',
    dryRun: 'dry run',
    failed: 'failed',
    cancelled: 'cancelled',
    interrupted: 'interrupted',
    rejected: 'page refused',
  },
} as const
