import type { Catalogue } from './catalogue'
import { calibration } from './pl/calibration'
import { drilldown } from './pl/drilldown'
import { common } from './pl/common'
import { fairness } from './pl/fairness'
import { importMessages } from './pl/import'
import { insights } from './pl/insights'
import { lrs } from './pl/lrs'
import { people } from './pl/people'
import { privacy } from './pl/privacy'
import { settings } from './pl/settings'
import { shell } from './pl/shell'
import { succession } from './pl/succession'
import { workspace } from './pl/workspace'

/** Polish, complete for the catalogue (the type refuses a missing or extra key). */
export const pl: Catalogue = {
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
}
