import { useId } from 'react'

/**
 * A modal form with a title: submitting runs `onSubmit` (only when `valid`), Escape cancels. One place for the
 * dialog's roles and labelling, so every dialog reads the same to a screen reader.
 */
export function FormDialog({
  title,
  valid,
  onSubmit,
  onCancel,
  children,
}: {
  title: string
  valid: boolean
  onSubmit: () => void
  onCancel: () => void
  children: React.ReactNode
}): React.JSX.Element {
  const titleId = useId()
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={(e) => {
          e.preventDefault()
          if (valid) onSubmit()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel()
        }}
      >
        <h3 id={titleId}>{title}</h3>
        {children}
      </form>
    </div>
  )
}
