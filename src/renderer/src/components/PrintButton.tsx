import { useT } from '../i18n'

/**
 * Print, or save as PDF from the print dialog: the print stylesheet leaves only the content (the grid with its
 * labels, the person's profile, the succession overview), without navigation, buttons or filters. `what` comes
 * translated from the screen that prints.
 */
export function PrintButton({ what }: { what: string }): React.JSX.Element {
  const { t } = useT()
  return (
    <button
      type="button"
      className="secondary no-print"
      onClick={() => window.print()}
      title={t('common.printTitle', { what })}
    >
      {t('common.print')}
    </button>
  )
}
