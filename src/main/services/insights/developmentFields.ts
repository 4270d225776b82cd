import type { MethodOutput, ParsedInput, SegmentDimension } from '../../../shared/contract'
import { usesFieldFor } from '../../../core/privacy/fieldPurposes'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { readFieldPurposes, requireFieldPurpose } from '../privacy/fieldPurposes'

/**
 * The Insights views serve development: each one asks before it segments by, or shows, an organisational field,
 * so a field untagged for development (Workspace ▸ Field purposes) drops out of every view and export at once.
 */
export const developmentDimensions = (db: WorkspaceDb): SegmentDimension[] => {
  const purposes = readFieldPurposes(db)
  return (['department', 'location', 'jobLevel', 'manager'] as const).filter((d) =>
    usesFieldFor(purposes, d, 'development'),
  )
}

export function requireProgramFields(db: WorkspaceDb, input: ParsedInput<'insights.program'>): void {
  requireFieldPurpose(db, input.segmentBy, 'development')
  for (const w of input.within) requireFieldPurpose(db, w.dimension, 'development')
}

export const requireTeamField = (db: WorkspaceDb): void => requireFieldPurpose(db, 'manager', 'development')

/** Promotions are job-level history: asking about them needs the job level tagged for development. */
export function requireCohortFields(db: WorkspaceDb, input: ParsedInput<'insights.cohort'>): void {
  if (input.outcome.kind === 'promoted') requireFieldPurpose(db, 'jobLevel', 'development')
}

export function flightRiskForDevelopment(
  db: WorkspaceDb,
  result: MethodOutput<'insights.flightRisk'>,
): MethodOutput<'insights.flightRisk'> {
  const purposes = readFieldPurposes(db)
  const department = usesFieldFor(purposes, 'department', 'development')
  const manager = usesFieldFor(purposes, 'manager', 'development')
  if (department && manager) return result
  return {
    ...result,
    people: result.people.map((p) => ({
      ...p,
      department: department ? p.department : null,
      manager: manager ? p.manager : null,
    })),
  }
}

export function journeyForDevelopment(
  db: WorkspaceDb,
  journey: MethodOutput<'insights.journey'>,
): MethodOutput<'insights.journey'> {
  const purposes = readFieldPurposes(db)
  const department = usesFieldFor(purposes, 'department', 'development')
  // Promotions tell the job level; they leave the journey with it.
  const jobLevel = usesFieldFor(purposes, 'jobLevel', 'development')
  if (department && jobLevel) return journey
  return {
    ...journey,
    person: { ...journey.person, department: department ? journey.person.department : null },
    events: jobLevel ? journey.events : journey.events.filter((e) => e.kind !== 'promotion'),
  }
}
