import { useEffect, useState } from 'react'
import type { LearningGoal, MethodInput } from '../../../../shared/contract'
import { goalMetric, goalSource } from '../../../../shared/contract/insights'
import { api } from '../../api/client'

type Draft = MethodInput<'insights.saveGoal'>

const METRIC_LABEL: Record<LearningGoal['metric'], string> = {
  'time-to-proficiency': 'Time to proficiency',
  'retention-90-days': '90-day retention',
  'completion-rate': 'Completion rate',
  'mandatory-compliance': 'Mandatory compliance',
  'high-performer-share': 'Share of high performers',
  'survey-satisfaction': 'Survey satisfaction',
  other: 'Other (measured elsewhere)',
}
const SOURCE_LABEL: Record<LearningGoal['sources'][number], string> = {
  lms: 'LMS',
  hris: 'HRIS',
  performance: 'Performance',
  competencies: 'Competencies',
  surveys: 'Surveys',
  xapi: 'xAPI',
}

function GoalRow({
  goal,
  onSaved,
  onDeleted,
}: {
  goal: Draft & { present?: string[]; value?: string | null; basis?: string }
  onSaved: () => void
  onDeleted: () => void
}): React.JSX.Element {
  const [draft, setDraft] = useState<Draft>({
    id: goal.id,
    goal: goal.goal,
    metric: goal.metric,
    sources: goal.sources,
    note: goal.note ?? null,
  })
  const [error, setError] = useState<string | null>(null)
  const fail = (e: unknown): void => setError(e instanceof Error ? e.message : String(e))
  const toggle = (source: LearningGoal['sources'][number]): void =>
    setDraft((d) => ({
      ...d,
      sources: d.sources.includes(source) ? d.sources.filter((s) => s !== source) : [...d.sources, source],
    }))
  return (
    <tr>
      <td>
        <input
          aria-label="Goal"
          value={draft.goal}
          onChange={(e) => setDraft({ ...draft, goal: e.target.value })}
        />
      </td>
      <td>
        <select
          aria-label="Metric"
          value={draft.metric}
          onChange={(e) => setDraft({ ...draft, metric: e.target.value as Draft['metric'] })}
        >
          {goalMetric.options.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABEL[m]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <div className="sources">
          {goalSource.options.map((s) => (
            <label key={s} className={`checkbox source${goal.present?.includes(s) ? ' present' : ''}`}>
              <input type="checkbox" checked={draft.sources.includes(s)} onChange={() => toggle(s)} />{' '}
              {SOURCE_LABEL[s]}
            </label>
          ))}
        </div>
      </td>
      <td title={goal.basis}>
        {goal.value ?? <span className="muted">—</span>}
        {goal.basis && <div className="muted small">{goal.basis}</div>}
      </td>
      <td>
        <button
          type="button"
          className="secondary small"
          onClick={() => void api.call('insights.saveGoal', draft).then(onSaved, fail)}
        >
          Save
        </button>{' '}
        {goal.id !== undefined && (
          <button
            type="button"
            className="link small"
            onClick={() =>
              void api.call('insights.deleteGoal', { id: goal.id as number }).then(onDeleted, fail)
            }
          >
            Remove
          </button>
        )}
        {error && <div className="error-text small">{error}</div>}
      </td>
    </tr>
  )
}

/** Learning goals linked to the metrics that show them and the data those need, with what the workspace can say today. */
export function LearningGoalMap(): React.JSX.Element {
  const [goals, setGoals] = useState<LearningGoal[]>([])
  const [version, setVersion] = useState(0)
  const [adding, setAdding] = useState(false)
  useEffect(() => {
    let live = true
    api.call('insights.goals').then(
      (g) => live && setGoals(g),
      () => live && setGoals([]),
    )
    return () => {
      live = false
    }
  }, [version])
  const reload = (): void => {
    setAdding(false)
    setVersion((v) => v + 1)
  }
  return (
    <section className="insight-card" aria-label="Learning-goal map">
      <h3>Learning-goal map</h3>
      <p className="muted">
        Each goal, the metric that shows it and the data it needs; a source in bold has data in this
        workspace.
      </p>
      <table className="audit-table goal-map" aria-label="Learning goals">
        <thead>
          <tr>
            <th>Goal</th>
            <th>Metric</th>
            <th>Data sources</th>
            <th>Value today</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {goals.map((g) => (
            <GoalRow key={`${g.id}-${version}`} goal={g} onSaved={reload} onDeleted={reload} />
          ))}
          {adding && (
            <GoalRow
              goal={{ goal: '', metric: 'completion-rate', sources: ['lms'], note: null }}
              onSaved={reload}
              onDeleted={reload}
            />
          )}
        </tbody>
      </table>
      {!adding && (
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          Add a goal
        </button>
      )}
    </section>
  )
}
