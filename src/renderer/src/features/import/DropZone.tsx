import { useRef, useState } from 'react'
import { useT } from '../../i18n'

/** Drop a file here, or pick one: the two ways people hand a spreadsheet to an app. */
export function DropZone({
  busy,
  onFile,
}: {
  busy: boolean
  onFile: (file: File) => void
}): React.JSX.Element {
  const t = useT()
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
        <strong>{t.t('import.drop.title')}</strong>
        <br />
        <span className="muted">{t.t('import.drop.hint')}</span>
      </p>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t.t('import.drop.reading') : t.t('import.drop.choose')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t.t('import.drop.input')}
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
