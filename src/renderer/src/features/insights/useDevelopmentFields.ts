import { useEffect, useState } from 'react'
import type { SegmentDimension } from '../../../../shared/contract'
import { api } from '../../api/client'

/**
 * The organisational fields Insights may segment by: those tagged for development (Workspace ▸ Field purposes).
 * Null until known, so a view does not ask for a field it may not use.
 */
export function useDevelopmentFields(): SegmentDimension[] | null {
  const [fields, setFields] = useState<SegmentDimension[] | null>(null)
  useEffect(() => {
    api.call('privacy.fieldPurposes').then(
      (list) =>
        setFields(
          list
            .filter((f) => f.purposes.includes('development'))
            .map((f) => f.field)
            .filter((f): f is SegmentDimension =>
              ['department', 'location', 'jobLevel', 'manager'].includes(f),
            ),
        ),
      () => setFields([]),
    )
  }, [])
  return fields
}
