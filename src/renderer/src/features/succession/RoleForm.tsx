import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'

type Skills = MethodOutput<'succession.skills'>

/** A critical role: its title, incumbent, risk and impact of loss, and the skills it needs at minimum levels. */
export function RoleForm({
  onCreated,
  onError,
}: {
  onCreated: (roleId: number) => void
  onError: (error: unknown) => void
}): React.JSX.Element {
  const t = useT()
  const [skills, setSkills] = useState<Skills>([])
  const [title, setTitle] = useState('')
  const [incumbent, setIncumbent] = useState('')
  const [risk, setRisk] = useState<'low' | 'medium' | 'high'>('medium')
  const [impact, setImpact] = useState<'low' | 'medium' | 'high'>('high')
  const [requirements, setRequirements] = useState([{ skill: '', minLevel: 3 }])
  useEffect(() => {
    api.call('succession.skills').then((all) => setSkills(all.filter((s) => s.status === 'active')), onError)
  }, [onError])
  const levels = (['low', 'medium', 'high'] as const).map((l) => (
    <option key={l} value={l}>
      {t.t(`succession.level.${l}`)}
    </option>
  ))
  const valid = title.trim() !== '' && requirements.some((r) => r.skill !== '')
  return (
    <form
      className="create-session"
      aria-label={t.t('succession.roleForm.title')}
      onSubmit={(e) => {
        e.preventDefault()
        api
          .call('succession.createRole', {
            title: title.trim(),
            ...(incumbent.trim() ? { incumbent: incumbent.trim() } : {}),
            risk,
            impact,
            requirements: requirements.filter((r) => r.skill !== ''),
          })
          .then((created) => onCreated(created.roleId), onError)
      }}
    >
      <h2>{t.t('succession.roleForm.title')}</h2>
      <label>
        {t.t('succession.roleForm.name')}{' '}
        <input value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label>
        {t.t('succession.roleForm.incumbent')}
        <input
          value={incumbent}
          onChange={(e) => setIncumbent(e.target.value)}
          placeholder={t.t('succession.roleForm.optional')}
        />
      </label>
      <label>
        {t.t('succession.roleForm.risk')}
        <select value={risk} onChange={(e) => setRisk(e.target.value as typeof risk)}>
          {levels}
        </select>
      </label>
      <label>
        {t.t('succession.roleForm.impact')}
        <select value={impact} onChange={(e) => setImpact(e.target.value as typeof impact)}>
          {levels}
        </select>
      </label>
      <fieldset className="requirements">
        <legend>{t.t('succession.roleForm.required')}</legend>
        {requirements.map((r, i) => (
          <div key={i} className="requirement">
            <select
              aria-label={t.t('succession.roleForm.skill', { n: i + 1 })}
              value={r.skill}
              onChange={(e) =>
                setRequirements(requirements.map((q, j) => (j === i ? { ...q, skill: e.target.value } : q)))
              }
            >
              <option value="">{t.t('succession.roleForm.choose')}</option>
              {skills.map((s) => (
                <option key={s.skillId} value={s.name}>
                  {s.name}
                  {s.aliases.length ? t.t('succession.roleForm.also', { aliases: s.aliases.join(', ') }) : ''}
                </option>
              ))}
            </select>
            <label className="inline">
              {t.t('succession.roleForm.atLeast')}
              <select
                aria-label={t.t('succession.roleForm.minLevel', { n: i + 1 })}
                value={r.minLevel}
                onChange={(e) =>
                  setRequirements(
                    requirements.map((q, j) => (j === i ? { ...q, minLevel: Number(e.target.value) } : q)),
                  )
                }
              >
                {[1, 2, 3, 4, 5].map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </label>
          </div>
        ))}
        <button
          type="button"
          className="link"
          onClick={() => setRequirements([...requirements, { skill: '', minLevel: 3 }])}
        >
          {t.t('succession.roleForm.addSkill')}
        </button>
      </fieldset>
      <button type="submit" disabled={!valid}>
        {t.t('succession.roleForm.submit')}
      </button>
    </form>
  )
}
