import { message } from '../../shared/i18n/translate'
import { issueText, type ImportIssue } from '../../core/import/validateRows'
import { matchSkill } from '../../core/skills/normalise'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { ontologySkills } from '../services/succession/skillProfiles'

/**
 * One warning per skill a batch created, naming similar skills already in the ontology: a person then merges them
 * (Skills → merge, reversible) or keeps them apart. Nothing is merged silently.
 */
export function newSkillNotes(db: WorkspaceDb, lastIdBefore: number): ImportIssue[] {
  const all = ontologySkills(db)
  const existing = all.filter((s) => s.id <= lastIdBefore)
  return all
    .filter((s) => s.id > lastIdBefore)
    .map((s) => {
      const match = matchSkill(s.name, existing)
      const similar = match.kind === 'unknown' ? match.suggestions : []
      return {
        sheet: null,
        row: 0,
        column: 'skill',
        value: s.name,
        code: 'NEW_SKILL',
        ...issueText(
          similar.length === 0
            ? message('import.warnings.newSkill', { skill: s.name })
            : message('import.warnings.newSkillSimilar', {
                skill: s.name,
                similar: similar.map((x) => `${x.name} (${x.score})`).join(', '),
              }),
        ),
      }
    })
}
