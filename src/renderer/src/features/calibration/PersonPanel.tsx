import type { Evidence, Placement } from '../../../../shared/contract'

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

/** Why a person sits where they do: each axis, each agility component and each flag, with the records behind it. */
export function PersonPanel({
  person,
  presenter,
  locked,
  onMoveTo,
  onDiscussed,
}: {
  person: Placement
  presenter: boolean
  locked: boolean
  onMoveTo: (box: number) => void
  onDiscussed: (discussed: boolean) => void
}): React.JSX.Element {
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
          <label>
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
            <div key={f.code} className={`flag-card severity-${f.severity}`} data-flag={f.code}>
              <strong>{f.code.replaceAll('_', ' ').toLowerCase()}</strong>{' '}
              <span className="muted">({f.status})</span>
              <p>{f.rationale}</p>
              {!presenter && <EvidenceList items={f.evidence} />}
            </div>
          ))
        )}
      </section>
      <section>
        <h4>Performance: {person.performance.level}</h4>
        <p>{person.performance.explanation}</p>
        <h4>Potential: {person.potential.level}</h4>
        <p>{person.potential.explanation}</p>
        <h4>Learning agility: {person.agility.index ?? 'insufficient evidence'}</h4>
        <p>{person.agility.explanation}</p>
        <ul className="components">
          {person.agility.components.map((c) => (
            <li key={c.key}>
              {c.label}: <strong>{c.raw ?? '—'}</strong>
              {c.rank !== null && (
                <span className="muted">
                  {' '}
                  ({Math.round(c.rank * 100)}th percentile, weight {c.weight})
                </span>
              )}
              <div className="muted">{c.explanation}</div>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  )
}
