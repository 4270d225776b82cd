import type { MethodInput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { downloadBytes } from '../../download'

type View = MethodInput<'insights.export'>['view']

/** Every Insights view exports the numbers it shows, as a workbook, by asking the same question again. */
export function ExportButton({
  view,
  input,
  onError,
}: {
  view: View
  input: Record<string, unknown>
  onError: (message: string) => void
}): React.JSX.Element {
  return (
    <button
      type="button"
      className="secondary small"
      onClick={() =>
        void api
          .call('insights.export', { view, input })
          .then(downloadBytes, (e: unknown) => onError(e instanceof Error ? e.message : String(e)))
      }
    >
      Export xlsx
    </button>
  )
}
