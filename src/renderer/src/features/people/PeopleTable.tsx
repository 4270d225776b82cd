import type { en } from '../../../../shared/i18n/catalogue'
import { translate, useLocale, useT } from '../../i18n'
import {
  createColumnHelper,
  flexRender,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import type { Person } from '../../../../shared/contract'

/** Column headers in the chosen language (the screen re-renders when it changes). */
const columnLabel = (key: keyof typeof en.people.col): string =>
  translate(useLocale.getState().locale, `people.col.${key}`)
import type { usePeoplePages } from './usePeoplePages'

export interface SortState {
  field: string
  direction: 'asc' | 'desc'
}

/** A loaded row with its absolute position in the full (server-sorted) list. */
interface WindowRow {
  index: number
  person: Person
}

const features = tableFeatures({
  rowSortingFeature,
  columnMeta: {} as { width: string },
})

const outsideManager = (name: string | null): string | null =>
  name === null ? null : translate(useLocale.getState().locale, 'people.managerOutside', { name })

const column = createColumnHelper<typeof features, WindowRow>()

const columns = column.columns([
  column.accessor((r) => r.person.fullName, {
    id: 'fullName',
    header: () => columnLabel('name'),
    meta: { width: 'minmax(180px, 1.4fr)' },
  }),
  column.accessor((r) => r.person.employeeId, {
    id: 'employeeId',
    header: () => columnLabel('employeeId'),
    meta: { width: '142px' },
  }),
  column.accessor((r) => r.person.jobTitle, {
    id: 'jobTitle',
    header: () => columnLabel('jobTitle'),
    meta: { width: 'minmax(160px, 1.2fr)' },
  }),
  column.accessor((r) => r.person.jobLevelText, {
    id: 'jobLevel',
    header: () => columnLabel('level'),
    meta: { width: '120px' },
  }),
  column.accessor((r) => r.person.department, {
    id: 'department',
    header: () => columnLabel('department'),
    meta: { width: 'minmax(130px, 1fr)' },
  }),
  column.accessor((r) => r.person.location, {
    id: 'location',
    header: () => columnLabel('location'),
    meta: { width: '110px' },
  }),
  // A manager the file named who is not in the workspace is shown as named, and said to be outside.
  column.accessor((r) => r.person.managerName ?? outsideManager(r.person.managerOutside), {
    id: 'managerName',
    header: () => columnLabel('manager'),
    meta: { width: 'minmax(150px, 1fr)' },
  }),
  column.accessor((r) => r.person.hireDate, {
    id: 'hireDate',
    header: () => columnLabel('hired'),
    meta: { width: '110px' },
  }),
])

const ROW_HEIGHT = 36
const gridTemplate = columns.map((c) => (c.meta as { width: string }).width).join(' ')

/**
 * Virtualised people grid. Sorting happens in SQL (manualSorting); the table model only ever holds the rows
 * in and around the viewport, so scrolling 50k people costs the same as scrolling 50.
 */
export function PeopleTable({
  pages,
  sort,
  onSortChange,
}: {
  pages: ReturnType<typeof usePeoplePages>
  sort: SortState
  onSortChange: (sort: SortState) => void
}): React.JSX.Element {
  const { t } = useT()
  const scrollRef = useRef<HTMLDivElement>(null)
  const total = pages.total ?? 0
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise; that is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    // The header sits sticky inside the same scroller (so columns stay aligned with or without a scrollbar).
    scrollMargin: ROW_HEIGHT,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensureRange, rowAt, version } = pages

  useEffect(() => ensureRange(first, last), [first, last, ensureRange, version])
  useEffect(() => virtualizer.scrollToIndex(0), [sort, virtualizer])

  const data = useMemo(() => {
    const rows: WindowRow[] = []
    for (let index = first; index <= last && index < total; index++) {
      const person = rowAt(index)
      if (person) rows.push({ index, person })
    }
    return rows
    // `version` changes whenever a page arrives: the window must be rebuilt from the cache then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first, last, total, rowAt, version])

  const sorting: SortingState = [{ id: sort.field, desc: sort.direction === 'desc' }]
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (r) => String(r.index),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      const head = next[0]
      if (head) onSortChange({ field: head.id, direction: head.desc ? 'desc' : 'asc' })
    },
  })
  const rowsByIndex = new Map(table.getRowModel().rows.map((r) => [r.original.index, r]))

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="table"
      aria-label={t('people.table')}
      aria-rowcount={total + 1}
      data-testid="people-scroll"
    >
      <div className="grid-head" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div
            key={group.id}
            role="row"
            className="grid-row"
            style={{ gridTemplateColumns: gridTemplate, height: ROW_HEIGHT }}
          >
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted()
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={header.column.getToggleSortingHandler()}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <span className="sort-indicator" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </div>
              )
            })}
          </div>
        ))}
      </div>
      {pages.total === 0 && <p className="empty-row">{t('people.noMatch')}</p>}
      <div className="grid-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rowsByIndex.get(item.index)
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              className={row ? 'grid-row' : 'grid-row loading'}
              style={{
                gridTemplateColumns: gridTemplate,
                height: ROW_HEIGHT,
                transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
              }}
            >
              {row
                ? row.getAllCells().map((cell) => (
                    <div key={cell.id} role="cell" title={String(cell.getValue() ?? '')}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))
                : columns.map((c) => <div key={c.id} role="cell" className="skeleton" />)}
            </div>
          )
        })}
      </div>
    </div>
  )
}
