import { useEffect, useState } from 'react'
import type { Evidence, FlagSummary, Placement, PersonDetail } from '../../../../shared/contract'
import { api } from '../../api/client'

function EvidenceList({ items }: { items: readonly Evidence[] }): React.JSX.Element | null {
  if (items.length === 0) return null
  return (
    <ul className="evidence">
      {items.map((e, i) => (
        <li key={`${e.kind}-${e.id ?? i}-${i}`}>
          <span className="muted">{e.date ?? '—'}</span> {e.label}: <strong>{e.value}</strong>
        </li>
      ))}
    </ul>
  )
}

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

function FlagCard({
  flag,
  evidence,
  presenter,
  locked,
  onUpdate,
}: {
  flag: FlagSummary
  /** The records behind the flag, once the person's detail has loaded. */
  evidence: readonly Evidence[] | undefined
  presenter: boolean
  locked: boolean
  onUpdate: (status: 'acknowledged' | 'resolved', note: string) => void
}): React.JSX.Element {
  const [note, setNote] = useState('')
  return (
    <div className={`flag-card severity-${flag.severity}`} data-flag={flag.code}>
      <strong>{flag.code.replaceAll('_', ' ').toLowerCase()}</strong>{' '}
      <span className="muted">({flag.status})</span>
      <p>{flag.rationale}</p>
      {!presenter && evidence && <EvidenceList items={evidence} />}
      {!presenter && flag.note && <p className="muted">Note: {flag.note}</p>}
      {!presenter && !locked && flag.status !== 'resolved' && (
        <div className="flag-actions">
          <input
            aria-label={`Note on ${flag.code}`}
            placeholder="Note (what was agreed)"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button
            type="button"
            className="secondary"
            disabled={note.trim().length < 3}
            onClick={() => (onUpdate('acknowledged', note.trim()), setNote(''))}
          >
            Acknowledge
          </button>
          <button
            type="button"
            className="secondary"
            disabled={note.trim().length < 3}
            onClick={() => (onUpdate('resolved', note.trim()), setNote(''))}
          >
            Resolve
          </button>
        </div>
      )}
    </div>
  )
}

/** Why a person sits where they do: each axis, each agility component and each flag, with the records behind it. */
export function PersonPanel({
  sessionId,
  person,
  presenter,
  locked,
  onMoveTo,
  onDiscussed,
  onFlag,
  onNote,
}: {
  sessionId: string
  person: Placement
  presenter: boolean
  locked: boolean
  onMoveTo: (box: number) => void
  onDiscussed: (discussed: boolean) => void
  onFlag: (code: FlagSummary['code'], status: 'acknowledged' | 'resolved', note: string) => void
  onNote: (text: string) => void
}): React.JSX.Element {
  const detail = usePersonDetail(sessionId, person)
  const [note, setNote] = useState('')
  return (
    <aside className="person-panel" aria-label={`Details for ${person.name}`}>
      <h3>
        {person.name} <span className="muted">· box {person.box}</span>
      </h3>
      <p className="muted">
        {person.department ?? '—'} · manager {person.managerId ?? '—'}
        {person.source === 'moved' ? ` · moved from box ${person.computedBox}` : ''}
      </p>
      {!locked && (
        <div className="panel-actions">
          <label>
            Move to box{' '}
            <select
              aria-label="Move to box"
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
            Discussed
          </label>
        </div>
      )}
      <section>
        <h4>Flags</h4>
        {person.flags.length === 0 ? (
          <p className="muted">No flags.</p>
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
      <section>
        <h4>Performance: {person.performance.level}</h4>
        {detail && <p>{detail.performance.explanation}</p>}
        <h4>Potential: {person.potential.level}</h4>
        {detail && <p>{detail.potential.explanation}</p>}
        {detail && !presenter && <EvidenceList items={detail.potential.evidence} />}
        <h4>Learning agility: {person.agility.index ?? 'insufficient evidence'}</h4>
        {detail ? <p>{detail.agility.explanation}</p> : <p className="muted">Loading the evidence…</p>}
        {detail && (
          <ul className="components">
            {detail.agility.components.map((c) => (
              <li key={c.key}>
                {c.label}: <strong>{c.raw ?? '—'}</strong>
                {c.rank !== null && (
                  <span className="muted">
                    {' '}
                    ({Math.round(c.rank * 100)}th percentile, weight {c.weight})
                  </span>
                )}
                {c.explanation && <div className="muted">{c.explanation}</div>}
                {!presenter && <EvidenceList items={c.evidence} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      {detail && (
        <>
          <section>
            <h4>Ratings by cycle</h4>
            <ul className="evidence">
              {detail.reviews.map((r) => (
                <li key={r.cycle}>
                  {r.cycle}: <strong>{r.overallRating}</strong> on {r.scale}
                  {r.potentialRating !== null ? `, potential ${r.potentialRating}` : ''}
                  <span className="muted">
                    {' '}
                    ({r.reviewerId ?? 'no reviewer'}, {r.reviewDate ?? 'no date'})
                  </span>
                </li>
              ))}
            </ul>
            <h4>Competency ratings</h4>
            <ul className="evidence">
              {detail.competencies.map((c, i) => (
                <li key={`${c.skill}-${i}`}>
                  {c.skill}: <strong>{c.level}</strong>{' '}
                  <span className="muted">
                    ({c.source}, {c.ratedAt ?? '—'})
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h4>Learning journey</h4>
            <ul className="journey">
              {detail.learning.map((l, i) => (
                <li key={`${l.title}-${i}`} className={`journey-${l.state}`}>
                  <span className="muted">{l.completedAt ?? (l.dueAt ? `due ${l.dueAt}` : '—')}</span>{' '}
                  {l.title}
                  {l.mandatory ? ' (mandatory)' : ''}: <strong>{l.state}</strong>
                  {l.score !== null ? ` · ${l.score}${l.scoreMax !== null ? `/${l.scoreMax}` : ''}` : ''}
                  {l.validUntil ? ` · valid until ${l.validUntil}` : ''}
                </li>
              ))}
            </ul>
          </section>
          {!presenter && (
            <section className="notes">
              <h4>Notes (private to this session)</h4>
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
                    aria-label={`Note about ${person.name}`}
                    rows={2}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                  <button type="submit" className="secondary" disabled={note.trim() === ''}>
                    Add note
                  </button>
                </form>
              )}
            </section>
          )}
          {detail.moves.length > 0 && (
            <section>
              <h4>Move history</h4>
              <ul className="evidence">
                {detail.moves.map((m) => (
                  <li key={`${m.step}-${m.at}`} className={m.state === 'active' ? '' : 'muted'}>
                    Step {m.step}: box {m.fromBox} → {m.toBox} by {m.actor} ({m.state}) — {m.reasonCode}
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
