import type { MethodName } from '../../shared/contract'
import { contract } from '../../shared/contract'
import { toIsoDate } from '../../core/dates'
import type { Handlers } from '../rpc/dispatcher'
import { appendAudit, type AuditEntry } from './auditLog'
import type { EventBus } from './eventBus'
import { fairnessAudit } from './fairness/fairnessAudit'
import { writeFairnessWorkbook } from './fairness/fairnessWorkbook'
import { compareCohorts, learningItemsWithCompletions } from './insights/cohortComparison'
import { flightRiskSignals } from './insights/flightRisk'
import { INSIGHT_METHODS, writeInsightWorkbook, type InsightView } from './insights/insightsWorkbook'
import { deleteGoal, listGoals, saveGoal } from './insights/learningGoals'
import { personJourney } from './insights/personJourney'
import { programTrend } from './insights/programTrend'
import { talentDensity } from './insights/talentDensity'
import { assignFromHeatmap, managersWithReports, teamHeatmap } from './insights/teamHeatmap'
import { writeAnonymisedExport } from './privacy/anonymisedExport'
import { erasePerson } from './privacy/erasePerson'
import { listFieldPurposes, requireFieldPurpose, setFieldPurposes } from './privacy/fieldPurposes'
import {
  developmentDimensions,
  flightRiskForDevelopment,
  journeyForDevelopment,
  requireCohortFields,
  requireProgramFields,
  requireTeamField,
} from './insights/developmentFields'
import { applyRetention, retentionPreview } from './privacy/retention'
import { exportSubjectAccess } from './privacy/subjectAccess'
import type { RulesContext } from './rules/ruleStore'
import type { WorkspaceSession } from './workspace/workspaceSession'

type AnalysisMethod = Extract<MethodName, `insights.${string}` | `privacy.${string}` | `fairness.${string}`>

export interface AnalysisDeps {
  session: WorkspaceSession
  events: EventBus
  now: () => Date
  /** The writing connection, once no long write holds it. */
  context: () => RulesContext
  writeToPathOrBytes: (
    path: string | undefined,
    fileName: string,
    write: (path: string) => Promise<unknown>,
  ) => Promise<{ fileName: string; path: string | null; bytes: Uint8Array<ArrayBuffer> | null }>
  /** Every handler, for an export that repeats a view's own method. */
  handlers: () => Handlers
}

/** The Insights views, the fairness audit and the privacy requests: the methods that read across the workspace. */
export function analysisHandlers(deps: AnalysisDeps): Pick<Handlers, AnalysisMethod> {
  const { session, events, now, context, writeToPathOrBytes, handlers } = deps
  /** Data about people left the workspace: the audit log says who took what, and when. */
  const logExport = (entry: Omit<AuditEntry, 'actor'>): void => {
    const { db, actor, now: at } = context()
    db.transaction(() => appendAudit(db, { actor, ...entry }, at))()
  }
  return {
    'privacy.erase': (input) => {
      const { db, actor, now: at } = context()
      const result = erasePerson(db, input, actor, at)
      events.emit('workspace.changed', session.status())
      return result
    },
    'privacy.fieldPurposes': () => listFieldPurposes(session.reader),
    'privacy.setFieldPurposes': (input) => {
      const { db, actor, now: at } = context()
      const result = setFieldPurposes(db, input, actor, at)
      // What the grid, the Insights and the exports may show has changed.
      events.emit('workspace.changed', session.status())
      return result
    },
    'insights.items': () => learningItemsWithCompletions(session.reader),
    'insights.density': (input) => {
      requireFieldPurpose(session.reader, input.by, 'development')
      return talentDensity(session.reader, input)
    },
    'insights.program': (input) => {
      requireProgramFields(session.reader, input)
      return programTrend(session.reader, input, developmentDimensions(session.reader))
    },
    'insights.flightRisk': (input) =>
      flightRiskForDevelopment(session.reader, flightRiskSignals(session.reader, input, toIsoDate(now()))),
    'insights.managers': () => {
      requireTeamField(session.reader)
      return managersWithReports(session.reader)
    },
    'insights.teamHeatmap': (input) => {
      requireTeamField(session.reader)
      return teamHeatmap(session.reader, input, toIsoDate(now()))
    },
    'insights.assign': (input) => assignFromHeatmap(input, context()),
    'privacy.subjectAccess': async (input) => {
      let rows = 0
      const file = await writeToPathOrBytes(
        input.path,
        `Subject access ${input.employeeId}.xlsx`,
        async (path) => {
          rows = await exportSubjectAccess(
            session.reader,
            input.employeeId,
            path,
            toIsoDate(now()),
            input.locale,
          )
        },
      )
      logExport({
        action: 'privacy.subjectAccess',
        entityType: 'person',
        entityId: input.employeeId,
        after: { rows },
      })
      return { ...file, rows }
    },
    'insights.journey': (input) =>
      journeyForDevelopment(
        session.reader,
        personJourney(session.reader, input.employeeId, toIsoDate(now())),
      ),
    'insights.export': async (input) => {
      const method = INSIGHT_METHODS[input.view]
      // The view's own input, checked by that view's method: the workbook holds exactly what the view shows.
      const data = await handlers()[method](contract[method].input.parse(input.input) as never)
      return writeToPathOrBytes(input.path, `Insights ${input.view}.xlsx`, (path) =>
        writeInsightWorkbook(path, { view: input.view, data } as InsightView, input.locale),
      )
    },
    'privacy.retentionPreview': (input) => retentionPreview(session.reader, input, toIsoDate(now())),
    'privacy.retentionPurge': (input) => {
      const { db, actor, now: at } = context()
      const result = applyRetention(db, input, actor, at)
      events.emit('workspace.changed', session.status())
      return result
    },
    'privacy.anonymisedExport': async (input) => {
      // Writes the pseudonym secret on first use, so it runs on the writing connection.
      const { db, now: at } = context()
      let rows = 0
      const file = await writeToPathOrBytes(input.path, 'Anonymised workspace.xlsx', async (path) => {
        rows = await writeAnonymisedExport(db, path, toIsoDate(at), input.locale)
      })
      logExport({ action: 'privacy.anonymisedExport', entityType: 'workspace', after: { rows } })
      return { ...file, rows }
    },
    'insights.goals': () => listGoals(session.reader, toIsoDate(now())),
    'insights.saveGoal': (input) => saveGoal(input, context()),
    'insights.deleteGoal': (input) => deleteGoal(input.id, context()),
    'insights.cohort': (input) => {
      requireCohortFields(session.reader, input)
      return compareCohorts(session.reader, input, toIsoDate(now()))
    },
    'fairness.audit': (input) => fairnessAudit(session.reader, input.sessionId, input.topBoxes),
    'fairness.export': async (input) => {
      const audit = fairnessAudit(session.reader, input.sessionId, input.topBoxes)
      const file = await writeToPathOrBytes(
        input.path,
        `Fairness audit ${audit.sessionName.replace(/[^\w -]+/g, '_')}.xlsx`,
        (path) => writeFairnessWorkbook(path, audit, input.locale),
      )
      logExport({
        action: 'fairness.export',
        entityType: 'calibration_session',
        entityId: input.sessionId,
        after: { file: file.fileName, attributes: audit.attributes.map((a) => a.attribute) },
      })
      return file
    },
  }
}
