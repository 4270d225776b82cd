import { useCallback, useEffect, useState } from 'react'
import type { MethodOutput, SkillEntry } from '../../../../shared/contract'
import { api } from '../../api/client'
import { downloadBytes } from '../../download'
import { useT } from '../../i18n'
import { ContentActions } from '../../components/ContentActions'

type Suggestions = MethodOutput<'skills.suggestMerges'>
type Merges = MethodOutput<'skills.merges'>
type Proficiency = MethodOutput<'skills.proficiency'>

const LEVELS: readonly number[] = [1, 2, 3, 4, 5]

/** The ontology: skills with aliases and uses, alike names to merge (or keep apart), and merges to undo. */
export function SkillsPanel({ onError }: { onError: (e: unknown) => void }): React.JSX.Element {
  const t = useT()
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
  // The shared scale's names and descriptors, in the user's language (a level the catalogue lacks stays as sent).
  const levelText = (
    l: { level: number; name: string; descriptor: string },
    part: 'name' | 'descriptor',
  ): string =>
    LEVELS.includes(l.level)
      ? t.t(`succession.skills.levels.l${l.level as 1 | 2 | 3 | 4 | 5}.${part}`)
      : l[part]
  return (
    <section aria-label={t.t('succession.skills.region')}>
      <div className="session-toolbar">
        <h2>{t.t('succession.skills.table')}</h2>
        <div className="spacer" />
        <label className="inline file-button">
          {t.t('succession.skills.import')}
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
                      ? t.t('succession.skills.imported', {
                          created: result.skills.created,
                          updated: result.skills.updated,
                          aliases: result.aliases,
                          mappings: result.mappings,
                        })
                      : t.t('succession.skills.nothingChanged', {
                          errors: result.errors
                            .map((x) =>
                              t.t('succession.skills.importError', {
                                sheet: x.sheet,
                                row: String(x.row),
                                column: x.column,
                                message: t.m(x.text),
                              }),
                            )
                            .join('; '),
                        }),
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
        <div className="rule-preview" role="region" aria-label={t.t('succession.skills.alike')}>
          <h3>{t.t('succession.skills.alikeTitle')}</h3>
          <ul>
            {suggestions.slice(0, 10).map((p) => (
              <li key={`${p.aId}-${p.bId}`}>
                <strong>{p.a}</strong> ~ <strong>{p.b}</strong>{' '}
                <span className="muted">({t.number(p.score)})</span>{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    api.call('skills.merge', { fromId: p.aId, intoId: p.bId }).then(load, onError)
                  }
                >
                  {t.t('succession.skills.merge', { from: p.a, into: p.b })}
                </button>{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    api.call('skills.merge', { fromId: p.bId, intoId: p.aId }).then(load, onError)
                  }
                >
                  {t.t('succession.skills.merge', { from: p.b, into: p.a })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <table aria-label={t.t('succession.skills.table')}>
        <thead>
          <tr>
            <th>{t.t('succession.skills.col.skill')}</th>
            <th>{t.t('succession.skills.col.category')}</th>
            <th>{t.t('succession.skills.col.aliases')}</th>
            <th>{t.t('succession.skills.col.ratings')}</th>
            <th>{t.t('succession.skills.col.items')}</th>
            <th>{t.t('succession.skills.col.roles')}</th>
            <th>{t.t('succession.skills.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {skills.map((s) => (
            <tr key={s.skillId} className={s.status === 'retired' ? 'muted' : ''}>
              <td>{s.name}</td>
              <td>{s.category ?? '—'}</td>
              <td>
                {s.aliases.join(', ') || <span className="muted">{t.t('succession.skills.none')}</span>}
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
                      aria-label={t.t('succession.skills.newAlias', { skill: s.name })}
                      placeholder={t.t('succession.skills.addAlias')}
                      value={alias[s.skillId] ?? ''}
                      onChange={(e) => setAlias({ ...alias, [s.skillId]: e.target.value })}
                    />
                  </form>
                )}
              </td>
              <td>{t.number(s.uses.ratings)}</td>
              <td>{t.number(s.uses.items)}</td>
              <td>{t.number(s.uses.roles)}</td>
              <td>
                {t.t(`succession.skills.status.${s.status}`)}{' '}
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
                  {s.status === 'active'
                    ? t.t('succession.skills.retire')
                    : t.t('succession.skills.reactivate')}
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
          onClick={() => api.call('skills.exportOntology', { locale: t.locale }).then(downloadBytes, onError)}
        >
          {t.t('succession.skills.export')}
        </button>
      </ContentActions>
      {scale && (
        <details className="session-log">
          <summary>{t.t('succession.skills.scale')}</summary>
          <ol>
            {scale.levels.map((l) => (
              <li key={l.level}>
                <strong>{levelText(l, 'name')}</strong> — {levelText(l, 'descriptor')}
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
            <li>{t.t('succession.skills.linear')}</li>
          </ul>
        </details>
      )}
      {merges.length > 0 && (
        <>
          <h3>{t.t('succession.skills.merges')}</h3>
          <ul>
            {merges.map((m) => (
              <li key={m.mergeId}>
                {m.from} → {m.into}{' '}
                <span className="muted">
                  ({m.at.slice(0, 10)}, {m.actor})
                </span>{' '}
                {m.undone ? (
                  <span className="muted">{t.t('succession.skills.undone')}</span>
                ) : (
                  <button
                    type="button"
                    className="link"
                    onClick={() => api.call('skills.undoMerge', { mergeId: m.mergeId }).then(load, onError)}
                  >
                    {t.t('succession.skills.undo')}
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
