import { describe, expect, it } from 'vitest'
import {
  canonicalSince,
  StoredOrder,
  isAscending,
  newestStored,
  resumeSince,
  retryDelay,
} from '../../src/core/xapi/lrsPaging'
import { firstPageUrl, nextPageUrl, normaliseEndpoint } from '../../src/main/lrs/pageUrls'

describe('paging an LRS', () => {
  it('always sends since in canonical UTC with milliseconds and Z (servers compare it as text)', () => {
    expect(canonicalSince('2026-01-01T10:00:00+01:00')).toBe('2026-01-01T09:00:00.000Z')
    expect(canonicalSince('2026-01-01T09:00:00Z')).toBe('2026-01-01T09:00:00.000Z')
    expect(canonicalSince('2026-01-01T09:00:00.1234567Z')).toBe('2026-01-01T09:00:00.123Z')
    expect(() => canonicalSince('yesterday')).toThrow(RangeError)
  })

  it('builds the first page ascending from since, with the filters', () => {
    const url = new URL(
      firstPageUrl('https://lrs.example.com/data/xAPI', {
        since: '2026-03-01T12:00:00+02:00',
        limit: 250,
        filters: { verb: 'http://adlnet.gov/expapi/verbs/completed', relatedActivities: true },
      }),
    )
    expect(url.origin + url.pathname).toBe('https://lrs.example.com/data/xAPI/statements')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      since: '2026-03-01T10:00:00.000Z',
      limit: '250',
      ascending: 'true',
      verb: 'http://adlnet.gov/expapi/verbs/completed',
      related_activities: 'true',
    })
    expect(
      new URL(
        firstPageUrl('https://lrs.example.com/xAPI/', { since: null, limit: 10, filters: {} }),
      ).searchParams.has('since'),
    ).toBe(false)
  })

  it('resolves more against the origin, not the endpoint path, and never follows it to another site', () => {
    expect(nextPageUrl('https://lrs.example.com/lrs/xAPI/', '/xAPI/statements?cursor=abc')).toBe(
      'https://lrs.example.com/xAPI/statements?cursor=abc',
    )
    expect(nextPageUrl('https://lrs.example.com/xAPI/', '')).toBeNull()
    expect(nextPageUrl('https://lrs.example.com/xAPI/', undefined)).toBeNull()
    expect(() =>
      nextPageUrl('https://lrs.example.com/xAPI/', 'https://evil.example/xAPI/statements'),
    ).toThrow(/another site/)
  })

  it('normalises endpoints and refuses what is not http(s)', () => {
    expect(normaliseEndpoint('https://lrs.example.com/xAPI')).toBe('https://lrs.example.com/xAPI/')
    expect(normaliseEndpoint('https://lrs.example.com/xAPI/?x=1#y')).toBe('https://lrs.example.com/xAPI/')
    expect(() => normaliseEndpoint('ftp://lrs.example.com/')).toThrow()
  })

  it('moves the checkpoint to the newest stored time, and resumes a millisecond before it', () => {
    const page = [
      { stored: '2026-05-01T10:00:00.100Z' },
      { stored: '2026-05-01T12:00:00.000+02:00' },
      { stored: 'not a date' },
      {},
    ]
    expect(newestStored(page)).toBe('2026-05-01T10:00:00.100Z')
    expect(newestStored([])).toBeNull()
    expect(resumeSince('2026-05-01T10:00:00.100Z')).toBe('2026-05-01T10:00:00.099Z')
    expect(resumeSince(null)).toBeNull()
    expect(isAscending(page)).toBe(false)
    expect(
      isAscending([
        { stored: '2026-05-01T10:00:00Z' },
        { stored: '2026-05-01T10:00:00Z' },
        { stored: '2026-05-02T00:00:00Z' },
      ]),
    ).toBe(true)
  })

  it('moves the checkpoint only once the order is proven ascending, never past consistent-through', () => {
    const at = (...times: string[]) => times.map((stored) => ({ stored }))
    const ascending = new StoredOrder()
    ascending.observe(at('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'))
    expect(ascending.whilePaging(null)).toBeNull() // nothing before the first page
    ascending.observe(at('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'))
    expect(ascending.whilePaging(null)).toBe('2026-01-01T00:00:00.000Z')
    ascending.observe(at('2026-01-03T00:00:00Z'))
    expect(ascending.whilePaging('2026-01-01T12:00:00Z')).toBe('2026-01-01T12:00:00.000Z')
    expect(ascending.complete(null)).toBe('2026-01-03T00:00:00.000Z')

    // One POST gives every statement the same stored time: equal times prove nothing about the order.
    const flat = new StoredOrder()
    flat.observe(at('2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z'))
    flat.observe(at('2026-02-01T00:00:00Z'))
    expect(flat.whilePaging(null)).toBeNull()

    const newestFirst = new StoredOrder()
    newestFirst.observe(at('2026-03-02T00:00:00Z'))
    newestFirst.observe(at('2026-03-01T00:00:00Z'))
    newestFirst.observe(at('2026-03-03T00:00:00Z'))
    expect(newestFirst.whilePaging(null)).toBeNull()
    expect(newestFirst.complete(null)).toBe('2026-03-03T00:00:00.000Z')
  })

  it('backs off 0.5, 1, 2, 4 s … capped at 8 s, and stops after the last retry', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, 6))).toEqual([500, 1000, 2000, 4000, 8000, 8000])
    expect(retryDelay(5, 4)).toBeNull()
  })
})
