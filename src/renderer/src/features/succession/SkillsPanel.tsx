import { useCallback, useEffect, useState } from 'react'
import type { MethodOutput, SkillEntry } from '../../../../shared/contract'
import { api } from '../../api/client'
import { downloadBytes } from '../../download'

type Suggestions = MethodOutput<'skills.suggestMerges'>
type Merges = MethodOutput<'skills.merges'>
type Proficiency = MethodOutput<'skills.proficiency'>

/** The ontology: skills with aliases and uses, alike names to merge (or keep apart), and merges to undo. */
export function SkillsPanel({ onError }: { onError: (e: unknown) => void }): React.JSX.Element {
  const [skills, setSkills] = useState<SkillEntry[]>([])
  const [suggestions, setSuggestions] = useState<Suggestions>([])
  const [merges, setMerges] = useState<Merges>([])
  const [alias, setAlias] = useState<Record<number, string>>({})
  const [scale, setScale] = useState<Proficiency | null>(null)
  const load = useCallback(() => {
    Promise.all([api.call('skills.list'), api.call('skills.suggestMerges'), api.call('skills.merges')]).then(
      ([s, m, h]) => {
        setSkills(s)
        setSuggestions(m)
        setMerges(h)
      },
      onError,
    )
  }, [onError])
  useEffect(() => {
    api.call('skills.proficiency').then(setScale, onError)
    Promise.all([api.call('skills.list'), api.call('skills.suggestMerges'), api.call('skills.merges')]).then(
      ([s, m, h]) => {
        setSkills(s)
        setSuggestions(m)
        setMerges(h)
      },
      onError,
    )
  }, [onError])
  const [imported, setImported] = useState<string | null>(null)
  return (
    <section aria-label="Skills">
      <div className="session-toolbar">
        <button
          type="button"
          className="secondary"
          onClick={() => api.call('skills.exportOntology', {}).then(downloadBytes, onError)}
        >
          Export the ontology (xlsx)
        </button>
        <label className="inline file-button">
          Import an ontology workbook
          <input
            type="file"
            accept=".xlsx"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (!file) return
              void file
                .arrayBuffer()
                .then((buffer) =>
                  api.call('import.stage', { fileName: file.name, bytes: new Uint8Array(buffer) }),
                )
                .then((staged) => api.call('skills.importOntology', { path: staged.path }))
                .then((result) => {
                  setImported(
                    result.stored
                      ? `Imported: ${result.skills.created} new skill(s), ${result.skills.updated} updated, ${result.aliases} alias(es), ${result.mappings} item mapping(s).`
                      : `Nothing changed: ${result.errors.map((x) => `${x.sheet} row ${x.row}, ${x.column}: ${x.message}`).join('; ')}`,
                  )
                  load()
                }, onError)
            }}
          />
        </label>
        {imported && (
          <span className="muted" role="status">
            {imported}
          </span>
        )}
      </div>
      {suggestions.length > 0 && (
        <div className="rule-preview" role="region" aria-label="Alike skills">
          <h3>Alike names — the same skill?</h3>
          <ul>
            {suggestions.slice(0, 10).map((p) => (
              <li key={`${p.aId}-${p.bId}`}>
                <strong>{p.a}</strong> ~ <strong>{p.b}</strong> <span className="muted">({p.score})</span>{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    api.call('skills.merge', { fromId: p.aId, intoId: p.bId }).then(load, onError)
                  }
                >
                  Merge {p.a} into {p.b}
                </button>{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    api.call('skills.merge', { fromId: p.bId, intoId: p.aId }).then(load, onError)
                  }
                >
                  Merge {p.b} into {p.a}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <table aria-label="Skills ontology">
        <thead>
          <tr>
            <th>Skill</th>
            <th>Category</th>
            <th>Aliases</th>
            <th>Ratings</th>
            <th>Learning items</th>
            <th>Roles</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {skills.map((s) => (
            <tr key={s.skillId} className={s.status === 'retired' ? 'muted' : ''}>
              <td>{s.name}</td>
              <td>{s.category ?? '—'}</td>
              <td>
                {s.aliases.join(', ') || <span className="muted">none</span>}
                {s.status === 'active' && (
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault()
                      api
                        .call('skills.addAlias', {
                          skillId: s.skillId,
                          alias: (alias[s.skillId] ?? '').trim(),
                        })
                        .then(() => {
                          setAlias({ ...alias, [s.skillId]: '' })
                          load()
                        }, onError)
                    }}
                  >
                    <input
                      aria-label={`New alias for ${s.name}`}
                      placeholder="add alias"
                      value={alias[s.skillId] ?? ''}
                      onChange={(e) => setAlias({ ...alias, [s.skillId]: e.target.value })}
                    />
                  </form>
                )}
              </td>
              <td>{s.uses.ratings}</td>
              <td>{s.uses.items}</td>
              <td>{s.uses.roles}</td>
              <td>
                {s.status}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    api
                      .call('skills.update', {
                        skillId: s.skillId,
                        status: s.status === 'active' ? 'retired' : 'active',
                      })
                      .then(load, onError)
                  }
                >
                  {s.status === 'active' ? 'Retire' : 'Reactivate'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {scale && (
        <details className="session-log">
          <summary>Proficiency scale (1–5) and conversions</summary>
          <ol>
            {scale.levels.map((l) => (
              <li key={l.level}>
                <strong>{l.name}</strong> — {l.descriptor}
              </li>
            ))}
          </ol>
          <ul className="small">
            {scale.conversions.map((c) => (
              <li key={c.scale}>
                {c.scale}:{' '}
                {Object.entries(c.labels)
                  .map(([label, level]) => `${label} → ${level}`)
                  .join(', ')}
              </li>
            ))}
            <li>
              Numbers on another range (0–100, 1–4) convert linearly through the scale declared in the
              mapping.
            </li>
          </ul>
        </details>
      )}
      {merges.length > 0 && (
        <>
          <h3>Merges</h3>
          <ul>
            {merges.map((m) => (
              <li key={m.mergeId}>
                {m.from} → {m.into}{' '}
                <span className="muted">
                  ({m.at.slice(0, 10)}, {m.actor})
                </span>{' '}
                {m.undone ? (
                  <span className="muted">undone</span>
                ) : (
                  <button
                    type="button"
                    className="link"
                    onClick={() => api.call('skills.undoMerge', { mergeId: m.mergeId }).then(load, onError)}
                  >
                    Undo
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
