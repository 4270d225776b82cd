import { calibration } from './en/calibration'
import { drilldown } from './en/drilldown'
import { common } from './en/common'
import { fairness } from './en/fairness'
import { importMessages } from './en/import'
import { insights } from './en/insights'
import { lrs } from './en/lrs'
import { people } from './en/people'
import { privacy } from './en/privacy'
import { settings } from './en/settings'
import { shell } from './en/shell'
import { succession } from './en/succession'
import { workspace } from './en/workspace'

/**
 * The one message catalogue, in English: every string a user reads, from the renderer and from the services
 * (errors, explanations). Keys name where a string is used; `{name}` marks a value filled in at run time;
 * plural strings are objects keyed by Intl plural category. One file per area of the app.
 */
export const en = {
  ...shell,
  common,
  people,
  settings,
  workspace,
  import: importMessages,
  calibration,
  drilldown,
  succession,
  insights,
  fairness,
  privacy,
  lrs,
} as const

/** A catalogue with the same keys as English: a missing or extra translation fails to compile. */
export type Catalogue = Widen<typeof en>
/** Plural forms by Intl plural category; `other` is always there (Polish also has few and many). */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }
/** Plural forms only when every key is a plural category: a group of messages may have a key named `other`. */
export type IsPlural<T> = T extends { other: string }
  ? Exclude<keyof T, Intl.LDMLPluralRule> extends never
    ? true
    : false
  : false
type Widen<T> = T extends string
  ? string
  : IsPlural<T> extends true
    ? Plural
    : { -readonly [K in keyof T]: Widen<T[K]> }
