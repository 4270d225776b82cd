import { useEffect, useMemo, useState } from 'react'
import type { MethodOutput, PersonSortField } from '../../../../shared/contract'
import { jumpFor } from '../../stores/appStore'
import { useT } from '../../i18n'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { PeopleTable, type SortState } from './PeopleTable'
import { usePeoplePages } from './usePeoplePages'
import { FacetSelect } from '../../components/FacetSelect'
import { ErasePersonDialog } from '../privacy/ErasePersonDialog'
import { PersonProfile } from './PersonProfile'

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

export function PeopleScreen(): React.JSX.Element {
  const { t } = useT()
  const [search, setSearch] = useState(() => jumpFor('person')?.employeeId ?? '')
  /** The person Find chose: their profile opens above the list. */
  const [profile, setProfile] = useState(() => jumpFor('person')?.employeeId ?? null)
  const [department, setDepartment] = useState('')
  const [location, setLocation] = useState('')
  const [jobLevel, setJobLevel] = useState('')
  const [sort, setSort] = useState<SortState>({ field: 'fullName', direction: 'asc' })
  const [facets, setFacets] = useState<MethodOutput<'people.facets'> | null>(null)
  const text = useDebounced(search.trim(), 250)

  useEffect(() => {
    api
      .call('people.facets')
      .then(setFacets)
      .catch(() => setFacets(null))
  }, [])

  const query = useMemo(
    () => ({
      sort: { field: sort.field as PersonSortField, direction: sort.direction },
      filter: {
        ...(text ? { text } : {}),
        ...(department ? { department } : {}),
        ...(location ? { location } : {}),
        ...(jobLevel ? { jobLevel } : {}),
      },
    }),
    [sort, text, department, location, jobLevel],
  )
  const [revision, setRevision] = useState(0)
  const [erasing, setErasing] = useState(false)
  const pages = usePeoplePages(query, revision)

  return (
    <div className="people">
      {profile !== null && <PersonProfile employeeId={profile} onClose={() => setProfile(null)} />}
      <div className="toolbar" role="search">
        <h1>{t('nav.people')}</h1>
        <input
          type="search"
          aria-label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <FacetSelect
          label={t('people.department')}
          value={department}
          onChange={setDepartment}
          options={facets?.departments}
          allLabel={t('people.allDepartments')}
        />
        <FacetSelect
          label={t('people.location')}
          value={location}
          onChange={setLocation}
          options={facets?.locations}
          allLabel={t('people.allLocations')}
        />
        <FacetSelect
          label={t('people.jobLevel')}
          value={jobLevel}
          onChange={setJobLevel}
          options={facets?.jobLevels}
          allLabel={t('people.allJobLevels')}
        />
        <span className="muted" data-testid="people-count" aria-live="polite">
          {pages.total === null ? t('people.loading') : t('people.count', { count: pages.total })}
        </span>
        <button type="button" className="secondary" onClick={() => setErasing(true)}>
          {t('people.erase')}
        </button>
      </div>
      <ErrorBanner error={pages.error} />
      {erasing && (
        <ErasePersonDialog onClose={() => setErasing(false)} onErased={() => setRevision((r) => r + 1)} />
      )}
      <PeopleTable pages={pages} sort={sort} onSortChange={setSort} />
    </div>
  )
}
