import { describe, expect, it } from 'vitest'
import { en } from '../../src/shared/i18n/catalogue'
import { pl } from '../../src/shared/i18n/pl'
import { translate, translator } from '../../src/shared/i18n/translate'

type Tree = { [key: string]: string | Tree }
const leaves = (tree: Tree, prefix = ''): [string, string | Tree][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' || 'other' in value
      ? [[`${prefix}${key}`, value]]
      : leaves(value, `${prefix}${key}.`),
  )

describe('the message catalogue', () => {
  it('has Polish for every English message, with the same placeholders', () => {
    const english = new Map(leaves(en as unknown as Tree))
    const polish = new Map(leaves(pl as unknown as Tree))
    expect([...polish.keys()].sort()).toEqual([...english.keys()].sort())
    const placeholders = (v: string | Tree): string[] =>
      // "{rank, ordinal}" is the placeholder rank written as an ordinal.
      [...JSON.stringify(v).matchAll(/\{(\w+)(?:, ordinal)?\}/g)]
        .map((m) => m[1] ?? '')
        .filter((n, i, a) => a.indexOf(n) === i)
        .sort()
    for (const [key, value] of english) {
      const translated = polish.get(key) as string | Tree
      expect(placeholders(translated), key).toEqual(placeholders(value))
      expect(JSON.stringify(translated).length, key).toBeGreaterThan(2)
    }
  })

  it('chooses plural forms by each language’s rules and formats numbers its way', () => {
    expect(translate('en', 'people.count', { count: 1 })).toBe('1 person')
    expect(translate('en', 'people.count', { count: 1500 })).toBe('1,500 people')
    expect(translate('pl', 'people.count', { count: 1 })).toBe('1 osoba')
    expect(translate('pl', 'people.count', { count: 3 })).toBe('3 osoby')
    expect(translate('pl', 'people.count', { count: 5 })).toBe('5 osób')
    expect(translate('pl', 'people.count', { count: 22 })).toBe('22 osoby')
    expect(translate('pl', 'people.count', { count: 12 })).toBe('12 osób')
    expect(translate('pl', 'people.count', { count: 15000 })).toBe('15\u00a0000 osób')
    expect(translate('pl', 'find.none', { text: 'Kowalski' })).toBe('Nic nie pasuje do „Kowalski”.')
  })

  it('says a team the same way in the org filter’s list and in the line under it, pluralised', () => {
    const team = (locale: 'en' | 'pl', count: number): string =>
      translate(locale, 'drilldown.org.team', { name: 'Anna Nowak', count })
    expect(team('en', 1)).toBe('Anna Nowak and team · 1 person')
    expect(team('en', 12)).toBe('Anna Nowak and team · 12 people')
    expect([1, 3, 5, 22, 12].map((n) => team('pl', n))).toEqual([
      'Anna Nowak i zespół · 1 osoba',
      'Anna Nowak i zespół · 3 osoby',
      'Anna Nowak i zespół · 5 osób',
      'Anna Nowak i zespół · 22 osoby',
      'Anna Nowak i zespół · 12 osób',
    ])
    const line = (locale: 'en' | 'pl'): string =>
      translate(locale, 'drilldown.org.showing', {
        team: { key: 'drilldown.org.team', params: { name: 'Anna Nowak', count: 5 } },
      })
    expect(line('en')).toBe('Showing Anna Nowak and team · 5 people')
    expect(line('pl')).toBe('Na siatce: Anna Nowak i zespół · 5 osób')
  })

  it('formats dates and percentages for the locale', () => {
    expect(translator('en').percent(0.125)).toBe('12.5%')
    expect(translator('pl').percent(0.125)).toBe('12,5%')
    expect(translator('en').date('2026-11-23')).toBe('Nov 23, 2026')
    expect(translator('pl').date('2026-11-23')).toBe('23 lis 2026')
  })

  it("writes ordinals by the locale's ordinal rules: 1st, 2nd, 3rd, 11th, 92nd; in Polish 92.", () => {
    const rank = (locale: 'en' | 'pl', value: number): string =>
      translate(locale, 'calibration.panel.rank', { rank: value, weight: 0.35 })
    expect([1, 2, 3, 4, 11, 12, 13, 21, 92, 100].map((n) => rank('en', n))).toEqual([
      '(1st percentile, weight 0.35)',
      '(2nd percentile, weight 0.35)',
      '(3rd percentile, weight 0.35)',
      '(4th percentile, weight 0.35)',
      '(11th percentile, weight 0.35)',
      '(12th percentile, weight 0.35)',
      '(13th percentile, weight 0.35)',
      '(21st percentile, weight 0.35)',
      '(92nd percentile, weight 0.35)',
      '(100th percentile, weight 0.35)',
    ])
    expect(rank('pl', 92)).toBe('(92. percentyl, waga 0,35)')
  })
})
