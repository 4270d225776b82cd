import { useCallback, useEffect, useRef, useState } from 'react'
import type { PeopleListInput, Person } from '../../../../shared/contract'
import { api } from '../../api/client'

export const PAGE_SIZE = 200

type Query = Pick<PeopleListInput, 'sort' | 'filter'>

/**
 * A sparse, page-by-page cache of the people list for one sort and filter. The table asks for the rows it is
 * about to show; only those pages are fetched, so 100k people never cross the transport at once.
 */
export function usePeoplePages(
  query: Query,
  /** Bumped when the people themselves changed (an erasure), so the cached pages are fetched again. */
  revision = 0,
): {
  total: number | null
  rowAt: (index: number) => Person | undefined
  ensureRange: (start: number, end: number) => void
  version: number
  error: unknown
} {
  // Total and error are stored with the query they belong to, so a new query reads as "loading" without a reset.
  const [loaded, setLoaded] = useState<{ key: string; total: number | null; error: unknown }>({
    key: '',
    total: null,
    error: null,
  })
  const [version, setVersion] = useState(0)
  const pages = useRef(new Map<number, Person[]>())
  const inFlight = useRef(new Set<number>())
  const generation = useRef(0)
  const queryKey = JSON.stringify({ query, revision })

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inFlight.current.has(page)) return
      inFlight.current.add(page)
      const started = generation.current
      api
        .call('people.list', {
          ...(JSON.parse(queryKey) as { query: Query }).query,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        })
        .then((result) => {
          if (started !== generation.current) return // the sort or filter changed while this page was on its way
          pages.current.set(page, result.rows)
          setLoaded({ key: queryKey, total: result.total, error: null })
          setVersion((v) => v + 1)
        })
        .catch((error: unknown) => {
          if (started === generation.current) setLoaded({ key: queryKey, total: null, error })
        })
        .finally(() => inFlight.current.delete(page))
    },
    [queryKey],
  )

  useEffect(() => {
    generation.current++
    pages.current = new Map()
    inFlight.current = new Set()
    fetchPage(0)
  }, [fetchPage])

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (
        let page = Math.floor(start / PAGE_SIZE);
        page <= Math.floor(Math.max(start, end) / PAGE_SIZE);
        page++
      ) {
        fetchPage(page)
      }
    },
    [fetchPage],
  )

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [],
  )

  const current = loaded.key === queryKey
  return {
    total: current ? loaded.total : null,
    rowAt,
    ensureRange,
    version,
    error: current ? loaded.error : null,
  }
}
