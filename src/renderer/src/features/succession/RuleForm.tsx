import { useEffect, useState } from 'react'
import type { CriticalRole, ReadinessLevel, RuleAction, RuleCondition } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'

/** A rule built from a form: one condition and one action (more can be combined through JSON import). */
export function RuleForm({
  onSaved,
  onError,
}: {
  onSaved: () => void
  onError: (e: unknown) => void
}): React.JSX.Element {
  const t = useT()
  const [name, setName] = useState('')
  const [conditionType, setConditionType] = useState<RuleCondition['type']>('competencyBelow')
  const [skill, setSkill] = useState('')
  const [number, setNumber] = useState(3)
  const [years, setYears] = useState(2)
  const [actionType, setActionType] = useState<RuleAction['type']>('assign')
  const [activityId, setActivityId] = useState('')
  const [days, setDays] = useState(30)
  const [message, setMessage] = useState('')
  const [enabled, setEnabled] = useState(false)
  const [roles, setRoles] = useState<CriticalRole[]>([])
  const [roleId, setRoleId] = useState<number | null>(null)
  const [readiness, setReadiness] = useState<ReadinessLevel>('ready-1-2')
  useEffect(() => {
    api.call('succession.roles').then(setRoles, onError)
  }, [onError])
  const condition = (): RuleCondition => {
    switch (conditionType) {
      case 'competencyBelow':
        return { type: 'competencyBelow', skill, threshold: number }
      case 'ratingAtLeast':
        return { type: 'ratingAtLeast', rating: number, minTenureYears: years }
      case 'flag':
        return { type: 'flag', code: 'HIDDEN_GEM' }
      case 'certificationExpiring':
        return { type: 'certificationExpiring', withinDays: number }
      case 'inBox':
        return { type: 'inBox', box: number }
    }
  }
  const action = (): RuleAction =>
    actionType === 'notify'
      ? { type: 'notify', message }
      : actionType === 'setReadiness'
        ? { type: 'setReadiness', roleId: roleId ?? roles[0]?.roleId ?? 0, readiness }
        : actionType === 'recommend'
          ? { type: 'recommend', activityId }
          : { type: 'assign', activityId, dueInDays: days }
  return (
    <form
      className="create-session"
      aria-label={t.t('succession.rules.form.title')}
      onSubmit={(e) => {
        e.preventDefault()
        api
          .call('rules.save', {
            rule: { name: name.trim(), enabled, conditions: [condition()], actions: [action()] },
          })
          .then(onSaved, onError)
      }}
    >
      <label>
        {t.t('succession.rules.form.name')}{' '}
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t.t('succession.rules.form.when')}
        <select
          value={conditionType}
          onChange={(e) => setConditionType(e.target.value as RuleCondition['type'])}
        >
          {(['competencyBelow', 'ratingAtLeast', 'flag', 'certificationExpiring', 'inBox'] as const).map(
            (type) => (
              <option key={type} value={type}>
                {t.t(`succession.rules.form.cond.${type}`)}
              </option>
            ),
          )}
        </select>
      </label>
      {conditionType === 'competencyBelow' && (
        <label>
          {t.t('succession.rules.form.skill')}{' '}
          <input value={skill} onChange={(e) => setSkill(e.target.value)} required />
        </label>
      )}
      {conditionType !== 'flag' && (
        <label>
          {conditionType === 'certificationExpiring'
            ? t.t('succession.rules.form.days')
            : conditionType === 'inBox'
              ? t.t('succession.rules.form.box')
              : t.t('succession.rules.form.levelRating')}
          <input type="number" value={number} onChange={(e) => setNumber(Number(e.target.value))} />
        </label>
      )}
      {conditionType === 'ratingAtLeast' && (
        <label>
          {t.t('succession.rules.form.years')}{' '}
          <input type="number" value={years} onChange={(e) => setYears(Number(e.target.value))} />
        </label>
      )}
      <label>
        {t.t('succession.rules.form.then')}
        <select value={actionType} onChange={(e) => setActionType(e.target.value as RuleAction['type'])}>
          {(['assign', 'recommend', 'notify', 'setReadiness'] as const).map((type) => (
            <option key={type} value={type}>
              {t.t(`succession.rules.form.act.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {actionType === 'setReadiness' ? (
        <>
          <label>
            {t.t('succession.rules.form.role')}
            <select value={roleId ?? ''} onChange={(e) => setRoleId(Number(e.target.value))}>
              {roles.map((r) => (
                <option key={r.roleId} value={r.roleId}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.t('succession.rules.form.readiness')}
            <select value={readiness} onChange={(e) => setReadiness(e.target.value as ReadinessLevel)}>
              {(['ready-now', 'ready-1-2', 'ready-3-plus'] as const).map((level) => (
                <option key={level} value={level}>
                  {t.t(`succession.readiness.${level}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : actionType === 'notify' ? (
        <label>
          {t.t('succession.rules.form.message')}{' '}
          <input value={message} onChange={(e) => setMessage(e.target.value)} required />
        </label>
      ) : (
        <label>
          {t.t('succession.rules.form.itemId')}{' '}
          <input
            value={activityId}
            onChange={(e) => setActivityId(e.target.value)}
            required
            placeholder={t.t('succession.rules.form.itemPlaceholder')}
          />
        </label>
      )}
      {actionType === 'assign' && (
        <label>
          {t.t('succession.rules.form.dueInDays')}{' '}
          <input type="number" value={days} onChange={(e) => setDays(Number(e.target.value))} />
        </label>
      )}
      <label className="inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
        {t.t('succession.rules.form.enabled')}
      </label>
      <button type="submit" disabled={name.trim() === ''}>
        {t.t('succession.rules.form.save')}
      </button>
    </form>
  )
}
