import { useRef, useState } from 'react'

/** Drop a file here, or pick one: the two ways people hand a spreadsheet to an app. */
export function DropZone({
  busy,
  onFile,
}: {
  busy: boolean
  onFile: (file: File) => void
}): React.JSX.Element {
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  return (
    <div
      className={over ? 'drop-zone over' : 'drop-zone'}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        const file = e.dataTransfer.files[0]
        if (file) onFile(file)
      }}
    >
      <p>
        <strong>Drop a spreadsheet here</strong>
        <br />
        <span className="muted">
          Excel (.xlsx) or CSV/TSV from your HRIS, review tool or LMS; xAPI statements as JSON
        </span>
      </p>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Reading…' : 'Choose a file…'}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="File to import"
        accept=".xlsx,.xlsm,.csv,.tsv,.txt,.json,.jsonl"
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) onFile(file)
          e.target.value = ''
        }}
      />
    </div>
  )
}
