import { useEffect, useState } from 'react'
import type { CohortComparison, CohortOutcome, MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'
import { ExportButton } from './ExportButton'
import { errorText } from './text'
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
  const [error, setError] = useState<unknown>(null)
  const t = useT()
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
      : kind === 'retained' || kind === 'promoted'
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
          setError(e)
        },
      )
      .finally(() => setBusy(false))
  }

  return (
    <section className="insight-card" aria-label={t.t('insights.cohort.region')}>
      <h2>{t.t('insights.cohort.heading')}</h2>
      <form
        className="insight-form"
        onSubmit={(e) => {
          e.preventDefault()
          ask()
        }}
      >
        <label>
          {t.t('insights.cohort.completed')}
          <select
            aria-label={t.t('insights.cohort.learningItem')}
            value={item}
            onChange={(e) => setItem(e.target.value)}
          >
            {!items.some((i) => i.title === item) && <option value={item}>{item}</option>}
            {items.map((i) => (
              <option key={i.activityId} value={i.title}>
                {i.title} ({i.completions})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.t('insights.cohort.withinHire')}
          <input
            type="number"
            min={1}
            value={withinHire}
            onChange={(e) => setWithinHire(e.target.value)}
            placeholder={t.t('insights.cohort.anyTime')}
          />
        </label>
        <label>
          {t.t('insights.cohort.outcome')}
          <select
            aria-label={t.t('insights.cohort.outcome')}
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            <option value="skill-rating">{t.t('insights.cohort.skillRating')}</option>
            <option value="next-rating">{t.t('insights.cohort.nextRating')}</option>
            <option value="retained">{t.t('insights.cohort.retained')}</option>
            <option value="promoted">{t.t('insights.cohort.promoted')}</option>
          </select>
        </label>
        {kind === 'skill-rating' && (
          <label>
            {t.t('insights.cohort.skill')}
            <select
              aria-label={t.t('insights.cohort.skill')}
              value={skill}
              onChange={(e) => setSkill(e.target.value)}
            >
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
            {t.t(kind === 'retained' ? 'insights.cohort.monthsLater' : 'insights.cohort.withinMonths')}
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
          {t.t(busy ? 'insights.cohort.comparing' : 'insights.cohort.compare')}
        </button>
      </form>
      {error !== null && <p className="error-text">{errorText(t, error)}</p>}
      {result && (
        <div className="cohort-result">
          <p className="question">{t.m(result.text.question)}</p>
          <p className="answer" data-testid="cohort-answer">
            {t.m(result.text.answer)}
          </p>
          <CohortChart result={result} />
          <table className="audit-table" aria-label={t.t('insights.cohort.table')}>
            <thead>
              <tr>
                <th>{t.t('insights.cohort.group')}</th>
                <th>{t.t('insights.cohort.measured')}</th>
                <th>{t.t(result.unit === 'share' ? 'insights.cohort.share' : 'insights.cohort.mean')}</th>
                <th>{t.t('insights.cohort.sd')}</th>
                <th>{t.t('insights.cohort.unmeasured')}</th>
              </tr>
            </thead>
            <tbody>
              {[result.completed, result.notCompleted].map((g) => (
                <tr key={g.label}>
                  <td>{t.m(g.labelText)}</td>
                  <td>{t.number(g.n)}</td>
                  <td>{g.mean === null ? '—' : t.number(g.mean)}</td>
                  <td>{g.sd === null ? '—' : t.number(g.sd)}</td>
                  <td>{t.number(g.unmeasured)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="caveat">{t.m(result.text.caveat)}</p>
          <details>
            <summary>{t.t('insights.cohort.sample', { count: result.completed.sample.length })}</summary>
            <ul className="evidence">
              {result.completed.sample.map((s) => (
                <li key={s.employeeId}>
                  {t.t('insights.cohort.sampleRow', { employeeId: s.employeeId, from: s.from })}{' '}
                  <strong>{t.number(s.value)}</strong>
                </li>
              ))}
            </ul>
          </details>
          <details>
            <summary>{t.t('insights.cohort.howComputed')}</summary>
            <ul>
              {result.text.method.map((m, i) => (
                <li key={i}>{t.m(m)}</li>
              ))}
            </ul>
          </details>
          <ExportButton view="cohort" input={asked ?? {}} onError={setError} />
        </div>
      )}
    </section>
  )
}
