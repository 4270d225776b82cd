import type { MethodOutput, QualityFinding } from '../../shared/contract'
import type { importMessages } from '../../shared/i18n/en/import'
import { english, message, type MessageKey } from '../../shared/i18n/translate'
import { findManagerCycles, inconsistentLabels } from '../../core/quality/managerGraph'
import { ManagerDirectory } from '../../core/people/managerNames'
import type { WorkspaceDb } from '../db/openWorkspaceDb'

type Example = QualityFinding['examples'][number]
const MAX_EXAMPLES = 20

/** A finding's title and explanation in the catalogue: `import.quality.<kind>.title` and `.explanation`. */
type FindingKind = keyof (typeof importMessages)['quality']

function finding(
  code: string,
  severity: QualityFinding['severity'],
  kind: FindingKind,
  examples: Example[],
  count = examples.length,
): QualityFinding | null {
  if (count === 0) return null
  const titleText = message(`import.quality.${kind}.title` as MessageKey)
  const explanationText = message(`import.quality.${kind}.explanation` as MessageKey)
  return {
    code,
    severity,
    title: english(titleText),
    count,
    examples: examples.slice(0, MAX_EXAMPLES),
    explanation: english(explanationText),
    titleText,
    explanationText,
  }
}

/**
 * The workspace's data-quality findings. Each is a count and the first records behind it, so a person can check
 * the number and fix the source system rather than trust a score.
 */
export function qualityReport(db: WorkspaceDb, now: Date): MethodOutput<'quality.report'> {
  const all = <T>(sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[]
  const people = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
  const findings: (QualityFinding | null)[] = []
  const today = now.toISOString().slice(0, 10)

  const dangling = all<Example>(
    `SELECT p.employee_id AS employeeId, p.full_name AS fullName, p.manager_id AS managerId FROM people p
     WHERE p.manager_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people m WHERE m.employee_id = p.manager_id)
     ORDER BY p.employee_id`,
  )
  findings.push(finding('DANGLING_MANAGER', 'error', 'danglingManager', dangling))

  const unresolved = unresolvedManagers(db)
  findings.push(
    finding('UNRESOLVED_MANAGER', 'warning', 'unresolvedManager', unresolved.examples, unresolved.people),
  )

  // People whose manager is named but not found are in the finding above, not counted as having no manager.
  const roots = all<Example>(
    `SELECT employee_id AS employeeId, full_name AS fullName FROM people
     WHERE (manager_id IS NULL OR trim(manager_id) = '') AND manager_name IS NULL AND manager_email IS NULL
     ORDER BY employee_id`,
  )
  if (roots.length > 1) {
    findings.push(finding('MISSING_MANAGER', 'warning', 'missingManager', roots))
  }

  const managerOf = new Map(
    all<{ id: string; manager: string | null }>(
      'SELECT employee_id AS id, manager_id AS manager FROM people',
    ).map((r) => [r.id, r.manager]),
  )
  const cycles = findManagerCycles(managerOf)
  findings.push(
    finding(
      'MANAGER_CYCLE',
      'error',
      'managerCycle',
      cycles.map((c) => ({ loop: [...c, c[0]].join(' → ') })),
    ),
  )

  const duplicateEmails = all<Example>(
    `SELECT lower(trim(email)) AS email, group_concat(employee_id, ', ') AS employeeIds, count(*) AS people FROM people
     WHERE email IS NOT NULL AND trim(email) <> '' GROUP BY lower(trim(email)) HAVING count(*) > 1 ORDER BY 1`,
  )
  findings.push(finding('DUPLICATE_PERSON', 'warning', 'duplicatePerson', duplicateEmails))

  for (const [column, kind] of [
    ['department', 'department'],
    ['location', 'location'],
    ['job_title', 'jobTitle'],
  ] as const) {
    const groups = inconsistentLabels(
      all<{ value: string; count: number }>(
        `SELECT ${column} AS value, count(*) AS count FROM people WHERE ${column} IS NOT NULL GROUP BY ${column}`,
      ),
    )
    findings.push(
      finding(
        `INCONSISTENT_${column.toUpperCase()}`,
        'warning',
        kind,
        groups.map((g) => ({ variants: g.variants.map((v) => `"${v.value}" (${v.count})`).join(', ') })),
      ),
    )
  }

  const leavers = all<Example>(
    `SELECT employee_id AS employeeId, full_name AS fullName, exit_date AS exitDate, employment_status AS status FROM people
     WHERE exit_date IS NOT NULL AND exit_date < ? AND (employment_status IS NULL OR lower(employment_status) LIKE '%active%' AND lower(employment_status) NOT LIKE '%inactive%')
     ORDER BY exit_date`,
    today,
  )
  findings.push(finding('STALE_LEAVER', 'warning', 'staleLeaver', leavers))

  const outside = all<Example>(
    `SELECT p.employee_id AS employeeId, c.name AS cycle, r.overall_rating AS rating, printf('%g–%g', c.scale_min, c.scale_max) AS scale
     FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id JOIN people p ON p.id = r.person_id
     WHERE r.overall_rating < c.scale_min OR r.overall_rating > c.scale_max ORDER BY c.name, p.employee_id`,
  )
  findings.push(finding('RATING_OUT_OF_SCALE', 'error', 'ratingOutOfScale', outside))

  const compressed = all<{
    cycle: string
    scale: string
    used: string
    distinctRatings: number
    points: number
    reviews: number
  }>(
    `SELECT c.name AS cycle, printf('%g–%g', c.scale_min, c.scale_max) AS scale, group_concat(DISTINCT printf('%g', r.overall_rating)) AS used,
            count(DISTINCT r.overall_rating) AS distinctRatings, (c.scale_max - c.scale_min + 1) AS points, count(*) AS reviews
     FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id GROUP BY c.id ORDER BY c.name`,
  ).filter((c) => c.points >= 4 && c.distinctRatings <= 2 && c.reviews >= 20)
  findings.push(
    finding(
      'COMPRESSED_RATINGS',
      'warning',
      'compressedRatings',
      compressed.map(({ cycle, scale, used, reviews }) => ({ cycle, scale, used, reviews })),
    ),
  )

  const noExpiry = all<Example>(
    `SELECT p.employee_id AS employeeId, i.activity_id AS activityId, i.title AS title, lr.completed_at AS completedAt
     FROM learning_records lr JOIN learning_items i ON i.id = lr.item_id JOIN people p ON p.id = lr.person_id
     WHERE i.activity_type = 'certification' AND lr.valid_until IS NULL AND lr.status IN ('completed', 'passed') ORDER BY i.activity_id, p.employee_id`,
  )
  findings.push(finding('CERTIFICATION_WITHOUT_EXPIRY', 'info', 'certificationWithoutExpiry', noExpiry))

  const noDue = all<Example>(
    `SELECT p.employee_id AS employeeId, i.activity_id AS activityId, i.title AS title, lr.status AS status
     FROM learning_records lr JOIN learning_items i ON i.id = lr.item_id JOIN people p ON p.id = lr.person_id
     WHERE i.mandatory = 1 AND lr.due_at IS NULL AND lr.status NOT IN ('completed', 'passed', 'waived') ORDER BY i.activity_id, p.employee_id`,
  )
  findings.push(finding('MANDATORY_WITHOUT_DUE_DATE', 'warning', 'mandatoryWithoutDueDate', noDue))

  const unmatched = all<Example>(
    `SELECT u.kind AS kind, u.identifier AS identifier, count(*) AS records FROM unmatched_records u
     JOIN import_batches b ON b.id = u.batch_id WHERE u.resolved_batch_id IS NULL AND b.undone_at IS NULL
     GROUP BY u.kind, u.identifier ORDER BY records DESC, identifier`,
  )
  const unmatchedTotal = unmatched.reduce((sum, u) => sum + Number(u['records']), 0)
  findings.push(finding('UNMATCHED_RECORDS', 'warning', 'unmatchedRecords', unmatched, unmatchedTotal))

  // Counts above are from the full queries; examples are capped.
  const complete = findings.filter((f): f is QualityFinding => f !== null)
  return { generatedAt: now.toISOString(), people, findings: complete }
}

/** Names shown per unresolved manager; the count beside them is exact. */
const NAMED_BY_SHOWN = 50

/**
 * Managers a file named whom no one in the workspace answers to (or two people do): one example per name, with
 * the people who name them, so the name can be fixed at the source or the manager imported.
 */
function unresolvedManagers(db: WorkspaceDb): { people: number; examples: Example[] } {
  const waiting = db
    .prepare(
      `SELECT employee_id AS employeeId, full_name AS fullName, manager_name AS managerName,
              manager_email AS managerEmail FROM people
       WHERE manager_id IS NULL AND (manager_name IS NOT NULL OR manager_email IS NOT NULL) ORDER BY employee_id`,
    )
    .all() as {
    employeeId: string
    fullName: string | null
    managerName: string | null
    managerEmail: string | null
  }[]
  if (waiting.length === 0) return { people: 0, examples: [] }
  const directory = new ManagerDirectory(
    db.prepare('SELECT employee_id AS employeeId, full_name AS fullName, email FROM people').all() as {
      employeeId: string
      fullName: string | null
      email: string | null
    }[],
  )
  const byManager = new Map<string, { email: string | null; candidates: string | null; people: string[] }>()
  for (const p of waiting) {
    const name = p.managerName ?? p.managerEmail ?? ''
    const entry = byManager.get(name) ?? { email: p.managerEmail, candidates: null, people: [] }
    const found = directory.resolve(p.managerName, p.managerEmail, p.employeeId)
    if (found.kind === 'ambiguous') entry.candidates = found.candidates.join(', ')
    entry.people.push(p.fullName === null ? p.employeeId : `${p.employeeId} (${p.fullName})`)
    byManager.set(name, entry)
  }
  const examples = [...byManager]
    .sort(([a, x], [b, y]) => y.people.length - x.people.length || a.localeCompare(b))
    .map(([manager, e]) => ({
      manager,
      managerEmail: e.email,
      candidates: e.candidates,
      namedBy: e.people.length,
      people:
        e.people.slice(0, NAMED_BY_SHOWN).join(', ') +
        (e.people.length > NAMED_BY_SHOWN ? `, … (+${e.people.length - NAMED_BY_SHOWN})` : ''),
    }))
  return { people: waiting.length, examples }
}
