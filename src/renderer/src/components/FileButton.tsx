import './fileButton.css'

/**
 * A button that picks a file: the browser's own file input, kept for its keyboard and screen-reader behaviour but
 * drawn as one of our secondary buttons (the bare "Choose File — No file chosen" made toolbars jump and look broken).
 */
export function FileButton({
  label,
  title,
  accept,
  onFile,
}: {
  label: string
  title?: string
  accept: string
  onFile: (file: File) => void
}): React.JSX.Element {
  return (
    <label className="file-button" title={title}>
      {label}
      <input
        type="file"
        accept={accept}
        onChange={(e) => {
          const input = e.currentTarget
          const file = input.files?.[0]
          // The same file may be chosen again after a fix: the input forgets this choice.
          input.value = ''
          if (file) onFile(file)
        }}
      />
    </label>
  )
}
