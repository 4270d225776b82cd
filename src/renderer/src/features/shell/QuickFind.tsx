import { useEffect, useId, useRef, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { api } from '../../api/client'
import { useAppStore, type JumpTarget } from '../../stores/appStore'

interface Hit {
  key: string
  group: string
  label: string
  detail: string
  target: JumpTarget
}

interface Lists {
  sessions: MethodOutput<'calibration.list'>
  roles: MethodOutput<'succession.roles'>
  items: MethodOutput<'insights.items'>
}

const matches = (text: string, query: string): boolean => text.toLowerCase().includes(query.toLowerCase())
const MAX_PER_GROUP = 5

/**
 * Ctrl/Cmd+K: jump to any person, calibration session, critical role or program by typing part of its name. People
 * are searched in the database; the other lists are short and filtered here.
 */
export function QuickFind({ onClose }: { onClose: () => void }): React.JSX.Element {
  const jump = useAppStore((s) => s.jump)
  const openSession = useAppStore((s) => s.openSession)
  const blindPeople = useAppStore((s) => s.blindPeople)
  const { t } = useT()
  const [query, setQuery] = useState('')
  const [lists, setLists] = useState<Lists | null>(null)
  const [people, setPeople] = useState<MethodOutput<'people.list'>['rows']>([])
  const [active, setActive] = useState(0)
  const listId = useId()
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    input.current?.focus()
    Promise.all([
      api.call('calibration.list'),
      api.call('succession.roles'),
      api.call('insights.items'),
    ]).then(
      ([sessions, roles, items]) => setLists({ sessions, roles, items }),
      () => setLists({ sessions: [], roles: [], items: [] }),
    )
  }, [])
  // A blind session on screen: people are looked up among its pseudonyms, never by their names in the database.
  const blind = openSession !== null && blindPeople !== null
  useEffect(() => {
    const text = query.trim()
    if (text.length === 0 || blind) return
    let live = true
    api.call('people.list', { limit: MAX_PER_GROUP, offset: 0, filter: { text } }).then(
      (page) => live && setPeople(page.rows),
      () => live && setPeople([]),
    )
    return () => {
      live = false
    }
  }, [query, blind])

  const text = query.trim()
  const spotIn = lists?.sessions.find((s) => s.sessionId === openSession)
  const hits: Hit[] =
    text.length === 0
      ? []
      : [
          // A blind session: its people by the pseudonym and box the grid shows, and nothing more.
          ...(blind ? (blindPeople ?? []) : [])
            .filter((p) => matches(p.name, text))
            .slice(0, MAX_PER_GROUP)
            .map((p): Hit => ({
              key: `spot-${p.employeeId}`,
              group: t('drilldown.find.spot', { session: spotIn?.name ?? '' }),
              label: p.name,
              detail: t('drilldown.find.blindDetail', { box: p.box }),
              target: { kind: 'session', sessionId: openSession ?? '', employeeId: p.employeeId },
            })),
          // With a session on screen, a person's first hit is their place in it; the profile follows.
          ...(spotIn === undefined || blind ? [] : people).map((p): Hit => ({
            key: `spot-${p.employeeId}`,
            group: t('drilldown.find.spot', { session: spotIn?.name ?? '' }),
            label: p.fullName ?? p.employeeId,
            detail: [p.employeeId, p.jobTitle, p.department].filter(Boolean).join(' · '),
            target: { kind: 'session', sessionId: spotIn?.sessionId ?? '', employeeId: p.employeeId },
          })),
          ...(blind ? [] : people).map((p): Hit => ({
            key: `p-${p.employeeId}`,
            group: t('find.person'),
            label: p.fullName ?? p.employeeId,
            detail: [p.employeeId, p.jobTitle, p.department].filter(Boolean).join(' · '),
            target: { kind: 'person', employeeId: p.employeeId },
          })),
          ...(lists?.sessions ?? [])
            .filter((s) => matches(s.name, text))
            .slice(0, MAX_PER_GROUP)
            .map((s): Hit => ({
              key: `s-${s.sessionId}`,
              group: t('find.session'),
              label: s.name,
              detail: t('find.sessionDetail', { cycle: s.cycle, count: s.people }),
              target: { kind: 'session', sessionId: s.sessionId },
            })),
          ...(lists?.roles ?? [])
            .filter((r) => matches(r.title, text))
            .slice(0, MAX_PER_GROUP)
            .map((r): Hit => ({
              key: `r-${r.roleId}`,
              group: t('find.role'),
              label: r.title,
              detail: r.incumbentName ? t('find.heldBy', { name: r.incumbentName }) : t('find.vacant'),
              target: { kind: 'role', roleId: r.roleId },
            })),
          ...(lists?.items ?? [])
            .filter((i) => matches(i.title, text) || matches(i.activityId, text))
            .slice(0, MAX_PER_GROUP)
            .map((i): Hit => ({
              key: `i-${i.activityId}`,
              group: t('find.program'),
              label: i.title,
              detail: t('find.completed', { type: i.activityType, count: i.completions }),
              target: { kind: 'program', title: i.title },
            })),
        ]
  const current = Math.min(active, Math.max(0, hits.length - 1))
  const choose = (hit: Hit | undefined): void => {
    if (!hit) return
    jump(hit.target)
    onClose()
  }

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog quick-find" role="dialog" aria-modal="true" aria-label={t('find.dialog')}>
        <input
          ref={input}
          role="combobox"
          aria-label={t('find.input')}
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits[current] ? `${listId}-${hits[current].key}` : undefined}
          placeholder={t('find.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') return onClose()
            const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
            if (step !== 0) {
              e.preventDefault()
              setActive(Math.min(Math.max(0, hits.length - 1), Math.max(0, current + step)))
            } else if (e.key === 'Enter') {
              e.preventDefault()
              choose(hits[current])
            }
          }}
        />
        <ul id={listId} role="listbox" aria-label={t('find.matches')} className="quick-find-list">
          {hits.map((hit, i) => (
            <li
              key={hit.key}
              id={`${listId}-${hit.key}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault()
                choose(hit)
              }}
            >
              <span className="quick-find-group">{hit.group}</span> <strong>{hit.label}</strong>{' '}
              <span className="muted small">{hit.detail}</span>
            </li>
          ))}
        </ul>
        {text.length > 0 && hits.length === 0 && <p className="muted">{t('find.none', { text })}</p>}
        {blind && <p className="muted small">{t('drilldown.find.blindNote')}</p>}
        <p className="muted small">{t('find.help')}</p>
      </div>
    </div>
  )
}
