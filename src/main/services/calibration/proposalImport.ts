import { basename } from 'node:path'
import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { proposalsFromRatings, storeProposals, type StoredProposal } from './proposals'
import { readProposals, sessionMembersById } from './proposalsReadBack'
import { assertEditable, sessionRow, type CalibrationContext } from './sessionRecord'

type Result = MethodOutput<'calibration.importProposals'>

export interface ProposalImportDeps {
  /** Where the checks read: the session's members, the cycle's ratings. */
  reader: WorkspaceDb
  /** The writer's context, asked for only once the proposals are known good. */
  context: () => CalibrationContext
  /** Runs the write as a session's own state change (see sessionStateWrite): the view's cached inputs stay valid. */
  sessionWrite: <T>(write: () => T) => T
  /** Opens a staged upload (or the path as given) for reading. */
  withPlaintext: <T>(path: string, read: (plainPath: string) => Promise<T>) => Promise<T>
  spoolRoot: string
}

/**
 * Managers' proposals into a session: read and checked whole first (nothing is written while a problem remains),
 * then written as one step that replaces the proposals before.
 */
export async function importProposals(
  input: ParsedInput<'calibration.importProposals'>,
  deps: ProposalImportDeps,
): Promise<Result> {
  assertEditable(sessionRow(deps.reader, input.sessionId))
  let proposals: StoredProposal[]
  let file: string | null = null
  if (input.from === 'ratings') {
    proposals = proposalsFromRatings(deps.reader, input.sessionId)
    if (proposals.length === 0)
      throw new AppError('INVALID_INPUT', message('calibration.proposals.errors.noRatings'), {
        sessionId: input.sessionId,
      })
  } else {
    const path = input.path ?? ''
    const named = input.fileName ?? basename(path)
    file = named
    const members = sessionMembersById(deps.reader, input.sessionId)
    const read = await deps.withPlaintext(path, (plain) =>
      readProposals(plain, named, members, deps.spoolRoot),
    )
    if (read.errors.length > 0)
      return { stored: false, proposals: 0, replaced: 0, step: null, errors: read.errors }
    proposals = read.proposals
  }
  const { step, replaced } = deps.sessionWrite(() =>
    storeProposals(input.sessionId, proposals, { source: input.from, file }, deps.context()),
  )
  return { stored: true, proposals: proposals.length, replaced, step, errors: [] }
}
