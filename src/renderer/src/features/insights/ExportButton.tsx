import type { MethodInput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ContentActions } from '../../components/ContentActions'
import { downloadBytes } from '../../download'
import { useT } from '../../i18n'

type View = MethodInput<'insights.export'>['view']

/**
 * Every Insights view exports the numbers it shows, as a workbook, by asking the same question again: after them, as
 * every screen's exports are.
 */
export function ExportButton({
  view,
  input,
  onError,
}: {
  view: View
  input: Record<string, unknown>
  onError: (error: unknown) => void
}): React.JSX.Element {
  const { t, locale } = useT()
  return (
    <ContentActions>
      <button
        type="button"
        className="secondary small"
        onClick={() => void api.call('insights.export', { view, input, locale }).then(downloadBytes, onError)}
      >
        {t('insights.exportXlsx')}
      </button>
    </ContentActions>
  )
}
