import { migration001 } from './001-core'
import { migration002 } from './002-talent-records'
import { migration003 } from './003-imports'
import { migration004 } from './004-calibration'
import { migration005 } from './005-skills-succession'
import { migration006 } from './006-rules-outbox'
import { migration007 } from './007-privacy'
import { migration008 } from './008-learning-goals'
import { migration009 } from './009-field-purposes'
import { migration010 } from './010-lrs-connections'
import { migration011 } from './011-promotions'
import { migration012 } from './012-people-files'
import { migration013 } from './013-holding-steps'
import { migration014 } from './014-people-email-key'
import { migration015 } from './015-calibration-rollups'
import { migration016 } from './016-calibration-proposals'
import type { Migration } from './types'

export type { Migration } from './types'

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
]
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
