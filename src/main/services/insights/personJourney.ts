import { JOURNEY_STATES as STATES } from '../../../shared/contract'
import type { MethodOutput } from '../../../shared/contract'
import { english, message, type Message, type MessageKey } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { readSnapshot } from '../calibration/flagRecords'
import { showSession } from '../calibration/sessionView'

type Journey = MethodOutput<'insights.journey'>
type Event = Journey['events'][number]

/** The state of a learning record on the day asked: done, failed, past its due date, or a credential's validity. */
function learningState(
  r: {
    status: string
    dueAt: string | null
    validUntil: string | null
    activityType: string
  },
  asOf: string,
): string {
  if (r.status === 'failed') return 'failed'
  if (r.status === 'completed' || r.status === 'passed' || r.status === 'waived') {
    if (r.activityType === 'certification' || r.validUntil !== null)
      return r.validUntil !== null && r.validUntil < asOf ? 'expired' : 'valid'
    return 'completed'
  }
  return r.dueAt !== null && r.dueAt < asOf ? 'overdue' : 'open'
}

const LEARNING_STATUSES = [
  'enrolled',
  'in_progress',
  'completed',
  'passed',
  'failed',
  'waived',
  'withdrawn',
  'no_show',
]
/** A value as it is (a title, a name): a message that says only it. */
const plain = (value: Message | string): Message => message('insights.plain', { value })
/** A stored learning status in words ("in progress"); one the catalogue does not know is shown as stored. */
const statusWord = (status: string): Message | string =>
  LEARNING_STATUSES.includes(status)
    ? message(`insights.journey.status.${status}` as MessageKey)
    : status.replace('_', ' ')
const stateWord = (state: string): Message | string =>
  STATES.includes(state) ? message(`insights.journey.state.${state}` as MessageKey) : state
/** "a, b, c": the parts of a detail. */
const joined = (parts: readonly (Message | string)[]): Message => {
  const [first, ...rest] = parts
  return rest.length === 0
    ? plain(first ?? '')
    : message('insights.list.comma', { first: first ?? '', rest: joined(rest) })
}

/** One person's records, dated and in order: the story behind every number the other views show about them. */
export function personJourney(db: WorkspaceDb, employeeId: string, asOf: string): Journey {
  const person = db
    .prepare(
      `SELECT id, employee_id AS employeeId, coalesce(full_name, employee_id) AS name, job_title AS jobTitle, department,
              hire_date AS hireDate FROM people WHERE employee_id = ?`,
    )
    .get(employeeId) as (Journey['person'] & { id: number }) | undefined
  if (!person) throw new AppError('NOT_FOUND', message('insights.errors.noPerson', { employeeId }))
  const events: Event[] = []
  /** An event told as messages; its title and detail strings are their English. */
  const add = (
    e: Omit<Event, 'title' | 'detail' | 'titleText' | 'detailText'>,
    title: Message,
    detail: Message,
  ): void => {
    // The fields in the order the CLI has always printed them.
    events.push({
      date: e.date,
      kind: e.kind,
      title: english(title),
      detail: english(detail),
      state: e.state,
      titleText: title,
      detailText: detail,
    })
  }
  for (const r of db
    .prepare(
      `SELECT i.title, i.activity_type AS activityType, lr.status, lr.score, lr.score_max AS scoreMax,
              lr.assigned_at AS assignedAt, lr.due_at AS dueAt, lr.completed_at AS completedAt, lr.valid_until AS validUntil
       FROM learning_records lr JOIN learning_items i ON i.id = lr.item_id WHERE lr.person_id = ?`,
    )
    .all(person.id) as {
    title: string
    activityType: string
    status: string
    score: number | null
    scoreMax: number | null
    assignedAt: string | null
    dueAt: string | null
    completedAt: string | null
    validUntil: string | null
  }[]) {
    const date = r.completedAt ?? r.dueAt ?? r.assignedAt
    if (!date) continue
    const state = learningState(r, asOf)
    const parts: (Message | string)[] = [statusWord(r.status)]
    if (r.score !== null)
      parts.push(
        r.scoreMax === null
          ? message('insights.journey.score', { score: String(r.score) })
          : message('insights.journey.scoreOf', { score: String(r.score), max: String(r.scoreMax) }),
      )
    if (r.dueAt) parts.push(message('insights.journey.due', { date: r.dueAt }))
    if (r.validUntil) parts.push(message('insights.journey.validUntil', { date: r.validUntil }))
    add(
      { date, kind: r.activityType === 'certification' ? 'certification' : 'learning', state },
      plain(r.title),
      joined(parts),
    )
  }
  for (const r of db
    .prepare(
      `SELECT c.name AS cycle, r.overall_rating AS rating, c.scale_max AS scaleMax, r.potential_rating AS potential,
              coalesce(r.review_date, c.ends_on) AS date, r.reviewer_id AS reviewer
       FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id WHERE r.person_id = ?`,
    )
    .all(person.id) as {
    cycle: string
    rating: number
    scaleMax: number
    potential: number | null
    date: string | null
    reviewer: string | null
  }[])
    if (r.date)
      add(
        { date: r.date, kind: 'review', state: null },
        message('insights.journey.review', { cycle: r.cycle }),
        message('insights.journey.reviewDetail', {
          rating: String(r.rating),
          max: String(r.scaleMax),
          potential:
            r.potential === null
              ? ''
              : message('insights.journey.potential', { potential: String(r.potential) }),
          reviewer: r.reviewer ? message('insights.journey.by', { reviewer: r.reviewer }) : '',
        }),
      )
  for (const r of db
    .prepare(
      `SELECT s.name AS skill, cr.level, cr.source, cr.rated_at AS date FROM competency_ratings cr
       JOIN skills s ON s.id = cr.skill_id WHERE cr.person_id = ? AND cr.rated_at IS NOT NULL`,
    )
    .all(person.id) as { skill: string; level: number; source: string; date: string }[])
    add(
      { date: r.date, kind: 'rating', state: null },
      plain(r.skill),
      message('insights.journey.rating', { level: String(r.level), source: r.source }),
    )
  for (const p of db
    .prepare(
      'SELECT promoted_on AS date, from_level AS fromLevel, to_level AS toLevel FROM promotions WHERE person_id = ?',
    )
    .all(person.id) as { date: string; fromLevel: number | null; toLevel: number | null }[])
    add(
      { date: p.date, kind: 'promotion', state: null },
      message('insights.journey.promoted'),
      p.toLevel === null
        ? message('insights.journey.promotedUnknown')
        : p.fromLevel === null
          ? message('insights.journey.promotedTo', { to: String(p.toLevel) })
          : message('insights.journey.promotedFrom', { from: String(p.fromLevel), to: String(p.toLevel) }),
    )
  for (const s of db
    .prepare(
      `SELECT s.id, s.name, s.status, s.finalized_json AS snapshot, s.created_at AS createdAt FROM calibration_members m
       JOIN calibration_sessions s ON s.id = m.session_id WHERE m.person_id = ? ORDER BY s.created_at`,
    )
    .all(person.id) as {
    id: string
    name: string
    status: string
    snapshot: string | null
    createdAt: string
  }[]) {
    const view = s.snapshot ? readSnapshot(s.snapshot).view : showSession(db, s.id)
    const placed = view.placements.find((p) => p.employeeId === employeeId)
    const held = view.holding.find((h) => h.employeeId === employeeId)
    add(
      { date: s.createdAt.slice(0, 10), kind: 'placement', state: s.status },
      message('insights.journey.calibration', { name: s.name }),
      placed
        ? message('insights.journey.box', {
            box: String(placed.box),
            computed:
              placed.box === placed.computedBox
                ? ''
                : message('insights.journey.computed', { box: String(placed.computedBox) }),
            status: stateWord(s.status),
          })
        : held
          ? message('insights.journey.holding', { explanation: held.explanation })
          : plain(stateWord(s.status)),
    )
  }
  for (const m of db
    .prepare(
      `SELECT s.name, m.from_box AS fromBox, m.to_box AS toBox, m.reason, m.actor, m.at, m.state FROM calibration_moves m
       JOIN calibration_sessions s ON s.id = m.session_id WHERE m.person_id = ?`,
    )
    .all(person.id) as {
    name: string
    fromBox: number | null
    toBox: number
    reason: string
    actor: string
    at: string
    state: number
  }[])
    add(
      { date: m.at.slice(0, 10), kind: 'move', state: null },
      message('insights.journey.movedIn', { name: m.name }),
      message('insights.journey.move', {
        from: m.fromBox === null ? '—' : String(m.fromBox),
        to: String(m.toBox),
        actor: m.actor,
        reason: m.reason,
        undone: m.state === 0 ? '' : message('insights.journey.undone'),
      }),
    )
  for (const a of db
    .prepare(
      `SELECT a.kind, a.reason, a.status, a.created_at AS at, a.due_at AS dueAt, i.title FROM outbox_actions a
       LEFT JOIN learning_items i ON i.id = a.item_id WHERE a.person_id = ?`,
    )
    .all(person.id) as {
    kind: string
    reason: string
    status: string
    at: string
    dueAt: string | null
    title: string | null
  }[])
    add(
      { date: a.at.slice(0, 10), kind: 'action', state: a.status },
      message(
        a.kind === 'assign'
          ? 'insights.journey.assigned'
          : a.kind === 'recommend'
            ? 'insights.journey.recommended'
            : 'insights.journey.notified',
        { title: a.title ? message('insights.journey.actionTitle', { title: a.title }) : '' },
      ),
      // The reason is the text the rule or person wrote: kept as written.
      message('insights.journey.actionDetail', {
        reason: a.reason,
        due: a.dueAt ? message('insights.journey.actionDue', { date: a.dueAt }) : '',
      }),
    )
  events.sort((x, y) => x.date.localeCompare(y.date) || x.kind.localeCompare(y.kind))
  const { id: _id, ...summary } = person
  return { person: summary, events }
}
