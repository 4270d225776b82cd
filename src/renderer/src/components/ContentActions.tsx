import './contentActions.css'

/**
 * What can be done with what a section shows (export it, print it): one row after the content it acts on, the same
 * on every screen. The inputs that shape the content stay above it.
 */
export function ContentActions({ children }: { children: React.ReactNode }): React.JSX.Element {
  return <div className="content-actions no-print">{children}</div>
}
