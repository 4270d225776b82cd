import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'

type Skills = MethodOutput<'succession.skills'>

/** A critical role: its title, incumbent, risk and impact of loss, and the skills it needs at minimum levels. */
export function RoleForm({
  onCreated,
  onError,
}: {
  onCreated: (roleId: number) => void
  onError: (error: unknown) => void
}): React.JSX.Element {
  const [skills, setSkills] = useState<Skills>([])
  const [title, setTitle] = useState('')
  const [incumbent, setIncumbent] = useState('')
  const [risk, setRisk] = useState<'low' | 'medium' | 'high'>('medium')
  const [impact, setImpact] = useState<'low' | 'medium' | 'high'>('high')
  const [requirements, setRequirements] = useState([{ skill: '', minLevel: 3 }])
  useEffect(() => {
    api.call('succession.skills').then((all) => setSkills(all.filter((s) => s.status === 'active')), onError)
  }, [onError])
  const valid = title.trim() !== '' && requirements.some((r) => r.skill !== '')
  return (
    <form
      className="create-session"
      aria-label="New critical role"
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
      <h3>New critical role</h3>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label>
        Incumbent (employee ID)
        <input value={incumbent} onChange={(e) => setIncumbent(e.target.value)} placeholder="optional" />
      </label>
      <label>
        Risk of loss
        <select value={risk} onChange={(e) => setRisk(e.target.value as typeof risk)}>
          <option>low</option>
          <option>medium</option>
          <option>high</option>
        </select>
      </label>
      <label>
        Impact of loss
        <select value={impact} onChange={(e) => setImpact(e.target.value as typeof impact)}>
          <option>low</option>
          <option>medium</option>
          <option>high</option>
        </select>
      </label>
      <fieldset className="requirements">
        <legend>Required skills</legend>
        {requirements.map((r, i) => (
          <div key={i} className="requirement">
            <select
              aria-label={`Required skill ${i + 1}`}
              value={r.skill}
              onChange={(e) =>
                setRequirements(requirements.map((q, j) => (j === i ? { ...q, skill: e.target.value } : q)))
              }
            >
              <option value="">Choose a skill…</option>
              {skills.map((s) => (
                <option key={s.skillId} value={s.name}>
                  {s.name}
                  {s.aliases.length ? ` (also: ${s.aliases.join(', ')})` : ''}
                </option>
              ))}
            </select>
            <label className="inline">
              at least
              <select
                aria-label={`Minimum level ${i + 1}`}
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
          + Add a skill
        </button>
      </fieldset>
      <button type="submit" disabled={!valid}>
        Add role
      </button>
    </form>
  )
}
