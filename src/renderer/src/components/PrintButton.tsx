/**
 * Print, or save as PDF from the print dialog: the print stylesheet leaves only the content (the grid with its
 * labels, the person's profile, the succession overview), without navigation, buttons or filters.
 */
export function PrintButton({ what }: { what: string }): React.JSX.Element {
  return (
    <button
      type="button"
      className="secondary no-print"
      onClick={() => window.print()}
      title={`Print ${what}, or save it as PDF`}
    >
      Print / PDF
    </button>
  )
}
