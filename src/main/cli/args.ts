import { parseArgs } from 'node:util'
import { AppError } from '../../shared/result'

export const CLI_USAGE = `Usage: ninefold <command> [options]

Commands:
  workspace create   create an encrypted workspace (key from --key-file or NINEFOLD_KEY;
                     a missing --key-file is created with a new random key)
  workspace info     show the workspace's name, schema version and size
  workspace verify   check the file whole: every page authenticates, integrity and foreign-key
                     checks pass, the schema is known (exit 0 when whole, 2 with the findings)
  demo               create a workspace filled with a synthetic organisation
                       --people N (20–100000, default 500)  --seed S (default 42)
  people list        list people   --limit N --offset N --sort FIELD[:desc]
                                   --search TEXT --department D --location L
  import FILE --as people|reviews|competencies|learning|surveys|xapi
                     [--sheet NAME] [--header-row N] [--mapping mapping.json]
                     [--skip-invalid] [--dry-run]
                     import a CSV/TSV or xlsx file as one all-or-nothing batch
  import undo BATCH_ID   undo an import batch
  import list        list import batches
  quality            the data-quality report (dangling managers, duplicates, label variants, …)
  calibration create --name N [--cycle C] [--scope key=value ...] [--potential-from agility|manager|blend|assessment]
                     [--blend-of SOURCE,SOURCE] [--min-tenure-months N]
                     start a session; scope keys: manager, department, location, jobLevel
  calibration create --name N --from SESSION [--from SESSION …]
                     a roll-up: the finalized sessions' people, each starting in their final box
  calibration list   list sessions
  calibration show SESSION          placements, flags, holding area and distribution
  calibration todo SESSION          the holding area as a to-do list: who is held, why, what would place them
  calibration resolve SESSION --potential-from SOURCE [--blend-of SOURCE,SOURCE]
                     take potential from another source (one undoable step)
  calibration move SESSION --person ID [--person ID …] --box N --reason "…" | --reason-code CODE [--reason "…"]
                     (someone in the holding area is placed by hand)
  calibration undo SESSION | calibration redo SESSION
  calibration finalize SESSION      lock the session (read-only)
  calibration export SESSION --out FILE.xlsx [--pre-read | --into REVIEWS.xlsx]
                    --into: a copy of the imported reviews workbook with the calibration written in (for the HRIS)
                    --pre-read: the workbook managers fill in (its Proposals sheet) before the meeting
  calibration import-proposals SESSION FILE.xlsx | calibration import-proposals SESSION --from-ratings
                    managers' proposals: the pre-read filled in and sent back, or the cycle's own ratings;
                    all or nothing (exit 2 with each problem's sheet, row and column), replaces the proposals
                    before in one undoable step
  backup --out FILE                 a verified, still-encrypted copy of the workspace (while it is in use)
  restore FILE                      replace the workspace with a verified backup; the current one is kept
                                    among the automatic backups (a damaged one beside it, as .damaged-…)
  person export ID --out FILE.xlsx  everything held about a person (GDPR subject access)
  person erase ID --reason "…"      erase a person (GDPR): their records go, mentions are pseudonymised
  fairness audit SESSION            outcomes, boxes and metrics by sensitive attribute (four-fifths, Fisher, η²)
  fairness export SESSION --out FILE.xlsx   the audit for the works council
  succession export --out FILE.xlsx [--roles ID,...]
                     the succession report (all critical roles, or those named)
  lrs add NAME --endpoint URL --key K --secret-file F [--replace]
             [--verb IRI] [--activity IRI] [--related-activities] [--since ISO]
                     connect a Learning Record Store (the secret is kept inside the encrypted workspace);
                     the filters narrow every pull, --since only the first
  lrs pull NAME [--since ISO] [--dry-run] [--page-size N]
                     pull new statements page by page (same summary as import; resumes where it stopped)
  lrs list           connections with their checkpoint and last pull (never the secret)
  lrs test NAME      call the LRS's /about with the connection's credentials
  lrs history NAME   the pulls made from a connection
  lrs remove NAME    remove a connection (statements already pulled stay)
  rules apply RULE_ID [--dry-run]   who a gap-to-growth rule matches and why; writes its actions to the outbox
  outbox export --out FILE.csv|xlsx open assignments in a bulk-enrolment layout for the LMS

Global options:
  --workspace PATH   the workspace file
  --key-file PATH    file whose first line is the key: 64 hex characters or a passphrase (mode 600);
                     or set NINEFOLD_KEY
  --data-dir PATH    where default workspaces live
  --json             machine-readable output on stdout
  -h, --help         this help

Exit codes: 0 success, 2 invalid input (message on stderr), 1 any other failure.`

export interface CliArgs {
  command: string[]
  workspace?: string | undefined
  keyFile?: string | undefined
  dataDir?: string | undefined
  json: boolean
  help: boolean
  name?: string | undefined
  people?: string | undefined
  seed?: string | undefined
  limit?: string | undefined
  offset?: string | undefined
  sort?: string | undefined
  search?: string | undefined
  department?: string | undefined
  location?: string | undefined
  as?: string | undefined
  sheet?: string | undefined
  headerRow?: string | undefined
  mapping?: string | undefined
  skipInvalid: boolean
  dryRun: boolean
  cycle?: string | undefined
  scope: string[]
  person: string[]
  /** Sessions a roll-up is made of (`calibration create --from ID --from ID`). */
  from: string[]
  box?: string | undefined
  reason?: string | undefined
  reasonCode?: string | undefined
  potentialFrom?: string | undefined
  blendOf?: string | undefined
  minTenureMonths?: string | undefined
  out?: string | undefined
  preRead: boolean
  fromRatings: boolean
  into?: string | undefined
  roles?: string | undefined
  endpoint?: string | undefined
  key?: string | undefined
  secretFile?: string | undefined
  since?: string | undefined
  pageSize?: string | undefined
  replace: boolean
  verb?: string | undefined
  activity?: string | undefined
  relatedActivities: boolean
}

export function parseCliArgs(argv: string[]): CliArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        workspace: { type: 'string' },
        'key-file': { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        name: { type: 'string' },
        people: { type: 'string' },
        seed: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        sort: { type: 'string' },
        search: { type: 'string' },
        department: { type: 'string' },
        location: { type: 'string' },
        as: { type: 'string' },
        sheet: { type: 'string' },
        'header-row': { type: 'string' },
        mapping: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        cycle: { type: 'string' },
        scope: { type: 'string', multiple: true },
        person: { type: 'string', multiple: true },
        from: { type: 'string', multiple: true },
        box: { type: 'string' },
        reason: { type: 'string' },
        'reason-code': { type: 'string' },
        'potential-from': { type: 'string' },
        'blend-of': { type: 'string' },
        'min-tenure-months': { type: 'string' },
        out: { type: 'string' },
        'pre-read': { type: 'boolean', default: false },
        'from-ratings': { type: 'boolean', default: false },
        into: { type: 'string' },
        roles: { type: 'string' },
        endpoint: { type: 'string' },
        key: { type: 'string' },
        'secret-file': { type: 'string' },
        since: { type: 'string' },
        'page-size': { type: 'string' },
        replace: { type: 'boolean', default: false },
        verb: { type: 'string' },
        activity: { type: 'string' },
        'related-activities': { type: 'boolean', default: false },
      },
    })
    return {
      command: positionals,
      workspace: values.workspace,
      keyFile: values['key-file'],
      dataDir: values['data-dir'],
      json: values.json,
      help: values.help,
      name: values.name,
      people: values.people,
      seed: values.seed,
      limit: values.limit,
      offset: values.offset,
      sort: values.sort,
      search: values.search,
      department: values.department,
      location: values.location,
      as: values.as,
      sheet: values.sheet,
      headerRow: values['header-row'],
      mapping: values.mapping,
      skipInvalid: values['skip-invalid'],
      dryRun: values['dry-run'],
      cycle: values.cycle,
      scope: values.scope ?? [],
      person: values.person ?? [],
      from: values.from ?? [],
      box: values.box,
      reason: values.reason,
      reasonCode: values['reason-code'],
      potentialFrom: values['potential-from'],
      blendOf: values['blend-of'],
      minTenureMonths: values['min-tenure-months'],
      out: values.out,
      preRead: values['pre-read'],
      fromRatings: values['from-ratings'],
      into: values.into,
      roles: values.roles,
      endpoint: values.endpoint,
      key: values.key,
      secretFile: values['secret-file'],
      since: values.since,
      pageSize: values['page-size'],
      replace: values.replace,
      verb: values.verb,
      activity: values.activity,
      relatedActivities: values['related-activities'],
    }
  } catch (error) {
    throw new AppError('INVALID_INPUT', error instanceof Error ? error.message : String(error))
  }
}

export function integerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n))
    throw new AppError('INVALID_INPUT', `--${name} must be a whole number, not "${value}".`)
  return n
}
