import { useEffect, useState } from 'react'
import type { CriticalRole, ReadinessLevel, RuleAction, RuleCondition } from '../../../../shared/contract'
import { api } from '../../api/client'

/** A rule built from a form: one condition and one action (more can be combined through JSON import). */
export function RuleForm({
  onSaved,
  onError,
}: {
  onSaved: () => void
  onError: (e: unknown) => void
}): React.JSX.Element {
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
      aria-label="New rule"
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
        Name <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        When
        <select
          value={conditionType}
          onChange={(e) => setConditionType(e.target.value as RuleCondition['type'])}
        >
          <option value="competencyBelow">a skill is below a level</option>
          <option value="ratingAtLeast">rated at least … with tenure over … years</option>
          <option value="flag">flagged as a hidden gem</option>
          <option value="certificationExpiring">a certification expires within … days</option>
          <option value="inBox">placed in box …</option>
        </select>
      </label>
      {conditionType === 'competencyBelow' && (
        <label>
          Skill <input value={skill} onChange={(e) => setSkill(e.target.value)} required />
        </label>
      )}
      {conditionType !== 'flag' && (
        <label>
          {conditionType === 'certificationExpiring'
            ? 'Days'
            : conditionType === 'inBox'
              ? 'Box'
              : 'Level / rating'}
          <input type="number" value={number} onChange={(e) => setNumber(Number(e.target.value))} />
        </label>
      )}
      {conditionType === 'ratingAtLeast' && (
        <label>
          Years <input type="number" value={years} onChange={(e) => setYears(Number(e.target.value))} />
        </label>
      )}
      <label>
        Then
        <select value={actionType} onChange={(e) => setActionType(e.target.value as RuleAction['type'])}>
          <option value="assign">assign a learning item</option>
          <option value="recommend">recommend a programme</option>
          <option value="notify">notify the talent team</option>
          <option value="setReadiness">set a succession readiness</option>
        </select>
      </label>
      {actionType === 'setReadiness' ? (
        <>
          <label>
            Role
            <select value={roleId ?? ''} onChange={(e) => setRoleId(Number(e.target.value))}>
              {roles.map((r) => (
                <option key={r.roleId} value={r.roleId}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Readiness
            <select value={readiness} onChange={(e) => setReadiness(e.target.value as ReadinessLevel)}>
              <option value="ready-now">Ready now</option>
              <option value="ready-1-2">Ready in 1–2 years</option>
              <option value="ready-3-plus">Ready in 3+ years</option>
            </select>
          </label>
        </>
      ) : actionType === 'notify' ? (
        <label>
          Message <input value={message} onChange={(e) => setMessage(e.target.value)} required />
        </label>
      ) : (
        <label>
          Item ID{' '}
          <input
            value={activityId}
            onChange={(e) => setActivityId(e.target.value)}
            required
            placeholder="e.g. CRS-NEGOTIATION"
          />
        </label>
      )}
      {actionType === 'assign' && (
        <label>
          Due in days <input type="number" value={days} onChange={(e) => setDays(Number(e.target.value))} />
        </label>
      )}
      <label className="inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
      </label>
      <button type="submit" disabled={name.trim() === ''}>
        Save rule
      </button>
    </form>
  )
}
