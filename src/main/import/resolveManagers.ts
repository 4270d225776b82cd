import type { ImportIssueShape } from '../../shared/contract'
import { message } from '../../shared/i18n/translate'
import { issueText } from '../../core/import/validateRows'
import type { FieldValue } from '../../core/import/parseValue'
import { ManagerDirectory, type ManagerMatch } from '../../core/people/managerNames'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import type { ChangeJournal } from './journal'

interface PersonRow {
  id: number
  employeeId: string
  fullName: string | null
  email: string | null
  managerId: string | null
  managerName: string | null
  managerEmail: string | null
}

/** How many unresolved manager names a warning spells out; the count stays exact. */
const NAMES_SHOWN = 10

/**
 * Managers named rather than numbered ("Worker's Manager" = "David Chen"). Names are resolved after the whole file
 * is read, since exports list reports before their managers: `note` each written row during the batch, then
 * `resolve` once at its end, in the batch's transaction and journal, so undo restores every link exactly.
 */
export class NamedManagers {
  /** employee ID → the row that named their manager, the manager ID it gave as well (if any), and whether the row
   * added the person (undo deletes such a row whole, so its link needs no journal entry of its own). */
  private readonly named = new Map<string, { row: number; givenId: string | null; inserted: boolean }>()

  note(row: number, values: Record<string, FieldValue>, inserted: boolean): void {
    const employeeId = values['employeeId']
    if (typeof employeeId !== 'string') return
    const isSet = (field: string): boolean => values[field] !== undefined && values[field] !== null
    if (!isSet('managerName') && !isSet('managerEmail')) return
    const givenId = values['managerId']
    this.named.set(employeeId, { row, givenId: typeof givenId === 'string' ? givenId : null, inserted })
  }

  /**
   * Links the people this file named a manager for, and everyone an earlier file named a manager for who was not
   * in the workspace then and may be now. A manager ID the row gave wins when it names someone; a name nobody
   * has stays as text (reported by the data-quality report) and unlinks a stale manager; a name two people share is
   * not guessed. Returns the warnings for the import summary.
   */
  resolve(db: WorkspaceDb, journal: ChangeJournal, sheet: string | null): ImportIssueShape[] {
    const waiting = db
      .prepare(
        'SELECT 1 FROM people WHERE manager_id IS NULL AND (manager_name IS NOT NULL OR manager_email IS NOT NULL) LIMIT 1',
      )
      .get()
    if (this.named.size === 0 && !waiting) return []
    const people = db
      .prepare(
        `SELECT id, employee_id AS employeeId, full_name AS fullName, email, manager_id AS managerId,
                manager_name AS managerName, manager_email AS managerEmail FROM people ORDER BY employee_id`,
      )
      .all() as PersonRow[]
    const directory = new ManagerDirectory(people)
    const exists = new Set(people.map((p) => p.employeeId))
    const setManager = db.prepare('UPDATE people SET manager_id = ? WHERE id = ?')
    const issues: ImportIssueShape[] = []
    const notFound = new Map<string, string[]>()
    let linkedEarlier = 0

    for (const person of people) {
      if (person.managerName === null && person.managerEmail === null) continue
      const named = this.named.get(person.employeeId)
      // From an earlier file: only a manager still waiting to be found is looked for again.
      if (!named && person.managerId !== null) continue
      const givenId = named?.givenId ?? null
      const found: ManagerMatch =
        givenId !== null && exists.has(givenId)
          ? { kind: 'found', employeeId: givenId }
          : directory.resolve(person.managerName, person.managerEmail, person.employeeId)
      let target: string | null
      if (found.kind === 'found') target = found.employeeId
      else if (found.kind === 'ambiguous') {
        target =
          person.managerId !== null && found.candidates.includes(person.managerId)
            ? person.managerId
            : givenId
        if (named)
          issues.push({
            sheet,
            row: named.row,
            column: null,
            value: person.managerName ?? person.managerEmail,
            code: 'MANAGER_AMBIGUOUS',
            ...issueText(
              message('import.warnings.managerAmbiguous', {
                manager: person.managerName ?? person.managerEmail ?? '',
                candidates: found.candidates.join(', '),
                employeeId: person.employeeId,
              }),
            ),
          })
      } else {
        // A manager ID the row gave is kept (dangling, for the quality report) when the name does not help either.
        target = givenId
        const label = person.managerName ?? person.managerEmail ?? ''
        if (named) notFound.set(label, [...(notFound.get(label) ?? []), person.employeeId])
      }
      if (target === person.managerId) continue
      if (!named?.inserted) journal.updating('people', person.id, { manager_id: person.managerId })
      setManager.run(target, person.id)
      if (!named && target !== null) linkedEarlier++
    }

    if (notFound.size > 0) {
      const people = [...notFound.values()].reduce((n, ids) => n + ids.length, 0)
      const names = [...notFound]
        .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
        .slice(0, NAMES_SHOWN)
        .map(([name, ids]) => `${name} (${ids.length})`)
        .join(', ')
      issues.push({
        sheet,
        row: 0,
        column: null,
        value: null,
        code: 'MANAGER_NOT_IN_WORKSPACE',
        ...issueText(
          message('import.warnings.managerNotInWorkspace', {
            count: people,
            n: String(people),
            managers: notFound.size > NAMES_SHOWN ? `${names}, …` : names,
          }),
        ),
      })
    }
    if (linkedEarlier > 0)
      issues.push({
        sheet: null,
        row: 0,
        column: null,
        value: null,
        code: 'MANAGERS_LINKED',
        ...issueText(
          message('import.warnings.managersLinked', { count: linkedEarlier, n: String(linkedEarlier) }),
        ),
      })
    return issues
  }
}
