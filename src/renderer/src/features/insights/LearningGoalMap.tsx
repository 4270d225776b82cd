import { useEffect, useState } from 'react'
import type { LearningGoal, MethodInput } from '../../../../shared/contract'
import { goalMetric, goalSource } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'
import { errorText } from './text'

type Draft = MethodInput<'insights.saveGoal'>

function GoalRow({
  goal,
  onSaved,
  onDeleted,
}: {
  goal: Draft & Partial<Pick<LearningGoal, 'present' | 'valueText' | 'basisText'>>
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
  const [error, setError] = useState<unknown>(null)
  const t = useT()
  const fail = (e: unknown): void => setError(e)
  const basis = goal.basisText ? t.m(goal.basisText) : undefined
  const toggle = (source: LearningGoal['sources'][number]): void =>
    setDraft((d) => ({
      ...d,
      sources: d.sources.includes(source) ? d.sources.filter((s) => s !== source) : [...d.sources, source],
    }))
  return (
    <tr>
      <td>
        <input
          aria-label={t.t('insights.goals.goal')}
          value={draft.goal}
          onChange={(e) => setDraft({ ...draft, goal: e.target.value })}
        />
      </td>
      <td>
        <select
          aria-label={t.t('insights.goals.metric')}
          value={draft.metric}
          onChange={(e) => setDraft({ ...draft, metric: e.target.value as Draft['metric'] })}
        >
          {goalMetric.options.map((m) => (
            <option key={m} value={m}>
              {t.t(`insights.goals.metricLabel.${m}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <div className="sources">
          {goalSource.options.map((s) => (
            <label key={s} className={`checkbox source${goal.present?.includes(s) ? ' present' : ''}`}>
              <input type="checkbox" checked={draft.sources.includes(s)} onChange={() => toggle(s)} />{' '}
              {t.t(`insights.goals.sourceLabel.${s}`)}
            </label>
          ))}
        </div>
      </td>
      <td title={basis}>
        {goal.valueText ? t.m(goal.valueText) : <span className="muted">—</span>}
        {basis && <div className="muted small">{basis}</div>}
      </td>
      <td>
        <button
          type="button"
          className="secondary small"
          onClick={() => void api.call('insights.saveGoal', draft).then(onSaved, fail)}
        >
          {t.t('insights.goals.save')}
        </button>{' '}
        {goal.id !== undefined && (
          <button
            type="button"
            className="link small"
            onClick={() =>
              void api.call('insights.deleteGoal', { id: goal.id as number }).then(onDeleted, fail)
            }
          >
            {t.t('insights.goals.remove')}
          </button>
        )}
        {error !== null && <div className="error-text small">{errorText(t, error)}</div>}
      </td>
    </tr>
  )
}

/** Learning goals linked to the metrics that show them and the data those need, with what the workspace can say today. */
export function LearningGoalMap(): React.JSX.Element {
  const [goals, setGoals] = useState<LearningGoal[]>([])
  const [version, setVersion] = useState(0)
  const [adding, setAdding] = useState(false)
  const t = useT()
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
    <section className="insight-card" aria-label={t.t('insights.goals.region')}>
      <h2>{t.t('insights.goals.region')}</h2>
      <p className="muted">{t.t('insights.goals.intro')}</p>
      <table className="audit-table goal-map" aria-label={t.t('insights.goals.table')}>
        <thead>
          <tr>
            <th>{t.t('insights.goals.goal')}</th>
            <th>{t.t('insights.goals.metric')}</th>
            <th>{t.t('insights.goals.sources')}</th>
            <th>{t.t('insights.goals.value')}</th>
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
          {t.t('insights.goals.add')}
        </button>
      )}
    </section>
  )
}
