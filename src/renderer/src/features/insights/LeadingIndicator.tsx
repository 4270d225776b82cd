import { useEffect, useState } from 'react'
import type { CohortComparison, CohortOutcome, MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ExportButton } from './ExportButton'
import { CohortChart } from './CohortChart'

type Kind = CohortOutcome['kind']

/**
 * "Did people who completed X get a better outcome later?": the question built from a form, answered with both
 * groups' sizes and means, the difference with its interval, the records behind it, and the caveat that it is a
 * correlation.
 */
export function LeadingIndicator(): React.JSX.Element {
  const [items, setItems] = useState<MethodOutput<'insights.items'>>([])
  const [skills, setSkills] = useState<string[]>([])
  const [item, setItem] = useState('Advanced Leadership')
  const [kind, setKind] = useState<Kind>('skill-rating')
  const [skill, setSkill] = useState('Team Management')
  const [months, setMonths] = useState(6)
  const [withinHire, setWithinHire] = useState('')
  const [result, setResult] = useState<CohortComparison | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // The question the shown answer belongs to, for its export.
  const [asked, setAsked] = useState<Record<string, unknown> | null>(null)

  useEffect(() => {
    api.call('insights.items').then(setItems, () => setItems([]))
    api.call('skills.list').then(
      (list) => setSkills(list.filter((s) => s.status === 'active').map((s) => s.name)),
      () => setSkills([]),
    )
  }, [])

  const outcome = (): CohortOutcome =>
    kind === 'skill-rating'
      ? { kind, skill, withinMonths: months }
      : kind === 'retained'
        ? { kind, months }
        : { kind: 'next-rating' }

  const ask = (): void => {
    setBusy(true)
    setError(null)
    const question = {
      item,
      outcome: outcome(),
      ...(withinHire ? { completedWithinMonthsOfHire: Number(withinHire) } : {}),
    }
    api
      .call('insights.cohort', question)
      .then(
        (r) => (setResult(r), setAsked(question)),
        (e: unknown) => {
          setResult(null)
          setError(e instanceof Error ? e.message : String(e))
        },
      )
      .finally(() => setBusy(false))
  }

  return (
    <section className="insight-card" aria-label="Leading indicator">
      <h3>Leading indicator: did completing a learning item go with a better outcome later?</h3>
      <form
        className="insight-form"
        onSubmit={(e) => {
          e.preventDefault()
          ask()
        }}
      >
        <label>
          Completed
          <select aria-label="Learning item" value={item} onChange={(e) => setItem(e.target.value)}>
            {!items.some((i) => i.title === item) && <option value={item}>{item}</option>}
            {items.map((i) => (
              <option key={i.activityId} value={i.title}>
                {i.title} ({i.completions})
              </option>
            ))}
          </select>
        </label>
        <label>
          Within months of hire (optional)
          <input
            type="number"
            min={1}
            value={withinHire}
            onChange={(e) => setWithinHire(e.target.value)}
            placeholder="any time"
          />
        </label>
        <label>
          Outcome
          <select aria-label="Outcome" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="skill-rating">Rating of a skill</option>
            <option value="next-rating">Overall rating, next cycle</option>
            <option value="retained">Still employed</option>
          </select>
        </label>
        {kind === 'skill-rating' && (
          <label>
            Skill
            <select aria-label="Skill" value={skill} onChange={(e) => setSkill(e.target.value)}>
              {!skills.includes(skill) && <option value={skill}>{skill}</option>}
              {skills.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind !== 'next-rating' && (
          <label>
            {kind === 'retained' ? 'Months later' : 'Within months'}
            <input
              type="number"
              min={1}
              max={60}
              value={months}
              onChange={(e) => setMonths(Number(e.target.value))}
            />
          </label>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Comparing…' : 'Compare'}
        </button>
      </form>
      {error && <p className="error-text">{error}</p>}
      {result && (
        <div className="cohort-result">
          <p className="question">{result.question}</p>
          <p className="answer" data-testid="cohort-answer">
            {result.answer}
          </p>
          <ExportButton view="cohort" input={asked ?? {}} onError={setError} />
          <CohortChart result={result} />
          <table className="audit-table" aria-label="Cohort comparison">
            <thead>
              <tr>
                <th>Group</th>
                <th>People measured</th>
                <th>{result.unit === 'share' ? 'Share' : 'Mean'}</th>
                <th>SD</th>
                <th>Not measurable</th>
              </tr>
            </thead>
            <tbody>
              {[result.completed, result.notCompleted].map((g) => (
                <tr key={g.label}>
                  <td>{g.label}</td>
                  <td>{g.n}</td>
                  <td>{g.mean ?? '—'}</td>
                  <td>{g.sd ?? '—'}</td>
                  <td>{g.unmeasured}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="caveat">{result.caveat}</p>
          <details>
            <summary>
              The people behind the numbers (first {result.completed.sample.length} completers)
            </summary>
            <ul className="evidence">
              {result.completed.sample.map((s) => (
                <li key={s.employeeId}>
                  {s.employeeId}: from {s.from}, <strong>{s.value}</strong>
                </li>
              ))}
            </ul>
          </details>
          <details>
            <summary>How this is computed</summary>
            <ul>
              {result.method.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </section>
  )
}
