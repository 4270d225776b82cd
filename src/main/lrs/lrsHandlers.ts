import { message } from '../../shared/i18n/translate'
import type { MethodName } from '../../shared/contract'
import type { Handlers } from '../rpc/dispatcher'
import type { EventBus } from '../services/eventBus'
import type { JobRegistry } from '../services/jobs'
import type { WorkspaceSession } from '../services/workspace/workspaceSession'
import {
  addConnection,
  listConnections,
  pullHistory,
  removeConnection,
  requireConnection,
} from './connections'
import { getLrsJson, type RequestOptions } from './lrsHttp'
import { pullStatements } from './pullStatements'

type LrsMethod = Extract<MethodName, `lrs.${string}`>

export interface LrsDeps {
  session: WorkspaceSession
  events: EventBus
  jobs: JobRegistry
  actor: string
  now: () => Date
  /** Tests shorten the backoff; the app uses the defaults. */
  http?: Omit<RequestOptions, 'signal'>
}

export function lrsHandlers(deps: LrsDeps): Pick<Handlers, LrsMethod> {
  const { session, events, jobs, actor, now } = deps
  return {
    'lrs.list': () => listConnections(session.reader),
    'lrs.add': (input) => {
      session.assertIdle()
      return addConnection(session.db, input, actor, now())
    },
    'lrs.remove': (input) => {
      session.assertIdle()
      return { removed: removeConnection(session.db, input.name, actor, now()) }
    },
    'lrs.history': (input) => pullHistory(session.reader, input.name),
    'lrs.test': async (input) => {
      const connection = requireConnection(session.reader, input.name)
      const { body } = await getLrsJson(new URL('about', connection.endpoint).toString(), connection, {
        ...deps.http,
        maxRetries: 1,
      })
      const about = (body ?? {}) as { version?: unknown }
      const versions = Array.isArray(about.version) ? about.version.map(String) : []
      return { ok: true as const, versions, authorised: true }
    },
    'lrs.pull': async (input) => {
      const connection = requireConnection(session.reader, input.name)
      let pagesStored = 0
      const pulling = session.exclusively(message('lrs.busy', { name: input.name }), () =>
        jobs.run(
          input.jobId,
          (job) =>
            pullStatements({ db: session.db, actor, now: now() }, connection, {
              since: input.since,
              dryRun: input.dryRun,
              pageSize: input.pageSize,
              signal: job.signal,
              http: deps.http,
              onProgress: (p) => {
                pagesStored = p.pages
                if (input.jobId)
                  events.emit('lrs.progress', { jobId: input.jobId, connection: input.name, ...p })
              },
            }),
          message('lrs.job', { name: input.name }),
        ),
      )
      try {
        const result = await pulling
        if (result.outcome === 'stored' || result.batchId !== null)
          events.emit('workspace.changed', session.status())
        return result
      } catch (error) {
        // A pull that stopped keeps the pages it stored: screens showing the workspace refresh all the same.
        if (pagesStored > 0 && !input.dryRun) events.emit('workspace.changed', session.status())
        throw error
      }
    },
  }
}
