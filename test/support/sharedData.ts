import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe } from 'vitest'

/** The team's real public datasets live beside the project (../shared/data); CI always has them. */
export const SHARED_DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data')
export const hasSharedData = existsSync(SHARED_DATA)

export const sharedFile = (relative: string): string => join(SHARED_DATA, relative)

/** A describe that is skipped, saying why, when ../shared/data is absent (a checkout without the team's data). */
export const describeWithSharedData: typeof describe = hasSharedData
  ? describe
  : (((name: string, ...rest: unknown[]) => {
      const reason = `${name} (skipped: ../shared/data is not beside this checkout)`
      return describe.skip(reason, ...(rest as []))
    }) as unknown as typeof describe)
