import { useCallback, useEffect, useState } from 'react'
import type { MethodInput, MethodOutput, RuleAction, RuleCondition } from '../../../../shared/contract'
import { api } from '../../api/client'
import { RuleForm } from './RuleForm'

type Rules = MethodOutput<'rules.list'>
type Applied = MethodOutput<'rules.apply'>

export function describeCondition(c: RuleCondition): string {
  switch (c.type) {
    case 'competencyBelow':
      return `${c.skill} below ${c.threshold}`
    case 'ratingAtLeast':
      return `rated ≥ ${c.rating}${c.minTenureYears ? ` and over ${c.minTenureYears} years' tenure` : ''}`
    case 'flag':
      return `flagged ${c.code}`
    case 'certificationExpiring':
      return `a certification expiring within ${c.withinDays} days`
    case 'inBox':
      return `in box ${c.box}`
  }
}

export function describeAction(a: RuleAction): string {
  switch (a.type) {
    case 'assign':
      return `assign ${a.activityId}, due in ${a.dueInDays} days`
    case 'recommend':
      return `recommend ${a.activityId}`
    case 'notify':
      return `notify: ${a.message}`
    case 'setReadiness':
      return `set readiness for role ${a.roleId} to ${a.readiness}`
  }
}

/** Rules, their results so far, and preview-then-apply. */
export function RulesPanel({
  onApplied,
  onError,
}: {
  onApplied: () => void
  onError: (e: unknown) => void
}): React.JSX.Element {
  const [rules, setRules] = useState<Rules | null>(null)
  const [preview, setPreview] = useState<Applied | null>(null)
  const [adding, setAdding] = useState(false)
  const reload = useCallback(() => {
    api.call('rules.list').then(setRules, onError)
  }, [onError])
  useEffect(() => {
    api.call('rules.list').then(setRules, onError)
  }, [onError])
  return (
    <section aria-label="Rules">
      <div className="session-toolbar">
        <h3>Gap-to-growth rules</h3>
        <div className="spacer" />
        <button
          type="button"
          className="secondary"
          onClick={() =>
            api.call('rules.export').then((rules) => {
              const url = URL.createObjectURL(
                new Blob([JSON.stringify(rules, null, 2)], { type: 'application/json' }),
              )
              const link = document.createElement('a')
              link.href = url
              link.download = 'ninefold-rules.json'
              link.click()
              URL.revokeObjectURL(url)
            }, onError)
          }
        >
          Export rules (JSON)
        </button>
        <label className="inline file-button">
          Import rules (JSON)
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (!file) return
              void file
                .text()
                .then((text) =>
                  api.call('rules.import', {
                    rules: JSON.parse(text) as MethodInput<'rules.import'>['rules'],
                  }),
                )
                .then(reload, onError)
            }}
          />
        </label>
        <button type="button" className="secondary" onClick={() => setAdding(!adding)}>
          {adding ? 'Close the form' : 'New rule'}
        </button>
      </div>
      {adding && (
        <RuleForm
          onSaved={() => {
            setAdding(false)
            reload()
          }}
          onError={onError}
        />
      )}
      <table>
        <thead>
          <tr>
            <th>Rule</th>
            <th>When</th>
            <th>Then</th>
            <th>Assigned</th>
            <th>Completed</th>
            <th>Overdue</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(rules ?? []).map((r) => (
            <tr key={r.ruleId}>
              <td>
                {r.name}
                <div className="muted small">
                  {r.enabled ? 'enabled' : 'disabled'}
                  {r.template ? ' · template' : ''}
                </div>
              </td>
              <td>{r.conditions.map(describeCondition).join(' and ')}</td>
              <td>{r.actions.map(describeAction).join('; ')}</td>
              <td>{r.stats.assigned}</td>
              <td>{r.stats.completed}</td>
              <td className={r.stats.overdue ? 'danger' : ''}>{r.stats.overdue}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    api.call('rules.apply', { ruleId: r.ruleId, dryRun: true }).then(setPreview, onError)
                  }
                >
                  Preview
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview && (
        <div className="rule-preview" role="region" aria-label="Rule preview">
          <p>
            <strong>{preview.matched}</strong> people match
            {preview.dryRun
              ? ' (nothing written yet)'
              : `: ${preview.created} action(s) written, ${preview.skipped} already open`}
            .
          </p>
          <ul>
            {preview.matches.slice(0, 50).map((m) => (
              <li key={m.employeeId}>
                {m.name} <span className="muted">— {m.why.join('; ')}</span>
              </li>
            ))}
          </ul>
          {preview.dryRun && preview.matched > 0 && (
            <button
              type="button"
              onClick={() =>
                api.call('rules.apply', { ruleId: preview.ruleId }).then((applied) => {
                  setPreview(applied)
                  reload()
                  onApplied()
                }, onError)
              }
            >
              Apply: write the actions to the outbox
            </button>
          )}
        </div>
      )}
    </section>
  )
}
