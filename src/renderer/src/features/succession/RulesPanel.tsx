import { useCallback, useEffect, useState } from 'react'
import type { MethodInput, MethodOutput, RuleAction, RuleCondition } from '../../../../shared/contract'
import { api } from '../../api/client'
import { RuleForm } from './RuleForm'
import { useT, type Translator } from '../../i18n'
import { ContentActions } from '../../components/ContentActions'

type Rules = MethodOutput<'rules.list'>
type Applied = MethodOutput<'rules.apply'>

export function describeCondition(t: Translator, c: RuleCondition): string {
  switch (c.type) {
    case 'competencyBelow':
      return t.t('succession.rules.cond.competencyBelow', { skill: c.skill, threshold: c.threshold })
    case 'ratingAtLeast':
      return c.minTenureYears
        ? t.t('succession.rules.cond.ratingTenure', { rating: c.rating, years: c.minTenureYears })
        : t.t('succession.rules.cond.ratingAtLeast', { rating: c.rating })
    case 'flag':
      return t.t('succession.rules.cond.flag', { code: c.code })
    case 'certificationExpiring':
      return t.t('succession.rules.cond.certificationExpiring', { count: c.withinDays })
    case 'inBox':
      return t.t('succession.rules.cond.inBox', { box: c.box })
  }
}

export function describeAction(t: Translator, a: RuleAction): string {
  switch (a.type) {
    case 'assign':
      return t.t('succession.rules.act.assign', { item: a.activityId, count: a.dueInDays })
    case 'recommend':
      return t.t('succession.rules.act.recommend', { item: a.activityId })
    case 'notify':
      return t.t('succession.rules.act.notify', { message: a.message })
    case 'setReadiness':
      // English names the readiness by its code, as it always has; other languages by its label.
      return t.t('succession.rules.act.setReadiness', {
        role: String(a.roleId),
        readiness: t.locale === 'en' ? a.readiness : t.t(`succession.readiness.${a.readiness}`),
      })
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
  const t = useT()
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
    <section aria-label={t.t('succession.rules.region')}>
      <div className="session-toolbar">
        <h2>{t.t('succession.rules.title')}</h2>
        <div className="spacer" />
        <label className="inline file-button">
          {t.t('succession.rules.import')}
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
          {adding ? t.t('succession.screen.closeForm') : t.t('succession.rules.new')}
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
            <th>{t.t('succession.rules.col.rule')}</th>
            <th>{t.t('succession.rules.col.when')}</th>
            <th>{t.t('succession.rules.col.then')}</th>
            <th>{t.t('succession.rules.col.assigned')}</th>
            <th>{t.t('succession.rules.col.completed')}</th>
            <th>{t.t('succession.rules.col.overdue')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(rules ?? []).map((r) => (
            <tr key={r.ruleId}>
              <td>
                {r.name}
                <div className="muted small">
                  {r.enabled ? t.t('succession.rules.enabled') : t.t('succession.rules.disabled')}
                  {r.template ? t.t('succession.rules.template') : ''}
                </div>
              </td>
              <td>{r.conditions.map((c) => describeCondition(t, c)).join(t.t('succession.rules.and'))}</td>
              <td>{r.actions.map((a) => describeAction(t, a)).join('; ')}</td>
              <td>{t.number(r.stats.assigned)}</td>
              <td>{t.number(r.stats.completed)}</td>
              <td className={r.stats.overdue ? 'danger' : ''}>{t.number(r.stats.overdue)}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    api.call('rules.apply', { ruleId: r.ruleId, dryRun: true }).then(setPreview, onError)
                  }
                >
                  {t.t('succession.rules.preview')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ContentActions>
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
          {t.t('succession.rules.export')}
        </button>
      </ContentActions>
      {preview && (
        <div className="rule-preview" role="region" aria-label={t.t('succession.rules.previewRegion')}>
          <p>
            <strong>{t.number(preview.matched)}</strong>{' '}
            {t.t('succession.rules.match', { count: preview.matched })}
            {preview.dryRun
              ? t.t('succession.rules.nothingYet')
              : t.t('succession.rules.written', { count: preview.created }) +
                t.t('succession.rules.skipped', { count: preview.skipped })}
            .
          </p>
          <ul>
            {preview.matches.slice(0, 50).map((m) => (
              <li key={m.employeeId}>
                {m.name} <span className="muted">— {m.whyText.map((w) => t.m(w)).join('; ')}</span>
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
              {t.t('succession.rules.apply')}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
