import { useEffect, useState } from 'react'
import type { JobProgress } from '../../../../shared/contract'
import { RECORD_KINDS, type RecordKind } from '../../../../core/import/fields'
import { useAppStore } from '../../stores/appStore'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { BatchList } from './BatchList'
import { DropZone } from './DropZone'
import { MappingTable } from './MappingTable'
import { PreviewRows } from './PreviewRows'
import { ProfileBar } from './ProfileBar'
import { ResultSummary } from './ResultSummary'
import { UnmatchedList } from './UnmatchedList'
import { useImportWizard } from './useImportWizard'

const KIND_LABELS: Record<RecordKind, string> = {
  people: 'People (HRIS staff list)',
  reviews: 'Performance reviews',
  competencies: 'Competency ratings',
  learning: 'Learning records (LMS)',
  surveys: 'Survey answers',
  xapi: 'xAPI statements (JSON from an LRS)',
}

export function ImportScreen(): React.JSX.Element {
  const wizard = useImportWizard()
  const { preview, file, kind } = wizard
  const [jobId, setJobId] = useState<string | null>(null)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [batchesVersion, setBatchesVersion] = useState(0)
  const dropped = useAppStore((s) => s.droppedFile)
  const dropFile = useAppStore((s) => s.dropFile)
  const { chooseFile } = wizard
  useEffect(() => {
    // A file dropped anywhere on the window starts here, as if dropped on the drop zone.
    if (!dropped) return
    dropFile(null)
    void chooseFile(dropped)
  }, [dropped, dropFile, chooseFile])

  useEffect(
    () => (jobId ? api.on('jobs.progress', (p) => p.jobId === jobId && setProgress(p)) : undefined),
    [jobId],
  )

  const startImport = async (dryRun = false): Promise<void> => {
    const id = `import-${crypto.randomUUID()}`
    setJobId(id)
    await wizard.commit(id, dryRun)
    setJobId(null)
    setProgress(null)
    setBatchesVersion((v) => v + 1)
  }

  const blocking = preview
    ? preview.issues.filter(
        (i) =>
          i.code === 'MISSING_FIELD' ||
          i.code === 'NO_HEADER_ROW' ||
          i.code === 'NO_RATING_SCALE' ||
          i.code === 'MIXED_DATE_FORMATS',
      )
    : []

  return (
    <div className="import">
      <div className="toolbar">
        <h1>Import</h1>
        <label className="inline">
          The file holds
          <select
            aria-label="Record kind"
            value={wizard.kind}
            onChange={(e) => wizard.chooseKind(e.target.value as RecordKind)}
          >
            {RECORD_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {file && (
          <span className="muted">
            {file.fileName} · {(file.size / 1024).toFixed(0)} KB
          </span>
        )}
        {file && (
          <button type="button" className="secondary" onClick={wizard.reset}>
            Choose another file
          </button>
        )}
      </div>
      <ErrorBanner error={wizard.error} />
      {wizard.result && <ResultSummary result={wizard.result} />}
      {!file && <DropZone busy={wizard.busy === 'reading'} onFile={(f) => void wizard.chooseFile(f)} />}
      {file && kind === 'xapi' && (
        <section className="card" aria-labelledby="xapi-title">
          <h2 id="xapi-title">xAPI statements</h2>
          <p className="muted">
            Each statement is checked against xAPI 1.0.3; completions, passes and failures become learning
            records for the person they name (by email or account). A check stores nothing.
          </p>
          <div className="import-actions">
            <button
              type="button"
              className="secondary"
              disabled={wizard.busy !== null}
              onClick={() => void startImport(true)}
            >
              Check statements
            </button>
            <button type="button" disabled={wizard.busy !== null} onClick={() => void startImport()}>
              {wizard.busy === 'importing' ? 'Importing…' : 'Import statements'}
            </button>
          </div>
        </section>
      )}
      {file && preview && kind !== 'xapi' && (
        <div className="import-body">
          <section className="card" aria-labelledby="source-title">
            <h2 id="source-title">Source</h2>
            <div className="source-options">
              {preview.format === 'xlsx' && (
                <label className="inline">
                  Sheet
                  <select
                    aria-label="Sheet"
                    value={preview.sheet ?? ''}
                    onChange={(e) => wizard.chooseSheet(e.target.value)}
                  >
                    {preview.sheets.map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.name}
                        {s.rowCount !== null ? ` (${s.rowCount.toLocaleString()} rows)` : ''}
                        {s.hidden ? ' — hidden' : ''}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="inline">
                Header row
                <input
                  aria-label="Header row"
                  type="number"
                  min={1}
                  value={preview.headerRow ?? ''}
                  onChange={(e) =>
                    Number(e.target.value) > 0 && wizard.chooseHeaderRow(Number(e.target.value))
                  }
                />
              </label>
              {preview.format === 'csv' && (
                <span className="muted small">
                  {preview.encoding} · delimiter{' '}
                  {preview.delimiter === '\t' ? 'tab' : `“${preview.delimiter}”`}
                </span>
              )}
              <label className="inline">
                Dates
                <select
                  aria-label="Date format"
                  value={wizard.dateFormat ?? ''}
                  onChange={(e) =>
                    wizard.chooseDateFormat((e.target.value || undefined) as typeof wizard.dateFormat)
                  }
                >
                  <option value="">
                    {preview.dateFormat.format ? `as detected (${preview.dateFormat.format})` : 'detect'}
                  </option>
                  <option value="DD/MM/YYYY">day first (31/01/2025)</option>
                  <option value="MM/DD/YYYY">month first (01/31/2025)</option>
                  <option value="YYYY-MM-DD">ISO (2025-01-31)</option>
                </select>
              </label>
              {preview.dateFormat.ambiguous && !wizard.dateFormat && (
                <span className="warning-text small" role="note">
                  The dates could be day-first or month-first: choose which.
                </span>
              )}
            </div>
          </section>
          <MappingTable kind={kind} preview={preview} columns={wizard.columns} onMap={wizard.mapColumn} />
          <ProfileBar profile={preview.profile} onSave={wizard.saveProfile} />
          <PreviewRows kind={kind} preview={preview} />
          <div className="import-actions">
            {blocking.length > 0 && <p className="muted">Fix the problems above before importing.</p>}
            <button
              type="button"
              disabled={wizard.busy !== null || blocking.length > 0}
              onClick={() => void startImport()}
            >
              {wizard.busy === 'importing' ? 'Importing…' : 'Import file'}
            </button>
            {jobId && (
              <span className="progress" role="status">
                {progress ? `${progress.done.toLocaleString()} rows…` : 'Starting…'}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void api.call('jobs.cancel', { jobId })}
                >
                  Cancel
                </button>
              </span>
            )}
          </div>
        </div>
      )}
      <UnmatchedList version={batchesVersion} onLinked={() => setBatchesVersion((v) => v + 1)} />
      <BatchList version={batchesVersion} />
    </div>
  )
}
