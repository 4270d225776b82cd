import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import type { CalibrationView, Placement } from '../../../../shared/contract'
import { translator as translatorFor } from '../../../../shared/i18n/translate'
import { useT } from '../../i18n'
import { boxLabel } from './labels'
import { cellText, linesOf, type ColumnId, type Line, type TextColumn } from './boxTableLines'
import { useRowDrag } from './useRowDrag'
import './BoxTable.css'

type Grouping = 'none' | 'manager' | 'department'
const COLUMNS: ColumnId[] = [
  'name',
  'title',
  'department',
  'manager',
  'rating',
  'potential',
  'flags',
  'moved',
]
const ROW_HEIGHT = 34

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic },
})
const column = createColumnHelper<typeof features, Line>()
/**
 * The text sort's order (lower case, then code points) on keys made once per line: a 9,000-person box is sorted
 * again whenever a move takes someone out of it, and per-comparison lower-casing was most of that sort.
 */
const byLowerText = (a: { original: Line }, b: { original: Line }, id: string): number => {
  const x = a.original.lower[id as TextColumn]
  const y = b.original.lower[id as TextColumn]
  return x === y ? 0 : x > y ? 1 : -1
}
/** A row of the virtual list: a group's heading, or a person. */
type Item = { kind: 'group'; key: string; count: number } | { kind: 'person'; line: Line }
const BOX_KEYS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9'])

/**
 * A box's people as a table beside the grid: virtualised (a box may hold thousands), sorted, searched and grouped by
 * manager or department. A row is dragged onto a box of the grid, or moved with a digit key; either asks for the
 * move through `onMove` (the session's move dialog). `found` is scrolled to and marked (where Find landed).
 */
export const BoxTable = memo(function BoxTable({
  view,
  box,
  matches,
  found,
  locked,
  onOpen,
  onMove,
  onClose,
}: {
  view: CalibrationView
  box: number
  matches: (p: Placement) => boolean
  found: string | null
  locked: boolean
  onOpen: (employeeId: string) => void
  onMove: (employeeId: string, box: number) => void
  onClose: () => void
}): React.JSX.Element {
  // useT() gives a new translator each render: the memos below key on the language, or a 9,000-person box would
  // be rebuilt and re-sorted on every focus change and drag start.
  const { locale } = useT()
  const translator = useMemo(() => translatorFor(locale), [locale])
  const { t } = translator
  const [search, setSearch] = useState('')
  const [grouping, setGrouping] = useState<Grouping>('none')
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }])
  const [active, setActive] = useState(0)
  const scroller = useRef<HTMLDivElement>(null)
  const people = useMemo(
    () => view.placements.filter((p) => p.box === box && matches(p)),
    [view.placements, box, matches],
  )
  // Lines depend on the language and the org chain besides the placement itself.
  const kept = useMemo(
    () => ({ translator, org: view.org, lines: new WeakMap<Placement, Line>() }),
    [translator, view.org],
  )
  const data = useMemo(() => linesOf(kept.translator, view, people, kept.lines), [kept, view, people])
  const columns = useMemo(
    () =>
      column.columns(
        COLUMNS.map((id) =>
          column.accessor(id, {
            id,
            header: t(`drilldown.table.column.${id}`),
            sortFn: id === 'rating' || id === 'moved' ? 'basic' : byLowerText,
            sortUndefined: 'last',
          }),
        ),
      ),
    [t],
  )
  const searched = useMemo(() => {
    const text = search.trim().toLowerCase()
    return text === '' ? data : data.filter((line) => line.search.includes(text))
  }, [data, search])
  const table = useTable({
    features,
    columns,
    data: searched,
    getRowId: (line) => line.employeeId,
    state: { sorting },
    onSortingChange: setSorting,
  })
  const sorted = table.getRowModel().rows.map((r) => r.original)
  // Groups in name order, each with its people in the table's sort order.
  const rows = useMemo((): Item[] => {
    if (grouping === 'none') return sorted.map((line) => ({ kind: 'person', line }))
    const groups = new Map<string, Line[]>()
    for (const line of sorted) {
      const group = groups.get(line[grouping])
      if (group) group.push(line)
      else groups.set(line[grouping], [line])
    }
    return [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([key, lines]): Item[] => [
        { kind: 'group', key, count: lines.length },
        ...lines.map((line): Item => ({ kind: 'person', line })),
      ])
    // `sorted` is rebuilt each render; what it depends on is listed instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searched, sorting, grouping])
  const shownPeople = searched.length
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const focusRow = useRef(false)
  useEffect(() => {
    if (!focusRow.current) return
    focusRow.current = false
    scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus()
  }, [active])
  const foundIndex =
    found === null ? -1 : rows.findIndex((r) => r.kind === 'person' && r.line.employeeId === found)
  useEffect(() => {
    if (foundIndex < 0) return
    setActive(foundIndex)
    virtual.scrollToIndex(foundIndex, { align: 'center' })
  }, [foundIndex, virtual])

  // Opening a box hands the keyboard to its table: the row Find landed on, or the first. (The rows are virtual: the
  // one wanted is focused on the first render that draws it.)
  const focusOnOpen = useRef<number | null>(null)
  useEffect(() => {
    focusOnOpen.current = box
  }, [box])
  useEffect(() => {
    if (focusOnOpen.current !== box) return
    const row = scroller.current?.querySelector<HTMLElement>(
      `[data-index="${foundIndex < 0 ? 0 : foundIndex}"]`,
    )
    if (!row) return
    focusOnOpen.current = null
    row.focus({ preventScroll: foundIndex >= 0 })
  })
  // A row moved by key asks for the move dialog, which takes the focus; when it closes (and when the moved person's
  // row is gone), the focus comes back to the row in the same place, so the next move is one key away.
  const refocus = useRef<{ employeeId: string; index: number } | null>(null)
  useEffect(() => {
    const want = refocus.current
    const list = scroller.current
    if (!want || !list || document.querySelector('[role="dialog"]')) return
    const gone = !rows.some((r) => r.kind === 'person' && r.line.employeeId === want.employeeId)
    const now = document.activeElement
    const lost = now === null || now === document.body
    // The row was on screen a moment ago, so the one now in its place is drawn (its focus makes it the active row).
    if (lost)
      list.querySelector<HTMLElement>(`[data-index="${Math.min(want.index, rows.length - 1)}"]`)?.focus()
    if (gone || (!lost && !list.contains(now))) refocus.current = null
  })

  const dragging = useRowDrag(locked, (employeeId, to) => onMove(employeeId, to))
  const nameOf = (employeeId: string): string =>
    data.find((l) => l.employeeId === employeeId)?.name ?? employeeId

  const onRowKey = (e: React.KeyboardEvent, row: Item, index: number): void => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
    if (step !== 0) {
      e.preventDefault()
      const next = Math.min(rows.length - 1, Math.max(0, index + step))
      focusRow.current = true
      virtual.scrollToIndex(next)
      setActive(next)
      return
    }
    if (row.kind === 'group') return
    if (e.key === 'Enter') {
      e.preventDefault()
      onOpen(row.line.employeeId)
    } else if (BOX_KEYS.has(e.key) && !locked) {
      e.preventDefault()
      refocus.current = { employeeId: row.line.employeeId, index }
      onMove(row.line.employeeId, Number(e.key))
    }
  }

  return (
    <section
      className="box-table"
      aria-label={t('drilldown.table.label', { box, label: boxLabel(translator, view.settings.labels, box) })}
    >
      <header className="box-table-head">
        <h3>
          {t('drilldown.table.title', {
            box,
            label: boxLabel(translator, view.settings.labels, box),
            count: people.length,
          })}
        </h3>
        <button type="button" className="link" onClick={onClose}>
          {t('drilldown.table.close')}
        </button>
      </header>
      <div className="box-table-controls">
        <label className="inline">
          <span className="sr-only">{t('drilldown.table.search')}</span>
          <input
            type="search"
            aria-label={t('drilldown.table.search')}
            placeholder={t('drilldown.table.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="inline">
          {t('drilldown.table.groupBy')}{' '}
          <select value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
            {(['none', 'manager', 'department'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`drilldown.table.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small" role="status">
          {t('drilldown.table.matching', { count: shownPeople, total: people.length })}
        </span>
      </div>
      <p className="muted small" id={`box-table-help-${box}`}>
        {t('drilldown.table.help')}
      </p>
      <div className="box-table-scroll" ref={scroller}>
        <table
          className="box-table-grid"
          aria-rowcount={rows.length + 1}
          aria-describedby={`box-table-help-${box}`}
          data-testid="box-table"
        >
          <thead>
            <tr aria-rowindex={1}>
              {table.getHeaderGroups()[0]?.headers.map((header) => {
                const sorted = header.column.getIsSorted()
                return (
                  <th
                    key={header.id}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button
                      type="button"
                      className="link"
                      title={t('drilldown.table.sortBy', {
                        column: String(header.column.columnDef.header),
                      })}
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      {String(header.column.columnDef.header)}
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index]
              if (!row) return null
              const common = {
                'data-index': item.index,
                'aria-rowindex': item.index + 2,
                tabIndex: item.index === Math.min(active, rows.length - 1) ? 0 : -1,
                style: { transform: `translateY(${item.start}px)` },
                onFocus: () => setActive(item.index),
                onKeyDown: (e: React.KeyboardEvent) => onRowKey(e, row, item.index),
              }
              if (row.kind === 'group')
                return (
                  <tr key={`group-${row.key}`} {...common} className="box-table-group">
                    <th scope="rowgroup" colSpan={COLUMNS.length}>
                      {t('drilldown.table.groupRow', { group: row.key, count: row.count })}
                    </th>
                  </tr>
                )
              const line = row.line
              return (
                <tr
                  key={line.employeeId}
                  {...common}
                  className={`box-table-row${line.employeeId === found ? ' found' : ''}`}
                  data-employee-row={line.employeeId}
                  onPointerDown={(e) => dragging.start(e, line.employeeId, line.name)}
                  onDoubleClick={() => onOpen(line.employeeId)}
                >
                  {COLUMNS.map((id) => (
                    <td key={id} className={`col-${id}`}>
                      {id === 'name' ? (
                        <button
                          type="button"
                          className="link"
                          tabIndex={-1}
                          onClick={() => onOpen(line.employeeId)}
                        >
                          {line.name}
                        </button>
                      ) : (
                        cellText(translator, line, id)
                      )}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <div className="box-table-ghost" ref={dragging.ghost} aria-hidden="true" />
      <p className="sr-only" aria-live="polite">
        {dragging.who ? t('drilldown.table.dragging', { name: nameOf(dragging.who) }) : ''}
      </p>
    </section>
  )
})
