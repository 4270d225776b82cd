/** A padlock drawn in SVG (emoji fonts are not on every machine); decorative, so hidden from screen readers. */
export function LockIcon({ size = 16 }: { size?: number }): React.JSX.Element {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className="icon"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" stroke="none" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" />
    </svg>
  )
}
