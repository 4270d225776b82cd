import type { MethodOutput } from '../../../shared/contract'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { english, message, type Message, type MessageKey } from '../../../shared/i18n/translate'
import { flagCode, flagSummary, moveReasonCode, potentialFrom } from '../../../shared/contract/calibration'
import { sessionRow } from './sessionRecord'
import { shownNames } from './sessionMembers'

const FLAG_CODES: readonly string[] = flagCode.options
const FLAG_STATUSES: readonly string[] = flagSummary.shape.status.options

/** A stored code in the user's language when the catalogue knows it, else as stored. */
const known = (values: readonly string[], value: unknown, prefix: string): string | Message =>
  typeof value === 'string' && values.includes(value)
    ? message(`${prefix}.${value}` as MessageKey)
    : String(value)

const SOURCES: readonly string[] = potentialFrom.options
const REASONS: readonly string[] = moveReasonCode.options

/**
 * A move's stored reason ("calibration-consensus: agreed in the meeting") with its code in words; other reasons (a
 * reopening's) are what someone typed and stay as typed.
 */
function reasonText(action: string, reason: string | null): Message | undefined {
  if ((action !== 'calibration.move' && action !== 'calibration.rollupMove') || reason === null)
    return undefined
  const at = reason.indexOf(': ')
  const code = at < 0 ? '' : reason.slice(0, at)
  if (!REASONS.includes(code)) return undefined
  return message('calibration.log.reason', {
    code:
      code === 'other'
        ? message('calibration.panel.reasonCodeOther')
        : message(`calibration.panel.reasonCode.${code}` as MessageKey),
    reason: reason.slice(at + 2),
  })
}

/** A potential source as the session form names it, in the user's language. */
const sourceName = (value: unknown): string | Message => known(SOURCES, value, 'calibration.create.source')

interface AuditRow {
  at: string
  actor: string
  action: string
  before_json: string | null
  after_json: string | null
  reason: string | null
}

type Detail = Record<string, unknown>
const parse = (json: string | null): Detail => (json ? (JSON.parse(json) as Detail) : {})

/**
 * The session's entries of the workspace audit log, in words. In blind mode people appear under their pseudonyms,
 * as on the grid.
 */
export function sessionLog(db: WorkspaceDb, sessionId: string): MethodOutput<'calibration.log'> {
  // By name, as the grid shows them (the pseudonym in blind mode).
  const blind = sessionRow(db, sessionId).blind === 1
  const shown = shownNames(db, sessionId, blind)
  const who = (detail: Detail): string | Message => {
    const id = String(detail['employeeId'] ?? '')
    return shown.get(id) ?? (blind ? message('calibration.log.someone') : id)
  }
  const rows = db
    .prepare(
      `SELECT at, actor, action, before_json, after_json, reason FROM audit_log
       WHERE entity_type = 'calibration_session' AND entity_id = ? ORDER BY id DESC LIMIT 1000`,
    )
    .all(sessionId) as AuditRow[]
  return rows.map((row) => {
    const before = parse(row.before_json)
    const after = parse(row.after_json)
    const summaries: Record<string, () => Message> = {
      'calibration.create': () =>
        Array.isArray(after['rollupOf'])
          ? message('calibration.rollup.log.create', {
              count: Number(after['people']),
              cycle: String(after['cycle']),
              sessions: (after['rollupOf'] as { name: string }[]).map((c) => c.name).join(', '),
            })
          : message('calibration.log.create', {
              count: Number(after['people']),
              cycle: String(after['cycle']),
            }),
      // A roll-up's doings, on the audit trail of each child session they touch.
      'calibration.rolledUp': () =>
        message('calibration.rollup.log.rolledUp', { rollup: String(after['rollup']) }),
      'calibration.rollupMove': () =>
        message('calibration.rollup.log.move', {
          who: who(after),
          from: before['box'] === null || before['box'] === undefined ? '–' : String(before['box']),
          to: String(after['box']),
          rollup: String(after['rollup']),
        }),
      'calibration.rollupUndo': () =>
        message('calibration.rollup.log.undo', {
          who: who(after),
          to: String(after['box']),
          rollup: String(after['rollup']),
        }),
      'calibration.rollupRedo': () =>
        message('calibration.rollup.log.redo', {
          who: who(after),
          to: String(after['box']),
          rollup: String(after['rollup']),
        }),
      'calibration.childReopened': () =>
        message('calibration.rollup.log.childReopened', { session: String(after['name']) }),
      'calibration.move': () =>
        before['box'] === null || before['box'] === undefined
          ? message('calibration.log.place', {
              who: who(after),
              to: String(after['box']),
              step: String(after['step']),
            })
          : message('calibration.log.move', {
              who: who(after),
              from: String(before['box']),
              to: String(after['box']),
              step: String(after['step']),
            }),
      'calibration.potentialSource': () =>
        message('calibration.log.potentialSource', {
          from: sourceName(before['source']),
          to: sourceName(after['source']),
          placed: Number(after['placed']),
          held: Number(after['held']),
          step: String(after['step']),
        }),
      'calibration.proposals': () =>
        after['source'] === 'ratings'
          ? message('calibration.log.proposalsFromRatings', {
              count: Number(after['proposals']),
              step: String(after['step']),
            })
          : message('calibration.log.proposals', {
              count: Number(after['proposals']),
              file: String(after['file'] ?? ''),
              step: String(after['step']),
            }),
      'calibration.undo': () => message('calibration.log.undo', { step: String(after['step']) }),
      'calibration.redo': () => message('calibration.log.redo', { step: String(after['step']) }),
      'calibration.flag': () =>
        message('calibration.log.flag', {
          who: who(after),
          code: known(FLAG_CODES, after['code'], 'calibration.log.flagCode'),
          status: known(FLAG_STATUSES, after['status'], 'calibration.flag.status'),
        }),
      'calibration.note': () => message('calibration.log.note', { who: who(after) }),
      'calibration.blindOn': () => message('calibration.log.blindOn'),
      'calibration.blindOff': () => message('calibration.log.blindOff'),
      'calibration.goLive': () => message('calibration.log.goLive'),
      'calibration.finalize': () => message('calibration.log.finalize'),
      'calibration.reopen': () => message('calibration.log.reopen'),
    }
    const summary = summaries[row.action]?.()
    const reason = reasonText(row.action, row.reason)
    return {
      at: row.at,
      actor: row.actor,
      action: row.action,
      summary: summary ? english(summary) : row.action,
      ...(summary ? { summaryText: summary } : {}),
      reason: row.reason,
      ...(reason ? { reasonText: reason } : {}),
    }
  })
}
