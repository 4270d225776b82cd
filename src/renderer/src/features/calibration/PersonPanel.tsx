import { useEffect, useState } from 'react'
import type { FlagSummary, Placement, PersonDetail } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT, type Translator } from '../../i18n'
import { reasonCodeText, said } from './labels'
import { EvidenceList } from './EvidenceList'
import { FlagCard } from './FlagCard'
import { PersonGlance, type PreviousCycle } from './PersonGlance'
import './personPanel.css'

const SOURCES = ['self', 'manager', '360', 'assessment'] as const
/** An imported competency source in the user's language (a source the catalogue does not know shows as stored). */
const sourceName = (t: Translator, source: string): string =>
  (SOURCES as readonly string[]).includes(source)
    ? t.t(`calibration.source.${source as (typeof SOURCES)[number]}`)
    : source

/** The detail for the selected person, reloaded whenever the session view changes (a move, an undo, a flag note). */
function usePersonDetail(sessionId: string, placement: Placement): PersonDetail | null {
  const [detail, setDetail] = useState<{ key: Placement; value: PersonDetail } | null>(null)
  useEffect(() => {
    let live = true
    api.call('calibration.person', { sessionId, employeeId: placement.employeeId }).then(
      (value) => live && setDetail({ key: placement, value }),
      () => live && setDetail(null),
    )
    return () => {
      live = false
    }
  }, [sessionId, placement])
  return detail?.key === placement ? detail.value : null
}

/** Why a person sits where they do: each axis, each agility component and each flag, with the records behind it. */
export function PersonPanel({
  sessionId,
  person,
  presenter,
  locked,
  blind = false,
  labels = {},
  previous,
  triedFrom = null,
  onMoveTo,
  onDiscussed,
  onFlag,
  onNote,
}: {
  sessionId: string
  person: Placement
  presenter: boolean
  locked: boolean
  /** Blind mode: the department and location, which narrow who it is, stay hidden. */
  blind?: boolean
  /** The session's box labels, for the one-sentence why. */
  labels?: Readonly<Record<string, string>>
  /** The session's previous cycle and the finalized sessions previous boxes came from. */
  previous?: PreviousCycle
  /** The person's box in the session when the box shown is a sandbox try (null when it is not). */
  triedFrom?: number | null
  onMoveTo: (box: number) => void
  onDiscussed: (discussed: boolean) => void
  onFlag: (code: FlagSummary['code'], status: 'acknowledged' | 'resolved', note: string) => void
  onNote: (text: string) => void
}): React.JSX.Element {
  const detail = usePersonDetail(sessionId, person)
  const [note, setNote] = useState('')
  const translator = useT()
  const { t } = translator
  return (
    <aside className="person-panel" aria-label={t('calibration.panel.label', { name: person.name })}>
      <h3>
        {person.name} <span className="muted">{t('calibration.panel.box', { box: person.box })}</span>
      </h3>
      <PersonGlance
        person={person}
        detail={detail}
        blind={blind}
        labels={labels}
        lastCycle={previous}
        triedFrom={triedFrom}
        presenter={presenter}
      />
      {!locked && (
        <div className="panel-actions">
          <label>
            {t('calibration.panel.moveTo')}{' '}
            <select
              aria-label={t('calibration.panel.moveTo')}
              value=""
              onChange={(e) => {
                if (e.target.value) onMoveTo(Number(e.target.value))
              }}
            >
              <option value="">…</option>
              {[9, 8, 7, 6, 5, 4, 3, 2, 1]
                .filter((b) => b !== person.box)
                .map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
            </select>
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={person.discussed}
              onChange={(e) => onDiscussed(e.target.checked)}
            />{' '}
            {t('calibration.panel.discussed')}
          </label>
        </div>
      )}
      <section>
        <h4>{t('calibration.panel.flags')}</h4>
        {person.flags.length === 0 ? (
          <p className="muted">{t('calibration.panel.noFlags')}</p>
        ) : (
          person.flags.map((f) => (
            <FlagCard
              key={f.code}
              flag={f}
              evidence={detail?.flags.find((d) => d.code === f.code)?.evidence}
              presenter={presenter}
              locked={locked}
              onUpdate={(status, note) => onFlag(f.code, status, note)}
            />
          ))
        )}
      </section>
      {/* The formula and the weights are there for whoever asks; the sentence above is what the room reads. */}
      <details className="how-computed">
        <summary>{t('calibration.panel.howComputed')}</summary>
        <h4>
          {t('calibration.panel.performance', { level: t(`calibration.level.${person.performance.level}`) })}
        </h4>
        {detail && (
          <p>{said(translator, detail.performance.explanationText, detail.performance.explanation)}</p>
        )}
        <h4>
          {t('calibration.panel.potential', { level: t(`calibration.level.${person.potential.level}`) })}
        </h4>
        {detail && <p>{said(translator, detail.potential.explanationText, detail.potential.explanation)}</p>}
        {detail && !presenter && <EvidenceList items={detail.potential.evidence} />}
        <h4>
          {t('calibration.panel.agility', {
            index: person.agility.index ?? t('calibration.panel.insufficient'),
          })}
        </h4>
        {detail ? (
          <p>{said(translator, detail.agility.explanationText, detail.agility.explanation)}</p>
        ) : (
          <p className="muted">{t('calibration.panel.loading')}</p>
        )}
        {detail && (
          <ul className="components">
            {detail.agility.components.map((c) => (
              <li key={c.key}>
                {t(`calibration.agility.label.${c.key}`)}:{' '}
                <strong>{c.raw === null ? '—' : translator.number(c.raw)}</strong>
                {c.rank !== null && (
                  <span className="muted">
                    {' '}
                    {t('calibration.panel.rank', { rank: Math.round(c.rank * 100), weight: c.weight })}
                  </span>
                )}
                {c.explanation && (
                  <div className="muted">{said(translator, c.explanationText, c.explanation)}</div>
                )}
                {!presenter && <EvidenceList items={c.evidence} />}
              </li>
            ))}
          </ul>
        )}
      </details>
      {detail && (
        <>
          <section>
            <h4>{t('calibration.panel.ratings')}</h4>
            <ul className="evidence">
              {detail.reviews.map((r) => (
                <li key={r.cycle}>
                  {r.cycle}: <strong>{translator.number(r.overallRating)}</strong>{' '}
                  {t('calibration.panel.rating', { scale: r.scale })}
                  {r.potentialRating !== null
                    ? t('calibration.panel.potentialRating', { rating: r.potentialRating })
                    : ''}
                  <span className="muted">
                    {' '}
                    {/* The reviewer by name; in blind mode not at all (they are usually the manager). */}(
                    {blind ? '' : `${r.reviewerName ?? r.reviewerId ?? t('calibration.panel.noReviewer')}, `}
                    {r.reviewDate ?? t('calibration.panel.noDate')})
                  </span>
                </li>
              ))}
            </ul>
            <h4>{t('calibration.panel.competencies')}</h4>
            <ul className="evidence">
              {detail.competencies.map((c, i) => (
                <li key={`${c.skill}-${i}`}>
                  {c.skill}: <strong>{translator.number(c.level)}</strong>{' '}
                  <span className="muted">
                    ({sourceName(translator, c.source)}, {c.ratedAt ?? '—'})
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h4>{t('calibration.panel.journey')}</h4>
            <ul className="journey">
              {detail.learning.map((l, i) => (
                <li key={`${l.title}-${i}`} className={`journey-${l.state}`}>
                  <span className="muted">
                    {l.completedAt ?? (l.dueAt ? t('calibration.panel.due', { date: l.dueAt }) : '—')}
                  </span>{' '}
                  {l.title}
                  {l.mandatory ? t('calibration.panel.mandatory') : ''}:{' '}
                  <strong>{t(`calibration.panel.learningState.${l.state}`)}</strong>
                  {l.score !== null
                    ? ` · ${translator.number(l.score)}${l.scoreMax !== null ? `/${translator.number(l.scoreMax)}` : ''}`
                    : ''}
                  {l.validUntil ? t('calibration.panel.validUntil', { date: l.validUntil }) : ''}
                </li>
              ))}
            </ul>
          </section>
          {!presenter && (
            <section className="notes">
              <h4>{t('calibration.panel.notes')}</h4>
              <ul className="evidence">
                {detail.notes.map((n, i) => (
                  <li key={`${n.at}-${i}`}>
                    <span className="muted">
                      {n.at.slice(0, 16).replace('T', ' ')} · {n.actor}
                    </span>{' '}
                    {n.text}
                  </li>
                ))}
              </ul>
              {!locked && (
                <form
                  onSubmit={(e) => {
                    e.preventDefault()
                    onNote(note.trim())
                    setNote('')
                  }}
                >
                  <textarea
                    aria-label={t('calibration.panel.noteAbout', { name: person.name })}
                    rows={2}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                  <button type="submit" className="secondary" disabled={note.trim() === ''}>
                    {t('calibration.panel.addNote')}
                  </button>
                </form>
              )}
            </section>
          )}
          {detail.moves.length > 0 && (
            <section>
              <h4>{t('calibration.panel.moves')}</h4>
              <ul className="evidence">
                {detail.moves.map((m) => (
                  <li key={`${m.step}-${m.at}`} className={m.state === 'active' ? '' : 'muted'}>
                    {t('calibration.panel.moveLine', {
                      step: m.step,
                      from: m.fromBox ?? '—',
                      to: m.toBox,
                      actor: m.actor,
                      state: t(`calibration.panel.moveState.${m.state}`),
                      code: reasonCodeText(translator, m.reasonCode),
                    })}
                    {presenter ? '' : `: ${m.reason}`}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </aside>
  )
}
