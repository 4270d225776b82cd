import type { CalibrationScope, CalibrationView } from '../../../shared/contract/calibration'
import { usesFieldFor, type PurposeField } from '../../../core/privacy/fieldPurposes'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { readFieldPurposes, requireFieldPurpose } from '../privacy/fieldPurposes'

const SCOPE_FIELD: Record<keyof CalibrationScope, PurposeField> = {
  manager: 'manager',
  department: 'department',
  location: 'location',
  jobLevel: 'jobLevel',
}

/** A session may only be scoped by fields tagged for calibration. */
export function requireScopeFields(db: WorkspaceDb, scope: CalibrationScope): void {
  for (const key of Object.keys(scope) as (keyof CalibrationScope)[]) {
    if (scope[key] !== undefined) requireFieldPurpose(db, SCOPE_FIELD[key], 'calibration')
  }
}

/**
 * The session as calibration may show it: organisational fields not tagged for calibration are blanked in the
 * grid, the side panel and the exports (a finalized snapshot keeps them, so re-tagging shows them again).
 */
export function withCalibrationFields(db: WorkspaceDb, view: CalibrationView): CalibrationView {
  const purposes = readFieldPurposes(db)
  const keep = (field: PurposeField): boolean => usesFieldFor(purposes, field, 'calibration')
  const [department, location, jobLevel, manager] = [
    keep('department'),
    keep('location'),
    keep('jobLevel'),
    keep('manager'),
  ]
  if (department && location && jobLevel && manager) return view
  return {
    ...view,
    placements: view.placements.map((p) => ({
      ...p,
      department: department ? p.department : null,
      location: location ? p.location : null,
      jobLevel: jobLevel ? p.jobLevel : null,
      managerId: manager ? p.managerId : null,
      managerName: manager ? p.managerName : null,
    })),
    holding: view.holding.map((h) => ({ ...h, department: department ? h.department : null })),
  }
}
